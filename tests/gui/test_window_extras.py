"""The window beyond reading: one instance per library, watched folders, corrections, tree labels, language."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDir, QTranslator

from reader.config import resources_dir, seeds_dir
from reader.gui import inbox as inbox_module
from reader.gui.inbox import InboxWatcher
from reader.gui.main_window import WATCHED_RECORD
from reader.gui.single_instance import InstanceServer, hand_over, server_name
from tests.gui.conftest import close_window, import_and_wait, open_window
from tests.loaded_modules import modules_loaded_by

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"
SEED_001 = seeds_dir() / "001_be03ec69b60a77f1.txt"
ROOT = Path(__file__).resolve().parents[2]


def test_a_second_start_hands_its_files_to_the_open_window(qtbot, window, paths):
    server = InstanceServer(server_name(paths.data_dir))
    assert server.listen()
    server.activated.connect(window.receive_hand_over)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with qtbot.waitSignal(window.import_done, timeout=90000) as blocker:
        second = subprocess.Popen(
            [sys.executable, "-m", "reader", "--data-dir", str(paths.data_dir), str(SEED_000)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60000)
    assert second.returncode == 0
    assert "already open" in second.stderr.read()
    assert [imported.path for imported in blocker.args[0].imported] == [str(SEED_000)]
    server.close()


@pytest.mark.skipif(os.name == "nt", reason="named pipes leave nothing behind on Windows")
def test_a_socket_left_by_a_crashed_window_is_taken_over(paths):
    name = server_name(paths.data_dir)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(Path(QDir.tempPath()) / name))
    stale.close()  # bound, never unlinked: what a killed window leaves
    assert not hand_over(name, [], timeout_ms=500)  # nobody answers on it
    server = InstanceServer(name)
    try:
        assert server.listen()
    finally:
        server.close()


def test_reader_with_paths_means_open(monkeypatch):
    from reader import cli

    opened = {}
    monkeypatch.setattr(
        "reader.gui.app.run_window",
        lambda paths, language, files, kiosk: opened.update(files=files, kiosk=kiosk) or 0,
    )
    assert cli.main(["--lang", "en", "a.txt", "b"]) == 0
    assert opened == {"files": ["a.txt", "b"], "kiosk": False}
    assert cli.main(["--kiosk"]) == 0
    assert opened == {"files": [], "kiosk": True}
    assert cli._with_open_for_paths(["--data-dir", "lib", "list"], set(cli.COMMANDS)) == ["--data-dir", "lib", "list"]
    assert cli._with_open_for_paths(["--data-dir=lib", "x.txt"], set(cli.COMMANDS)) == [
        "--data-dir=lib",
        "open",
        "x.txt",
    ]
    choices = cli.build_parser()._subparsers._group_actions[0].choices
    assert set(choices) == set(cli.COMMANDS)


def test_a_watched_folder_of_the_user_is_imported_once_and_left_in_place(qtbot, window, paths, tmp_path):
    folder = tmp_path / "扫描件"
    folder.mkdir()
    window.set_watched_folders([str(folder)])
    copied = folder / SEED_001.name
    shutil.copy(SEED_001, copied)
    window.inbox.scan()
    with qtbot.waitSignal(window.import_done, timeout=60000) as blocker:
        window.inbox.scan()
    assert len(blocker.args[0].imported) == 1
    qtbot.waitUntil(lambda: (paths.data_dir / WATCHED_RECORD).exists(), timeout=10000)
    assert copied.exists()  # the user's folder is not touched
    # A later session does not hand the file over again.
    later = InboxWatcher(paths.inbox_dir, [folder], paths.data_dir / WATCHED_RECORD)
    handed: list = []
    later.files_ready.connect(handed.append)
    later.scan()
    later.scan()
    assert handed == []
    assert window._watched_folders() == [folder]


def test_the_watcher_looks_at_folders_off_the_gui_thread(qtbot, paths, tmp_path, monkeypatch):
    folder = tmp_path / "网络共享"
    folder.mkdir()
    shutil.copy(SEED_001, folder / SEED_001.name)
    threads = []
    original = inbox_module.signatures

    def recording_signatures(folders):
        threads.append(threading.current_thread())
        return original(folders)

    monkeypatch.setattr(inbox_module, "signatures", recording_signatures)
    watcher = InboxWatcher(paths.inbox_dir, [folder], paths.data_dir / WATCHED_RECORD)
    handed: list = []
    watcher.files_ready.connect(handed.append)
    for _ in range(2):  # first look: maybe still growing; second: unchanged, handed over
        with qtbot.waitSignal(watcher.looked, timeout=10000):
            watcher.look_in_background()
    assert handed == [[str(folder / SEED_001.name)]]
    assert threads and all(thread is not threading.main_thread() for thread in threads)


def test_correcting_an_issue_moves_it_in_the_tree(qtbot, window):
    import_and_wait(qtbot, window, [str(SEED_000)])
    issue_id = window.library.records()[0].id
    with qtbot.waitSignal(window.correction_done, timeout=60000):
        window.corrections.apply(issue_id, {"publication": "合川日报", "date": "2020-03-05", "page": "2"})
    model = window.tree_model
    assert [model.data(model.index(row, 0)) for row in range(model.rowCount())] == ["合川日报"]
    record = window.library.catalog.get(issue_id)
    assert (record.shown_publication, record.shown_date) == ("合川日报", "2020-03-05")


def test_a_bad_corrected_date_is_explained(qtbot, window, _no_modal_boxes):
    import_and_wait(qtbot, window, [str(SEED_000)])
    issue_id = window.library.records()[0].id
    window.corrections.apply(issue_id, {"date": "去年"})
    qtbot.waitUntil(lambda: bool(_no_modal_boxes), timeout=30000)
    assert "is not a date" in str(_no_modal_boxes[-1])


def test_tree_names_years_and_months_in_the_interface_language(qtbot, window):
    import_and_wait(qtbot, window, [str(SEED_000)])
    model = window.tree_model
    publication = model.index(0, 0)
    year = model.index(0, 0, publication)
    month = model.index(0, 0, year)
    assert (model.data(year), model.data(month)) == ("2021", "November")
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "reader_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        window.refresh_tree()
        year = model.index(0, 0, model.index(0, 0))
        assert (model.data(year), model.data(model.index(0, 0, year))) == ("2021年", "11月")
    finally:
        QCoreApplication.removeTranslator(translator)


def test_expanded_branches_stay_open_after_an_import(qtbot, window):
    seeds = sorted(seeds_dir().glob("*.txt"))
    import_and_wait(qtbot, window, [str(path) for path in seeds[:-1]])
    model = window.tree_model
    open_publication = window.tree.currentIndex().parent().parent().parent().parent()
    other = next(model.index(row, 0) for row in range(model.rowCount()) if model.index(row, 0) != open_publication)
    other_year = model.index(0, 0, other)
    window.tree.expand(other)  # a branch away from the open article, opened by the reader
    window.tree.expand(other_year)
    keys = {model.node(other).key, model.node(other_year).key}
    import_and_wait(qtbot, window, [str(seeds[-1])])
    reopened = model.indexes_of_keys(keys)
    assert len(reopened) == 2 and all(window.tree.isExpanded(index) for index in reopened)


def test_language_choice_is_remembered(qtbot, paths, _no_modal_boxes):
    first = open_window(qtbot, paths)
    first.choose_language("en")
    close_window(first)
    second = open_window(qtbot, paths)
    checked = [action.text() for action in second.actions_.language_menu.actions() if action.isChecked()]
    assert checked == ["English"]
    close_window(second)


def test_the_correction_dialog_keeps_a_bad_date_and_says_why(qtbot, window):
    from reader.gui.dialogs import CorrectionDialog

    import_and_wait(qtbot, window, [str(SEED_000)])
    dialog = CorrectionDialog(window.library.records()[0], window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["publication"].setText("合川日报")
    dialog.fields["date"].setText("2021-13")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert not dialog.error.isHidden() and "2021-13" in dialog.error.text()
    assert dialog.fields["publication"].text() == "合川日报"
    dialog.fields["date"].setText("2021-11")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.changes() == {"publication": "合川日报", "date": "2021-11", "page": None}


def test_closing_during_the_start_up_repair_stops_it_and_every_thread(qtbot, paths, monkeypatch):
    """The close used to wait for the search thread, which waited for a flag only the blocked GUI could set."""
    from reader.core.library.library import RepairReport

    window = open_window(qtbot, paths)
    started, asked_to_stop = threading.Event(), threading.Event()

    def slow_repair(cancelled=None, progress=None):
        started.set()
        for _ in range(1000):  # ten seconds at most, so that a broken close fails instead of hanging
            if cancelled and cancelled():
                asked_to_stop.set()
                return RepairReport(cancelled=True)
            asked_to_stop.wait(0.01)
        return RepairReport()

    monkeypatch.setattr(window.library, "repair", slow_repair)
    window.start_background_work(import_seeds_if_empty=False)
    qtbot.waitUntil(started.is_set, timeout=10000)
    window.close()
    assert asked_to_stop.is_set()
    assert window.jobs.writer.activeThreadCount() == 0
    assert window.jobs.search.activeThreadCount() == 0
    window.library.close()


def test_the_window_module_loads_neither_whoosh_nor_jieba_nor_numpy():
    """What the window imports before it is painted: Whoosh, jieba and numpy come when a search or an import needs them."""
    unwanted = ("whoosh", "jieba", "numpy", "opencc", "PySide6.QtPrintSupport")
    assert modules_loaded_by("import reader.gui.app", unwanted) == []


def test_dialogs_used_later_are_not_loaded_before_the_window_is_painted():
    """Printing, the import report, the calendar and the statistics load on first use: a window start skips them."""
    later = (
        "reader.gui.printing",
        "reader.gui.import_report",
        "reader.gui.issue_calendar_dialog",
        "reader.gui.library_statistics_dialog",
    )
    assert modules_loaded_by("import reader.gui.app", later) == []
