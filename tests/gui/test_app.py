"""The window opens at once and imports the bundled seeds on the first start."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from reader.config import seeds_dir
from reader.core.library import Library
from reader.gui.app import ImportJob, PlaceholderWindow


def test_first_start_imports_the_seeds_off_the_gui_thread(qtbot, paths):
    library = Library(paths)
    window = PlaceholderWindow(library)
    qtbot.addWidget(window)
    window.show()
    job = ImportJob(library, [str(seeds_dir())])
    job.signals.progress.connect(window.show_progress)
    with qtbot.waitSignal(job.signals.finished, timeout=60000) as finished:
        QThreadPool.globalInstance().start(job)
    window.import_finished(finished.args[0])
    assert len(finished.args[0].imported) == 5
    assert window.message.text().startswith("5 ")
    QThreadPool.globalInstance().waitForDone()
    library.close()
