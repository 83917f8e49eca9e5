"""Make the README's screenshots: the window on the sample issues, offscreen.

    python docs/make_screenshots.py [OUTPUT_DIR]

Writes main-window.png (an article), search-results.png (a search with an
opened hit) and import-progress.png (an import under way).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.config import resolve_paths, seeds_dir  # noqa: E402
from reader.core.library.library import Library  # noqa: E402
from reader.gui.app import install_translator, settings_for  # noqa: E402
from reader.gui.main_window import MainWindow  # noqa: E402


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


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    install_translator(app, "zh_CN")
    with tempfile.TemporaryDirectory(prefix="reader-shots-") as scratch:
        paths = resolve_paths(Path(scratch) / "data")
        library = Library(paths)
        window = MainWindow(paths, library, settings_for(paths))
        window.resize(1500, 900)
        window.show()
        window.import_paths([str(seeds_dir())])
        wait_for(window.import_done)
        record = next(r for r in library.records() if r.source.startswith("003"))
        window.open_article(record.id, 0)
        settle()
        window.grab().save(str(out / "main-window.png"))

        window.search_box.setText('"核酸检测采样"')
        window.run_search()
        wait_for(window.search_done)
        hits = window.results.hits
        first = hits.model().index(0, 0)
        hits.setCurrentIndex(first)
        hits.hit_index_chosen.emit(first)  # as a click on it: only the reader's choice opens a hit
        settle()
        window.grab().save(str(out / "search-results.png"))

        folder = Path(scratch) / "new"
        folder.mkdir()
        for number in range(40):
            text = (seeds_dir() / "001_be03ec69b60a77f1.txt").read_text(encoding="utf-8")
            (folder / f"北碚报_2022-04-{number % 28 + 1:02d}_{number}.txt").write_text(
                text + f"\n\n第{number}号", encoding="utf-8"
            )
        window.import_paths([str(folder)])
        QTimer.singleShot(1000, lambda: window.grab().save(str(out / "import-progress.png")))
        wait_for(window.import_done)
        window.close()
        library.close()
    print(f"wrote screenshots to {out}")


if __name__ == "__main__":
    main()
