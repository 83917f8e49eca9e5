"""Removing issues from the window: the confirmation, the job off the GUI thread, the tree and searches after."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QTranslator

from reader.config import resources_dir, seeds_dir
from reader.gui.removal import IssueRemoval
from tests.gui.conftest import import_and_wait, shown

ISSUE_TEXT = (
    "鹭江晚报 2023年1月5日 星期四 第2版\n\n\n"
    "渡口老船工的最后一班船\n\n"
    "本报讯(记者 林晓)1月4日清晨，鹭江渡口的老船工陈阿伯撑完了他的最后一班船。\n\n"
    "陈阿伯说，渡口的石阶他走了四十多年，往后会常来看看。\n"
)


def _issues_in_tree(window) -> set[str]:
    model, found, pending = window.tree_model, set(), [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            node = model.node(index)
            if node.kind == "issue":
                found.add(node.record.id)
            else:
                pending.append(index)
    return found


def _select_issue(window, issue_id: str) -> None:
    issue_index = window.tree_model.index_of_issue(issue_id)
    window.tree.selectionModel().select(issue_index, QItemSelectionModel.SelectionFlag.Select)


def _library_with_our_issue(qtbot, window, tmp_path):
    folder = tmp_path / "来稿"
    folder.mkdir()
    ours = folder / "鹭江晚报_2023-01-05.txt"
    ours.write_text(ISSUE_TEXT, encoding="utf-8")
    import_and_wait(qtbot, window, [str(seeds_dir()), str(ours)])
    records = {record.source: record for record in window.library.records()}
    return ours, records["鹭江晚报_2023-01-05.txt"], records["000_3ec1d81f3cd0b893.txt"]


def test_removing_the_selected_issues_after_confirming(qtbot, window, tmp_path, monkeypatch):
    ours_file, ours, seed = _library_with_our_issue(qtbot, window, tmp_path)
    window.open_article(ours.id, 0)
    shown(qtbot, window)
    window.search_box.setText('"鹭江渡口"')
    with qtbot.waitSignal(window.search_done, timeout=60000) as searched:
        window.run_search()
    assert searched.args[0].total == 1

    window.tree.clearSelection()
    _select_issue(window, ours.id)
    _select_issue(window, seed.id)
    asked = []
    monkeypatch.setattr(IssueRemoval, "confirm", lambda self, records: asked.append(records) or True)
    searches, threads = [], []
    window.search_done.connect(searches.append)
    remove = window.library.remove
    monkeypatch.setattr(window.library, "remove", lambda ids: threads.append(threading.current_thread()) or remove(ids))
    with qtbot.waitSignals([window.removal.removal_done, window.search_done], timeout=60000):
        window.removal.action.trigger()
    shown(qtbot, window)  # the open article was removed: the newest issue left opens, read off the GUI thread

    assert {record.id for record in asked[0]} == {ours.id, seed.id}
    assert threads and threads[0] is not threading.main_thread()  # never on the GUI thread
    assert _issues_in_tree(window) == {record.id for record in window.library.records()}
    assert ours.id not in _issues_in_tree(window) and seed.id not in _issues_in_tree(window)
    assert len(_issues_in_tree(window)) == 4
    assert searches[-1].total == 0  # the search ran again: no hit left
    assert window.results.hit_model.rowCount() == 0
    assert window.current is not None and window.current[0] not in {ours.id, seed.id}
    assert all(entry[0] not in {ours.id, seed.id} for entry in window.history.entries)  # Back never reaches them
    assert ours_file.exists()  # the file it was imported from is not touched
    assert not window.library.original_path(ours).exists()


def test_declining_the_confirmation_removes_nothing(qtbot, window, tmp_path, monkeypatch):
    _, ours, _ = _library_with_our_issue(qtbot, window, tmp_path)
    window.tree.clearSelection()
    _select_issue(window, ours.id)
    monkeypatch.setattr(IssueRemoval, "confirm", lambda self, records: False)
    window.removal.action.trigger()
    assert ours.id in _issues_in_tree(window)
    assert len(window.library.records()) == 6


def test_the_confirmation_names_each_issue_and_says_what_is_deleted(qtbot, window, tmp_path):
    _, ours, seed = _library_with_our_issue(qtbot, window, tmp_path)
    box, remove_button = window.removal.confirmation_box([ours, seed])
    assert "these 2 issues" in box.text()
    assert "鹭江晚报_2023-01-05.txt — 鹭江晚报, 2023-01-05" in box.text()
    assert "000_3ec1d81f3cd0b893.txt — 北碚报, 2021-11" in box.text()
    assert "not touched" in box.informativeText()
    assert box.defaultButton() is not remove_button  # Enter does not remove


def test_the_action_is_translated(qtbot, window):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert IssueRemoval(window).action.text() == "删除期次…"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_confirmation_in_chinese_names_each_issue_with_chinese_punctuation(qtbot, window, tmp_path):
    _, ours, _seed = _library_with_our_issue(qtbot, window, tmp_path)
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        box, _remove_button = IssueRemoval(window).confirmation_box([ours])
    finally:
        QCoreApplication.removeTranslator(translator)
    assert "鹭江晚报_2023-01-05.txt — 鹭江晚报，2023-01-05" in box.text()


def test_the_confirmation_of_one_issue_speaks_of_one(qtbot, window, tmp_path):
    _, ours, _seed = _library_with_our_issue(qtbot, window, tmp_path)
    box, _remove_button = window.removal.confirmation_box([ours])
    assert "Remove this issue" in box.text()
    assert "import it again to bring the issue back" in box.informativeText()
    assert "their" not in box.informativeText()
