"""The window's menus, toolbar and keyboard shortcuts, in one place.

Every command of the window is a QAction here, with its shortcut, so the
menus read as the list of what the reader can do; the slots are the
window's own methods (and those of its parts).  The actions other code
enables, checks or reuses are attributes of `WindowActions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow

#: Interface languages offered in the View menu: (settings value, name in its own language).
LANGUAGES = (("", None), ("zh_CN", "简体中文"), ("en", "English"))


class WindowActions(QObject):
    """Builds the menus and toolbar of `window`; `language` is the interface language chosen in the settings."""

    def __init__(self, window: MainWindow, language: str) -> None:
        super().__init__(window)
        self.window = window
        paths = window.paths
        menu = window.menuBar().addMenu(self.tr("&File"))
        #: The commands that change the library (disabled on a library that may only be read).
        self.changing: list[QAction] = [
            self._action(self.tr("Import Files…"), window.imports.choose_files, QKeySequence.StandardKey.Open),
            self._action(self.tr("Import Folder…"), window.imports.choose_folder, "Ctrl+Shift+O"),
        ]
        menu.addActions(self.changing)
        menu.addSeparator()
        export = window.article_export
        menu.addAction(self._action(self.tr("Print…"), export.print_article, QKeySequence.StandardKey.Print))
        save_pdf = self._action(self.tr("Save Article as PDF…"), export.save_pdf, "Ctrl+Shift+S")
        menu.addAction(save_pdf)
        #: The commands that open a file dialog without changing the library (off in reading-room mode).
        self.file_dialogs: list[QAction] = [save_pdf]
        menu.addSeparator()
        inbox = self._action(self.tr("Open Inbox Folder"), lambda: window.open_folder(paths.inbox_dir))
        watched = self._action(self.tr("Watched Folders…"), window.edit_watched_folders)
        menu.addActions([inbox, watched])
        menu.addAction(self._action(self.tr("Open Data Folder"), lambda: window.open_folder(paths.data_dir)))
        rebuild = self._action(self.tr("Rebuild Index"), window.rebuild_index)
        menu.addAction(rebuild)
        back_up = self._action(self.tr("Back Up Library…"), window.backup.choose_and_back_up)
        menu.addAction(back_up)
        self.file_dialogs.append(back_up)
        self.changing += [inbox, watched, rebuild]
        menu.addSeparator()
        room = window.reading_room_lock
        #: Reading-room mode at every start until unlocked (gui.reading_room_lock); the one shown depends on the mode.
        self.lock_reading_room = self._action(self.tr("Lock Reading-Room Mode…"), room.lock)
        self.unlock_reading_room = self._action(self.tr("Unlock Reading-Room Mode…"), room.unlock, "Ctrl+Alt+U")
        self.unlock_reading_room.setVisible(False)
        menu.addActions([self.lock_reading_room, self.unlock_reading_room])
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Quit"), window.close, QKeySequence.StandardKey.Quit))

        menu = window.menuBar().addMenu(self.tr("&Edit"))
        menu.addAction(self._action(self.tr("Find"), window.searching.focus, ["Ctrl+F", "Ctrl+K"]))
        citations = window.citations
        menu.addAction(self._action(self.tr("Copy Citation"), citations.copy_citation, "Ctrl+Alt+C"))
        menu.addAction(self._action(self.tr("Copy Article with Citation"), citations.copy_article, "Ctrl+Shift+C"))
        style_menu = menu.addMenu(self.tr("Citation Style"))
        style_menu.addActions(list(citations.style_actions.values()))
        menu.addSeparator()
        marks = window.bookmarks_panel
        menu.addAction(self._action(self.tr("Bookmark Article"), marks.bookmark_article, "Ctrl+D"))
        menu.addAction(self._action(self.tr("Add Note…"), marks.note_article, "Ctrl+Alt+N"))
        menu.addSeparator()
        self.correct_issue = self._action(
            self.tr("Correct Issue Details…"), window.corrections.correct_current_issue, "Ctrl+E"
        )
        menu.addAction(self.correct_issue)
        menu.addAction(window.removal.action)
        self.changing += [self.correct_issue, window.removal.action]

        menu = window.menuBar().addMenu(self.tr("&View"))
        menu.addAction(self._action(self.tr("Larger Text"), lambda: window.change_font(1), ["Ctrl++", "Ctrl+="]))
        menu.addAction(self._action(self.tr("Smaller Text"), lambda: window.change_font(-1), "Ctrl+-"))
        menu.addAction(self._action(self.tr("Normal Text Size"), lambda: window.change_font(0), "Ctrl+0"))
        self.dark_theme = self._action(self.tr("Dark Theme"), window.toggle_theme, "Ctrl+Shift+D", checkable=True)
        self.dark_theme.setChecked(window.theme == "dark")
        menu.addAction(self.dark_theme)
        menu.addAction(self._action(self.tr("Full Screen"), window.toggle_full_screen, "F11"))
        #: Issues as one scroll of their articles (MainWindow.set_whole_issue), remembered.
        self.whole_issue = self._action(self.tr("Whole Issue"), window.set_whole_issue, "Ctrl+Shift+I", checkable=True)
        self.whole_issue.setChecked(window.whole_issue)
        menu.addAction(self.whole_issue)
        menu.addAction(self._action(self.tr("Issue Calendar…"), window.show_issue_calendar, "Ctrl+Shift+K"))
        statistics = self._action(self.tr("Library Statistics…"), window.show_library_statistics, "Ctrl+Shift+L")
        menu.addAction(statistics)
        panel = window.bookmarks_panel.toggleViewAction()
        panel.setText(self.tr("Bookmarks"))
        panel.setShortcut(QKeySequence("Ctrl+Shift+B"))
        menu.addAction(panel)
        menu.addSeparator()
        self.language_menu = menu.addMenu(self.tr("Language"))
        for value, name in LANGUAGES:
            choice = QAction(name or self.tr("System Language"), window)
            choice.setCheckable(True)
            choice.setChecked(value == language)
            choice.triggered.connect(lambda _checked=False, value=value: window.choose_language(value))
            self.language_menu.addAction(choice)

        menu = window.menuBar().addMenu(self.tr("&Go"))
        self.back = self._action(self.tr("Back"), lambda: window.go_history(-1), QKeySequence.StandardKey.Back)
        self.forward = self._action(self.tr("Forward"), lambda: window.go_history(1), QKeySequence.StandardKey.Forward)
        menu.addAction(self.back)
        menu.addAction(self.forward)
        menu.addAction(self._action(self.tr("Previous Article"), lambda: window.step_article(-1), "Ctrl+PgUp"))
        menu.addAction(self._action(self.tr("Next Article"), lambda: window.step_article(1), "Ctrl+PgDown"))
        menu.addAction(self._action(self.tr("Next Match"), lambda: window.article.step_match(1), "F3"))
        menu.addAction(self._action(self.tr("Previous Match"), lambda: window.article.step_match(-1), "Shift+F3"))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Issue Tree"), lambda: window.tree.setFocus(), "Ctrl+1"))
        menu.addAction(self._action(self.tr("Article"), lambda: window.article.setFocus(), "Ctrl+2"))
        menu.addAction(self._action(self.tr("Search Results"), window.results.focus_hits, "Ctrl+3"))

        menu = window.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(
            self._action(self.tr("Search Syntax"), window.show_syntax_help, QKeySequence.StandardKey.HelpContents)
        )

        toolbar = window.addToolBar(self.tr("Search"))
        toolbar.setObjectName("search-toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.back)
        toolbar.addAction(self.forward)
        toolbar.addSeparator()
        toolbar.addWidget(window.search_box)

    def _action(self, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        """An action of the window (its shortcut works wherever the focus is in the window)."""
        made = QAction(text, self.window)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            made.setShortcuts([QKeySequence(s) for s in shortcuts])
        made.setCheckable(checkable)
        made.triggered.connect(slot)
        self.window.addAction(made)
        return made
