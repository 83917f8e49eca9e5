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
