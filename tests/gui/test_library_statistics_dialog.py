"""View → Library Statistics: the tabs fill, filter and export CSV; an old library is counted; the reading room."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import shutil
import sqlite3

import pytest
from PySide6.QtCore import QLocale, Qt

from reader.config import seeds_dir
from reader.core.errors import ErrorKind
from reader.core.library.library import Library
from reader.core.library.statistics import ALL
from reader.gui import dialogs
from reader.gui.app import settings_for
from reader.gui.library_statistics_dialog import HISTORY, PUBLICATIONS
from reader.gui.main_window import MainWindow
from reader.gui.messages import describe
from reader.gui.models.statistics_tables import EXPORT_ROLE
from tests.gui.conftest import close_window, hold_at, import_and_wait, open_window, shown

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"


def _opened(qtbot, window):
    """The dialog as the View menu opens it, once its counting is over."""
    action = next(a for a in window.actions() if a.shortcut().toString() == "Ctrl+Shift+L")
    action.trigger()
    dialog = window.library_statistics
    assert dialog.isVisible() and not dialog.isModal()
    qtbot.waitUntil(lambda: dialog.statistics is not None and dialog.job is None, timeout=30000)
    return dialog


def _column(view, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _read_csv(path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark: spreadsheets then read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def archive(qtbot, window, tmp_path):
    """The seeds imported, then a folder with an empty file, a file already present and a new issue."""
    import_and_wait(qtbot, window, [str(seeds_dir())])
    folder = tmp_path / "来稿"
    folder.mkdir()
    (folder / "空白页.txt").write_bytes(b"")
    (folder / "北碚报_副本.txt").write_bytes(SEED_000.read_bytes())
    (folder / "北碚报_2023-01-04.txt").write_text(SEED_000.read_text(encoding="utf-8") + "\n新的一期\n", "utf-8")
    import_and_wait(qtbot, window, [str(folder)])
    return window


def test_the_tabs_fill_with_the_librarys_figures(qtbot, archive):
    dialog = _opened(qtbot, archive)
    records = archive.library.records()
    view = dialog.publications_view
    model = view.model()
    assert _column(view, 0) == ["北碚报", "渝中报"]
    beibei = model.index(0, 0)
    years = [model.index(row, 0, beibei).data() for row in range(model.rowCount(beibei))]
    assert years == ["2021", "2022", "2023"]
    articles = sum(r.articles for r in records if r.shown_publication == "北碚报")
    assert model.index(0, 2).data() == QLocale().toString(articles)
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    # publications, issues, articles, reporters, in the summary's order
    counts = re.findall(r"\d[\d,]*", dialog.summary.text())
    assert counts[:3] == [QLocale().toString(value) for value in (2, len(records), sum(r.articles for r in records))]

    reporters = dialog.reporters_view
    top = dialog.statistics.reporters(ALL)[0]
    assert _column(reporters, 0)[0] == top.reporter and _column(reporters, 1)[0] == QLocale().toString(top.articles)
    reporters.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # sortable by any column
    assert _column(reporters, 0) == sorted(_column(reporters, 0))
    assert "credit no reporter" in dialog.reporters_note.text()

    history = dialog.history_view
    assert history.model().rowCount() == len(records) + 2  # every file of both imports
    assert set(_column(history, 2)) == {"imported", "already present", "rejected"}
    dialog.close()


def test_the_reporters_narrow_to_a_publication_and_a_name(qtbot, archive):
    dialog = _opened(qtbot, archive)
    everyone = set(_column(dialog.reporters_view, 0))
    dialog.reporter_find.setText("霍")
    assert sorted(_column(dialog.reporters_view, 0)) == sorted(name for name in everyone if "霍" in name)
    assert len(_column(dialog.reporters_view, 0)) >= 2
    dialog.reporter_find.clear()
    dialog.reporter_publication.setCurrentIndex(dialog.reporter_publication.findText("渝中报"))
    yuzhong = set(_column(dialog.reporters_view, 0))
    assert yuzhong == {credit.reporter for credit in dialog.statistics.reporters("渝中报")}
    assert yuzhong and yuzhong < everyone
    archive.library_changed.emit()  # the library changed: counted again, the choices kept
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30000)
    assert dialog.reporter_publication.currentText() == "渝中报" and set(_column(dialog.reporters_view, 0)) == yuzhong
    dialog.close()


def test_rejected_only_lists_the_rejected_files_with_the_import_reports_reasons(qtbot, archive):
    dialog = _opened(qtbot, archive)
    dialog.rejected_only.setChecked(True)
    history = dialog.history_view
    assert _column(history, 1) == ["空白页.txt"]
    assert _column(history, 3) == [describe(ErrorKind.EMPTY_FILE)]
    assert "empty_file" not in _column(history, 3)[0]
    dialog.rejected_only.setChecked(False)
    details = _column(history, 3)
    assert any(detail.startswith("already in the library as 北碚报 ") for detail in details)
    dialog.close()


def test_each_tab_exports_what_it_lists_as_csv(qtbot, archive, tmp_path, monkeypatch):
    dialog = _opened(qtbot, archive)
    target = tmp_path / "导出" / "统计.csv"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *args: str(target))

    dialog.tabs.setCurrentIndex(0)
    assert dialog.shown_tab() == PUBLICATIONS
    dialog.export_shown()
    rows = _read_csv(target)
    assert rows[0] == ["Publication", "Year", "Issues", "Articles", "First issue", "Last issue"]
    table = {(row[0], row[1]): (int(row[2]), int(row[3]), row[4], row[5]) for row in rows[1:]}
    expected = {
        (str(r.publication), str(r.year)): (r.issues, r.articles, r.first, r.last)
        for r in dialog.statistics.publication_years
    }
    assert table == expected
    assert archive.settings.value("bookmarks_folder") == str(target.parent)  # the export folder is remembered

    dialog.tabs.setCurrentIndex(1)
    dialog.reporter_publication.setCurrentIndex(dialog.reporter_publication.findText("北碚报"))
    dialog.export_shown()
    rows = _read_csv(target)
    assert rows[0] == ["Reporter", "Articles", "Issues", "First issue", "Last issue", "Publications"]
    listed = [(c.reporter, c.articles, c.issues, c.first, c.last) for c in dialog.statistics.reporters("北碚报")]
    assert [(row[0], int(row[1]), int(row[2]), row[3], row[4]) for row in rows[1:]] == listed
    assert {row[5] for row in rows[1:]} == {"北碚报"}

    dialog.tabs.setCurrentIndex(2)
    assert dialog.shown_tab() == HISTORY
    dialog.rejected_only.setChecked(True)
    dialog.export_shown()
    rows = _read_csv(target)
    assert len(rows) == 2 and rows[1][2] == "rejected" and rows[1][3] == describe(ErrorKind.EMPTY_FILE)
    assert rows[1][1] == str(tmp_path / "来稿" / "空白页.txt")  # the whole path, as a librarian finds the file
    dialog.close()


def test_an_older_library_is_counted_in_the_background_and_kept(qtbot, seeded_paths):
    with contextlib.closing(sqlite3.connect(seeded_paths.catalog_file)) as db:
        db.execute("DROP TABLE credits")  # as a version before statistics left it
        db.commit()
    window = open_window(qtbot, seeded_paths)
    try:
        progress = []
        window.show_library_statistics()
        dialog = window.library_statistics
        dialog.progress.valueChanged.connect(progress.append)
        qtbot.waitUntil(lambda: dialog.statistics is not None and dialog.job is None, timeout=30000)
        assert dialog.statistics.counted and dialog.statistics.stored and not dialog.statistics.uncounted
        assert progress and max(progress) == 5
        assert not dialog.progress.isVisible()
        assert dialog.reporters_view.model().rowCount() > 10
        assert len(window.library.catalog.credits()) == 5  # the next opening reads no issue
        dialog.close()
    finally:
        close_window(window)


def test_counting_an_older_library_can_be_cancelled(qtbot, seeded_paths, monkeypatch):
    with contextlib.closing(sqlite3.connect(seeded_paths.catalog_file)) as db:
        db.execute("DROP TABLE credits")
        db.commit()
    window = open_window(qtbot, seeded_paths)
    try:
        reached, release = hold_at(monkeypatch, Library, "load_issue")
        window.show_library_statistics()
        dialog = window.library_statistics
        qtbot.waitUntil(lambda: dialog.statistics is not None)  # the catalog's figures at once
        assert dialog.publications_view.model().rowCount() == 2
        assert reached.wait(10) and dialog.cancel_button.isVisible()
        dialog.cancel_button.click()
        release.set()
        qtbot.waitUntil(lambda: dialog.job is None and dialog.statistics.stopped, timeout=30000)
        assert "Stopped" in dialog.reporters_note.text() and len(dialog.statistics.uncounted) == 4
        dialog.close()
    finally:
        close_window(window)


def test_the_reading_room_shows_no_import_history_and_exports_nothing(qtbot, paths):
    setup = open_window(qtbot, paths)
    import_and_wait(qtbot, setup, [str(seeds_dir())])
    close_window(setup)
    library = Library(paths, read_only=True)
    window = MainWindow(paths, library, settings_for(paths), kiosk=True)
    qtbot.addWidget(window)
    window.show()
    window.start_background_work(import_seeds_if_empty=False)
    shown(qtbot, window)
    try:
        dialog = _opened(qtbot, window)
        tabs = [dialog.tabs.tabText(index) for index in range(dialog.tabs.count())]
        assert tabs == ["Publications", "Reporters"] and dialog.history_view is None
        assert not dialog.export_button.isVisible()
        assert dialog.reporters_view.model().rowCount() > 10
        dialog.close()
    finally:
        window.close()
        library.close()


def test_an_import_while_the_dialog_is_open_is_counted_in(qtbot, window, tmp_path):
    import_and_wait(qtbot, window, [str(SEED_000)])
    dialog = _opened(qtbot, window)
    assert dialog.history_view.model().rowCount() == 1
    (tmp_path / "空.txt").write_bytes(b"")
    import_and_wait(qtbot, window, [str(seeds_dir() / "003_6cd1b7fef63f82be.txt"), str(tmp_path / "空.txt")])
    qtbot.waitUntil(lambda: dialog.job is None and dialog.history_view.model().rowCount() == 3, timeout=30000)
    assert _column(dialog.publications_view, 0) == ["北碚报", "渝中报"]
    assert re.match(r"1\D", dialog.history_note.text())  # "1 files rejected.": the note starts with the count
    dialog.close()


def test_a_reading_room_on_an_older_library_reads_its_issues_once_a_session(qtbot, paths, monkeypatch):
    setup = open_window(qtbot, paths)
    import_and_wait(qtbot, setup, [str(seeds_dir())])
    close_window(setup)
    with contextlib.closing(sqlite3.connect(paths.catalog_file)) as db:
        db.execute("DROP TABLE credits")  # a library of a version before statistics, shared read only
        db.commit()
    library = Library(paths, read_only=True)
    window = MainWindow(paths, library, settings_for(paths), kiosk=True)
    qtbot.addWidget(window)
    window.show()
    shown(qtbot, window)
    read = []
    load_issue = Library.load_issue
    monkeypatch.setattr(
        Library, "load_issue", lambda self, issue_id: read.append(issue_id) or load_issue(self, issue_id)
    )
    try:
        for _ in range(2):
            dialog = _opened(qtbot, window)
            qtbot.waitUntil(lambda dialog=dialog: not dialog.statistics.uncounted, timeout=30000)
            assert dialog.reporters_view.model().rowCount() > 10
            dialog.close()
        assert len(read) == 5  # the second opening counted nothing again
    finally:
        window.close()
        library.close()


def test_asked_again_the_open_dialog_comes_to_the_front_not_a_second_one(qtbot, window):
    import_and_wait(qtbot, window, [str(SEED_000)])
    dialog = _opened(qtbot, window)
    window.show_library_statistics()
    assert window.library_statistics is dialog
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.show_library_statistics()  # closed: a new one
    assert window.library_statistics is not dialog
    window.library_statistics.close()


def test_rejected_rows_take_the_error_colour_of_the_theme_shown(qtbot, window, tmp_path):
    from PySide6.QtGui import QColor

    from reader.gui.theme import dark_palette, error_color

    (tmp_path / "空.txt").write_bytes(b"")
    import_and_wait(qtbot, window, [str(tmp_path / "空.txt")])
    dialog = _opened(qtbot, window)
    model = dialog.history_view.model()
    outcome = model.index(0, 2)
    assert model.data(outcome, Qt.ItemDataRole.DecorationRole) is not None
    dialog.setPalette(dark_palette())  # the dark theme, switched to while the dialog is open
    assert model.data(outcome, Qt.ItemDataRole.ForegroundRole) == QColor(error_color(dark_palette()))
    dialog.close()


def test_a_minimized_dialog_asked_for_again_comes_back(qtbot, window):
    import_and_wait(qtbot, window, [str(SEED_000)])
    dialog = _opened(qtbot, window)
    dialog.showMinimized()
    window.show_library_statistics()
    assert window.library_statistics is dialog and not dialog.isMinimized()
    dialog.close()


def test_the_history_names_where_an_inbox_file_went_not_the_inbox(qtbot, window, paths):
    (paths.inbox_dir / "空白页.txt").write_bytes(b"")
    shutil.copy(SEED_000, paths.inbox_dir / SEED_000.name)
    window.inbox.scan()  # first look: the files may still be growing
    with qtbot.waitSignal(window.import_done, timeout=60000):
        window.inbox.scan()  # unchanged since: handed over
    rejected_to = paths.inbox_dir / "rejected" / "空白页.txt"
    imported_to = paths.inbox_dir / "imported" / SEED_000.name
    qtbot.waitUntil(lambda: rejected_to.exists() and imported_to.exists(), timeout=10000)

    def logged() -> set[str]:
        return {row[1] for row in window.library.catalog.import_log()}

    qtbot.waitUntil(lambda: logged() == {str(rejected_to), str(imported_to)}, timeout=10000)
    dialog = _opened(qtbot, window)
    rejected = [
        row for row in range(dialog.history_view.model().rowCount()) if "空白页" in _column(dialog.history_view, 1)[row]
    ]
    assert dialog.history_view.model().index(rejected[0], 1).data(EXPORT_ROLE) == str(rejected_to)  # and the CSV
    dialog.close()


def test_the_history_is_worded_without_the_dialog_so_closing_it_meanwhile_is_safe(qtbot, archive, monkeypatch):
    """The rows are made on the statistics thread with a parentless wording: a dialog closed and deleted
    meanwhile takes nothing they use with it (its own wording object would go with it)."""
    import threading

    from reader.gui import library_statistics_dialog
    from reader.gui.import_report import ImportWording
    from reader.gui.library_statistics_dialog import history_rows

    given = []
    with_history = library_statistics_dialog._with_history

    def noted(statistics, wording, job):
        given.append((wording.parent(), threading.current_thread() is threading.main_thread()))
        return with_history(statistics, wording, job)

    monkeypatch.setattr(library_statistics_dialog, "_with_history", noted)
    dialog = _opened(qtbot, archive)
    assert given == [(None, False)]  # the dialog's own wording not used; the rows made off the GUI thread
    statistics = dialog.statistics
    shown_rows = [_column(dialog.history_view, column) for column in range(4)]
    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: archive.library_statistics is None or not archive.library_statistics.isVisible())
    made = []
    wording = ImportWording()
    thread = threading.Thread(target=lambda: made.append(history_rows(statistics, wording)))
    thread.start()
    thread.join()
    assert [[row[column].text for row in made[0]] for column in range(4)] == shown_rows
