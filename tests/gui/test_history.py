"""Back and Forward: only the reader's choices, no repeats, the road ahead dropped by a new choice."""

from __future__ import annotations

from reader.gui.history import History


def test_a_repeated_choice_is_one_visit_that_keeps_the_latest_terms():
    history = History()
    history.visit("a", 1, ())
    history.visit("a", 1, ("核酸",))  # a click, then a double click on the same hit
    assert history.entries == [("a", 1, ("核酸",))] and not history.can_go_back()


def test_a_new_choice_after_going_back_drops_what_lay_ahead():
    history = History()
    for ordinal in range(3):
        history.visit("a", ordinal, ())
    assert history.step(-1) == ("a", 1, ()) and history.can_go_forward()
    history.visit("b", 0, ())
    assert [entry[:2] for entry in history.entries] == [("a", 0), ("a", 1), ("b", 0)]
    assert not history.can_go_forward() and history.step(1) is None


def test_clearing_the_search_and_removing_issues():
    history = History()
    history.visit("a", 0, ("疫苗",))
    history.visit("b", 2, ("疫苗",))
    history.visit("a", 3, ())
    history.forget_needles()
    assert all(needles == () for _issue, _ordinal, needles in history.entries)
    history.forget_issues({"a"})
    assert history.entries == [("b", 2, ())] and history.at == 0
    assert history.step(-1) is None and history.step(1) is None


def _walked(*issues: str, back: int) -> History:
    history = History()
    for issue in issues:
        history.visit(issue, 0, ())
    for _ in range(back):
        history.step(-1)
    return history


def test_removing_issues_keeps_the_reader_where_they_stand():
    history = _walked("a", "b", "c", "d", back=2)  # on b; Forward leads to c
    history.forget_issues({"z"})  # never visited: nothing changes
    assert history.entries[history.at][0] == "b" and history.can_go_forward() and history.can_go_back()
    history.forget_issues({"a"})  # behind the reader
    assert history.entries[history.at][0] == "b" and not history.can_go_back() and history.can_go_forward()
    history.forget_issues({"d"})  # ahead
    assert history.entries[history.at][0] == "b" and history.step(1)[0] == "c"


def test_removing_the_issue_at_hand_steps_to_the_visit_before_it_and_clear_forgets_all():
    history = _walked("a", "b", "c", back=1)  # on b
    history.forget_issues({"b"})
    assert history.entries[history.at][0] == "a" and history.step(1)[0] == "c"
    history.clear()
    assert history.entries == [] and history.at == -1 and not history.can_go_back()
