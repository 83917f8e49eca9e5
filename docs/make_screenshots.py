"""Make screenshots of every screen of the window, on the sample issues.

    python docs/make_screenshots.py [--lang zh_CN|en] [--out DIR] [--grab screen|window] [--only NAME,...]

Without a display (no DISPLAY) it runs offscreen and saves each window or
dialog by itself.  On a real X display (an Xvfb of the size to check, say
`Xvfb :77 -screen 0 1366x768x24`) it grabs the whole screen for each state,
so that one sees whether the window and each dialog fit it; `--grab window`
saves the main window alone instead (the README's pictures).  Set
QT_SCALE_FACTOR=1.25 to see a laptop at 125 % scaling, READER_SHOT_QUERY to
search for something else than "核酸检测采样" (北碚區, 记者熊辉: forms search folds).

The states, one PNG each (`--only` picks some, by name):
  welcome               a first start: the welcome text while the sample issues are imported
  main-window           an article open
  search-results        a search with its hits listed and a hit opened, F3 stepped to its second match
  search-facets         the results panel of a search in both papers: hits per paper and year, the timeline
  import-progress       an import under way (progress and Cancel in the status bar)
  import-report         the report of an import with a rejected, an empty and an already present file
  correction            Edit → Correct Issue Details…
  correction-bad-date   the same with a bad date typed and its error shown
  watched-folders       File → Watched Folders…
  folder-path           the folder's path, shown where no file manager opens it
  remove-confirmation   Edit → Remove Issue…, the confirmation
  search-syntax         Help → Search Syntax
  file-dialog           File → Import Files…, Qt's own file dialog
  dark-theme            View → Dark Theme, with a search's hits and a hit open
  edit-menu             the Edit menu: Copy Citation, Copy Article with Citation, Citation Style
  bookmarks             View → Bookmarks: two bookmarks, one a note on a passage, beside the article
  issue-calendar        View → Issue Calendar…: a weekly paper's 2021, with missing, duplicated and
                        off-rhythm days (a year of issues made from a seed and imported first)
  library-statistics    View → Library Statistics…: issues and articles per publication and year (the
                        seeds, the imports above and the weekly paper of the calendar)
  library-statistics-reporters   its Reporters tab: the reporters most credited
  library-statistics-history     its Import History tab: every file imported, already present or rejected
  kiosk                 `reader --kiosk`: the reading-room window (a second window, on the library read only)
  article-pdf           File → Save Article as PDF…: the first page of the PDF, rendered back (pypdfium2,
                        one of the test dependencies)

The README's pictures (Chinese, on a 1600×1000 screen):
    Xvfb :77 -screen 0 1600x1000x24 & DISPLAY=:77 python docs/make_screenshots.py --grab window \\
        --only main-window,search-results,import-progress,dark-theme
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QTextCursor  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QWidget,
)

from reader.config import resolve_paths, seeds_dir  # noqa: E402
from reader.core.library.import_log import REJECTED  # noqa: E402
from reader.core.library.library import Library  # noqa: E402
from reader.gui.app import install_translator, settings_for  # noqa: E402
from reader.gui.dialogs import CorrectionDialog, FolderPathDialog  # noqa: E402
from reader.gui.import_report import ImportWording  # noqa: E402
from reader.gui.main_window import MainWindow  # noqa: E402
from reader.gui.reading_room_lock import PasswordDialog  # noqa: E402

STATES = (
    "welcome",
    "main-window",
    "search-results",
    "search-facets",
    "import-progress",
    "import-report",
    "correction",
    "correction-bad-date",
    "watched-folders",
    "folder-path",
    "remove-confirmation",
    "search-syntax",
    "file-dialog",
    "dark-theme",
    "edit-menu",
    "bookmarks",
    "issue-calendar",
    "library-statistics",
    "library-statistics-reporters",
    "library-statistics-history",
    "kiosk",
    "reading-room-lock",
    "whole-issue",
    "article-pdf",
)
#: The window's size offscreen, where there is no screen to fit.
OFFSCREEN_SIZE = (1500, 900)


def wait_for(signal, timeout_ms: int = 120000) -> list:
    loop, received = QEventLoop(), []
    signal.connect(lambda *args: (received.extend(args), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return received


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_ms: int = 60000) -> bool:
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > timeout_ms:
            return False
        settle(20)
    return True


class Shooter:
    """Saves the states asked for: the whole screen on a display (or the main window), else each widget alone."""

    def __init__(self, out: Path, grab: str, only: set[str]) -> None:
        self.out, self.grab, self.only = out, grab, only
        self.saved: list[Path] = []

    def wanted(self, name: str) -> bool:
        return not self.only or name in self.only

    def save(self, name: str, widget: QWidget) -> None:
        if not self.wanted(name):
            return
        QApplication.processEvents()
        if self.grab == "screen":
            pixmap = QGuiApplication.primaryScreen().grabWindow(0)
        elif self.grab == "window":
            pixmap = widget.window().grab() if not isinstance(widget, QDialog) else widget.grab()
        else:
            pixmap = widget.grab()
        path = self.out / f"{name}.png"
        pixmap.save(str(path))
        self.saved.append(path)

    def during_exec(self, name: str, start: Callable[[], None], act: Callable[[QWidget], None] | None = None) -> None:
        """Run `start`, which opens a modal dialog; while its exec() runs, `act` on it, save it, close it."""

        def shoot() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(50, shoot)
                return
            if act is not None:
                act(dialog)
            settle(200)
            self.save(name, dialog)
            dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

        QTimer.singleShot(300, shoot)
        start()


def open_article(window: MainWindow, issue_id: str, ordinal: int) -> None:
    window.open_article(issue_id, ordinal)
    wait_until(lambda: not window.tree_pending and window.opening is None)
    settle()


def first_start(window: MainWindow, shots: Shooter) -> None:
    """An empty library: the welcome shows while the samples are imported; the newest issue opens after."""
    window.start_background_work(import_seeds_if_empty=True)
    settle(200)
    shots.save("welcome", window)
    wait_for(window.import_done)
    wait_until(lambda: not window.tree_pending and window.opening is None and window.current is not None)


def reading_and_searching(window: MainWindow, shots: Shooter) -> None:
    record = next(r for r in window.library.records() if r.source.startswith("003"))
    open_article(window, record.id, 0)
    shots.save("main-window", window)

    search_and_open_a_hit(window)
    shots.save("search-results", window)

    if shots.wanted("search-facets"):
        window.search_box.setText("疫情")
        window.run_search()
        wait_for(window.search_done)
        settle()
        shots.save("search-facets", window.results)


def search_and_open_a_hit(window: MainWindow) -> None:
    """A phrase search, its first hit opened as by a click, F3 pressed once."""
    window.search_box.setText(os.environ.get("READER_SHOT_QUERY", '"核酸检测采样"'))
    window.run_search()
    wait_for(window.search_done)
    hits = window.results.hits
    first = hits.model().index(0, 0)
    hits.setCurrentIndex(first)
    hits.hit_index_chosen.emit(first)  # as a click on it: only the reader's choice opens a hit
    wait_until(lambda: not window.tree_pending and window.opening is None)
    window.article.step_match(1)  # F3: the current match apart from the others
    settle()


def importing(window: MainWindow, shots: Shooter, scratch: Path) -> None:
    folder = scratch / "new"
    folder.mkdir()
    text = (seeds_dir() / "001_be03ec69b60a77f1.txt").read_text(encoding="utf-8")
    for number in range(40):
        (folder / f"北碚报_2022-04-{number % 28 + 1:02d}_{number}.txt").write_text(
            text + f"\n\n第{number}号", encoding="utf-8"
        )
    window.import_paths([str(folder)])
    wait_until(lambda: window.progress.isVisible() and window.progress.maximum() > 0 and window.progress.value() > 2)
    shots.save("import-progress", window)
    wait_for(window.import_done)

    odd = scratch / "odd"
    odd.mkdir()
    (odd / "扫描件_0001.txt").write_bytes(bytes(range(256)) * 8)  # not text
    (odd / "空白页.txt").write_bytes(b"")
    (odd / "北碚报_2021-11-09_副本.txt").write_bytes((seeds_dir() / "000_3ec1d81f3cd0b893.txt").read_bytes())
    window.import_paths([str(odd)])
    wait_for(window.import_done)
    wait_until(lambda: window.imports.report_dialog is not None and window.imports.report_dialog.isVisible())
    settle()
    shots.save("import-report", window.imports.report_dialog)
    window.imports.report_dialog.close()


def dialogs(window: MainWindow, shots: Shooter, paths) -> None:
    window.tree.setFocus()
    shots.during_exec("correction", window.corrections.correct_current_issue)

    def bad_date(dialog: QWidget) -> None:
        if isinstance(dialog, CorrectionDialog):
            dialog.fields["date"].setText("2021年11月9日")
            dialog.accept()  # refused: the error is shown and the dialog stays

    shots.during_exec("correction-bad-date", window.corrections.correct_current_issue, bad_date)

    window.settings.setValue("watched_folders", [str(Path.home() / "扫描" / "北碚报"), "/mnt/档案室共享/渝中报"])
    shots.during_exec("watched-folders", window.edit_watched_folders)
    window.settings.setValue("watched_folders", [])

    opens = QDesktopServices.openUrl
    QDesktopServices.openUrl = lambda _url: False  # as on a PC without a file manager
    window.open_folder(paths.inbox_dir)
    QDesktopServices.openUrl = opens
    dialog = window.findChild(FolderPathDialog)
    settle()
    shots.save("folder-path", dialog)
    dialog.close()

    shots.during_exec("remove-confirmation", lambda: window.removal.confirm(window.removal.selected_records()))
    shots.during_exec("search-syntax", window.show_syntax_help)

    def fill_in(dialog: QWidget) -> None:
        if isinstance(dialog, QFileDialog):
            dialog.setDirectory(str(seeds_dir()))

    shots.during_exec("file-dialog", window.imports.choose_files, fill_in)

    def type_passwords(dialog: QWidget) -> None:
        if isinstance(dialog, PasswordDialog):
            dialog.password.setText("reading-room")
            dialog.again.setText("reading")

    shots.during_exec("reading-room-lock", window.reading_room_lock.lock, type_passwords)


def dark(window: MainWindow, shots: Shooter) -> None:
    search_and_open_a_hit(window)
    window.dark_action.trigger()
    settle()
    shots.save("dark-theme", window)
    window.dark_action.trigger()


def bookmarking(window: MainWindow, shots: Shooter) -> None:
    """Two bookmarks, the second a note on a passage, the panel open beside the article."""
    if not shots.wanted("bookmarks"):
        return
    record = next(r for r in window.library.records() if r.source.startswith("001"))
    open_article(window, record.id, 4)
    window.bookmarks_panel.bookmark_article()
    open_article(window, record.id, 1)
    passage = window.article.view.blocks[1].text[:24]
    cursor = window.article.textCursor()
    start = window.article.toPlainText().index(passage)
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
    window.article.setTextCursor(cursor)
    note = (
        "核酸检测点的志愿者：可与 2022 年春的报道对照"
        if window.tr("Bookmarks") == "书签"
        else "Volunteers at the testing site"
    )
    QInputDialog.getMultiLineText = lambda *args, **kwargs: (note, True)  # the dialog itself is Qt's
    window.bookmarks_panel.bookmark_article()
    settle()
    shots.save("bookmarks", window)
    window.bookmarks_panel.hide()


def whole_issue(window: MainWindow, shots: Shooter) -> None:
    """An issue read whole: the end of one article, the rule, the next one's head; the tree on the second."""
    if not shots.wanted("whole-issue"):
        return
    window.search_box.clear()
    window.set_whole_issue(True)
    record = next(r for r in window.library.records() if r.source.startswith("000"))
    open_article(window, record.id, 2)
    bar = window.article.verticalScrollBar()
    bar.setValue(bar.value() - window.article.viewport().height() // 3)
    settle()
    shots.save("whole-issue", window)
    window.set_whole_issue(False)


def import_weekly_paper(window: MainWindow, scratch: Path) -> None:
    """A weekly paper's year: its Wednesdays of 2021 but four, one twice, one issue on a Sunday (imported once)."""
    text = (seeds_dir() / "000_3ec1d81f3cd0b893.txt").read_text(encoding="utf-8")
    folder = scratch / "weekly"
    if folder.exists():
        return
    folder.mkdir()
    days = [dt.date(2021, 1, 6) + dt.timedelta(weeks=week) for week in range(52)]
    names = [(day, "") for index, day in enumerate(days) if index not in (9, 10, 30, 47)]
    names += [(days[20], "-b"), (dt.date(2021, 6, 13), "")]
    for number, (day, suffix) in enumerate(names):
        # A line of its own makes each file an issue of its own (the same text twice is one issue).
        (folder / f"江州周报_{day.isoformat()}{suffix}.txt").write_text(f"{text}\n第{number}号\n", encoding="utf-8")
    window.import_paths([str(folder)])
    wait_for(window.import_done)


def issue_calendar(window: MainWindow, shots: Shooter, scratch: Path) -> None:
    """The weekly paper's 2021: missing, duplicated and off-rhythm days."""
    if not shots.wanted("issue-calendar"):
        return
    import_weekly_paper(window, scratch)
    window.show_issue_calendar()
    dialog = window.issue_calendar
    dialog.publication.setCurrentIndex(dialog.publication.findData("江州周报"))
    dialog.resize(900, 720)
    settle()
    shots.save("issue-calendar", dialog)
    dialog.close()


def library_statistics(window: MainWindow, shots: Shooter, scratch: Path) -> None:
    """The statistics of the library the states above made, a picture of each tab."""
    tabs = ("library-statistics", "library-statistics-reporters", "library-statistics-history")
    if not any(shots.wanted(name) for name in tabs):
        return
    import_weekly_paper(window, scratch)
    window.show_library_statistics()
    dialog = window.library_statistics
    wait_until(lambda: dialog.statistics is not None and dialog.job is None)
    dialog.resize(960, 640)
    history = dialog.history_view.model()
    rejected = next(
        (
            history.index(row, 2)
            for row in range(history.rowCount())
            if history.index(row, 2).data() == ImportWording().outcome(REJECTED)
        ),
        None,
    )
    for index, name in enumerate(tabs):
        dialog.tabs.setCurrentIndex(index)
        if name == "library-statistics-history" and rejected is not None:  # the import with rejected files
            dialog.history_view.scrollTo(rejected, QAbstractItemView.ScrollHint.PositionAtCenter)
        settle()
        shots.save(name, dialog)
    dialog.close()


def reading_room(paths, shots: Shooter) -> None:
    """The window `reader --kiosk` opens: the library read only, the Reading room label, an article open."""
    if not shots.wanted("kiosk"):
        return
    library = Library(paths, read_only=True)
    window = MainWindow(paths, library, settings_for(paths, read_only=False), kiosk=True)
    window.resize(*OFFSCREEN_SIZE) if QGuiApplication.platformName() == "offscreen" else window.showFullScreen()
    window.show()
    window.start_background_work(import_seeds_if_empty=False)
    wait_until(lambda: not window.tree_pending)
    record = next(r for r in library.records() if r.source.startswith("003"))
    open_article(window, record.id, 0)
    shots.save("kiosk", window)
    window.close()
    library.close()


def citing_and_printing(window: MainWindow, shots: Shooter, scratch: Path) -> None:
    """The Edit menu with its citation commands, and an article saved as PDF, its first page as a picture."""
    edit = window.menuBar().actions()[1].menu()
    if shots.wanted("edit-menu"):
        edit.popup(window.mapToGlobal(window.rect().topLeft()) + QPoint(60, 40))
        settle()
        shots.save("edit-menu", edit)
        edit.hide()
    if shots.wanted("article-pdf"):
        import pypdfium2

        from reader.gui import article_export

        pdf = scratch / "article.pdf"
        article_export.choose_save_path = lambda *args: str(pdf)  # the dialog is photographed elsewhere
        window.article_export.save_pdf()
        document = pypdfium2.PdfDocument(str(pdf))
        pixels = document[0].render(scale=1.4, rev_byteorder=True).to_numpy()  # RGB, a byte each
        height, width, _ = pixels.shape
        image = QImage(pixels.tobytes(), width, height, width * 3, QImage.Format.Format_RGB888)
        path = shots.out / "article-pdf.png"
        if image.save(str(path)):
            shots.saved.append(path)
        document.close()


def main() -> None:
    on_display = os.environ.get("QT_QPA_PLATFORM") != "offscreen"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "screenshots")
    parser.add_argument("--grab", choices=("screen", "window"), default="screen" if on_display else "widget")
    parser.add_argument("--only", default="", help="comma-separated state names: " + ", ".join(STATES))
    options = parser.parse_args()
    only = {name for name in options.only.split(",") if name}
    unknown = only - set(STATES)
    if unknown:
        parser.error(f"unknown states: {', '.join(sorted(unknown))}")
    options.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translator(app, options.lang)
    # Qt's own file dialog, as the app uses where the system language is not the interface's.
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    shots = Shooter(options.out, options.grab, only)
    with tempfile.TemporaryDirectory(prefix="reader-shots-") as scratch:
        paths = resolve_paths(Path(scratch) / "data")
        library = Library(paths)
        window = MainWindow(paths, library, settings_for(paths))
        if QGuiApplication.platformName() == "offscreen":
            window.resize(*OFFSCREEN_SIZE)
        window.show()
        first_start(window, shots)
        reading_and_searching(window, shots)
        if any(shots.wanted(name) for name in STATES[STATES.index("import-progress") :]):
            importing(window, shots, Path(scratch))
            window.search_box.clear()
            record = next(r for r in library.records() if r.source.startswith("003"))
            open_article(window, record.id, 0)
            dialogs(window, shots, paths)
            dark(window, shots)
            bookmarking(window, shots)
            whole_issue(window, shots)
            citing_and_printing(window, shots, Path(scratch))
            issue_calendar(window, shots, Path(scratch))
            library_statistics(window, shots, Path(scratch))
            reading_room(paths, shots)
        window.close()
        library.close()
    print("\n".join(str(path) for path in shots.saved))


if __name__ == "__main__":
    main()
