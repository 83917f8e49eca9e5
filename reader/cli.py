"""Command line: `reader parse/import/list/search/correct/remove/reindex`, or the window with no subcommand.

The `--json` outputs are contracts other tools rely on; README documents them.
Errors a user can cause print one line on stderr, never a traceback.  Output
cut short by its reader (`reader search 碚 | head -2`) ends the command
quietly, with the status a shell gives a tool killed by SIGPIPE (141).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reader import __version__
from reader.config import resolve_paths
from reader.core.errors import LibraryBusy, ReaderError, RejectedFile
from reader.core.filenames import printable_name

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
#: 128 + SIGPIPE: what the shell reports for `yes | head -1`'s `yes`, so pipelines behave alike.
EXIT_BROKEN_PIPE = 141
#: Smoke tests of a built program (packaging/smoke_test.sh): the window closes itself this many ms after it is up.
QUIT_AFTER_ENV = "READER_QUIT_AFTER_MS"


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _error(message: str) -> None:
    print(f"reader: {message}", file=sys.stderr)


def _open_library(args: argparse.Namespace):
    from reader.core.library.library import Library

    library = Library(resolve_paths(args.data_dir))
    if library.catalog_notice is not None:
        _error(str(library.catalog_notice))
        with contextlib.suppress(ReaderError):  # list the stored issues again now (another writer: next time)
            library.repair()
    return library


#: How long a command that changes the library waits for another copy of the reader by default (--wait).
DEFAULT_WAIT_SECONDS = 600


def _open_library_to_change(args: argparse.Namespace):
    """The library, for a command that changes it: waiting up to --wait seconds for another writer, saying so once."""
    library = _open_library(args)

    def say_waiting(busy: LibraryBusy) -> None:
        who = f" (process {busy.values['pid']} on {busy.values['host']})" if "pid" in busy.values else ""
        print(
            f"reader: waiting for another copy of the reader{who} to finish changing the library…",
            file=sys.stderr,
            flush=True,
        )

    library.wait_for_other_writers(args.wait, say_waiting)
    return library


def _not_negative(parse: Callable[[str], float], what: str) -> Callable[[str], float]:
    """An argparse type: `parse(text)`, refused in one line naming `what` unless finite and 0 or more."""

    def value_of(text: str) -> float:
        try:
            value = parse(text)
        except ValueError:
            value = None
        if value is None or not 0 <= value < math.inf:  # NaN fails the comparison too
            raise argparse.ArgumentTypeError(f"not {what}: {text!r}")
        return value

    return value_of


#: A --wait value, and a --limit value.
_seconds = _not_negative(float, "a number of seconds")
_count = _not_negative(int, "a whole number, 0 or more")


def cmd_parse(args: argparse.Namespace) -> int:
    from reader.core.parsing.decode import read_issue_file
    from reader.core.parsing.parse import explain_text, parse_text

    try:
        _, text, _ = read_issue_file(args.file)
    except RejectedFile as rejection:
        _error(str(rejection))
        return EXIT_REJECTED
    if args.explain:
        for number, role, step, line in explain_text(text, os.path.basename(args.file)):
            print(f"{number:5d}  {role:28s} {line}    <- {step}" if line else f"{number:5d}  {role:28s} <- {step}")
        return EXIT_OK
    issue = parse_text(text, os.path.basename(args.file))
    if args.json:
        _print_json(issue.to_json())
        return EXIT_OK
    print(f"{issue.source}: {issue.publication or '?'} {issue.date or '?'}, {len(issue.articles)} articles")
    for number, article in enumerate(issue.articles):
        headline = " / ".join(article.headline_parts()) or "(no headline)"
        print(f"  {number:3d} [{article.kind}] {headline}  ({len(article.paragraphs)} paragraphs)")
    if issue.unassigned:
        print(f"  unassigned: {' | '.join(issue.unassigned)}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    with contextlib.closing(_open_library_to_change(args)) as library:
        report = library.import_paths(args.paths)
    for rejection in report.rejected:
        _error(str(rejection))
    for item in report.imported:
        if item.warning:
            _error(f"{printable_name(item.path)}: {item.warning}")
    if args.json:
        _print_json(report.to_json())
    else:
        for item in report.imported:
            print(f"imported {printable_name(item.path)} ({item.articles} articles)")
        for duplicate in report.duplicates:
            print(
                f"already present: {printable_name(duplicate.path)} (same as {printable_name(duplicate.existing_source)})"
            )
        if report.skipped_non_issue:
            print(f"skipped {report.skipped_non_issue} files that are not .txt")
        print(
            f"{len(report.imported)} imported, {len(report.duplicates)} already present, "
            f"{len(report.rejected)} rejected"
        )
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with contextlib.closing(_open_library(args)) as library:
        records = library.records()
    if args.json:
        _print_json({"issues": [record.to_json() for record in records]})
        return EXIT_OK
    for record in records:
        print(
            f"{record.id}  {record.shown_publication or '?':8}  {record.shown_date or '?':10}  "
            f"{record.articles:3d} articles  {printable_name(record.source)}"
        )
    print(f"{len(records)} issues")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from reader.core.search.searcher import Searcher

    if args.batch and args.query:
        _error("--batch reads its queries from standard input: give no QUERY with it")
        return EXIT_USAGE
    if not args.batch and not args.query:
        _error("give a QUERY to search for (or --batch to read queries from standard input)")
        return EXIT_USAGE
    paths = resolve_paths(args.data_dir)
    searcher = Searcher(paths.index_dir)  # searching loads no jieba (query_words): no dictionary cache to set
    try:
        if args.batch:
            if hasattr(sys.stdin, "reconfigure"):
                # UTF-8 whatever the system's code page (a Windows console's is cp936 or cp1252), and a
                # byte-order mark that Notepad or PowerShell put before the first query is not part of it.
                sys.stdin.reconfigure(encoding="utf-8-sig", errors="replace")
            return _search_batch(searcher, sys.stdin, args.limit, args.facets)
        result = searcher.search(" ".join(args.query), limit=args.limit, facets=args.facets)
    finally:
        searcher.close()
    if args.json:
        _print_json(result.to_json())
        return EXIT_OK
    print(f"{result.total} articles match {result.query!r}")
    for hit in result.hits:
        print(
            f"\n{hit.publication or '?'} {hit.date or '?'}  {hit.title or '(no headline)'}  "
            f"[{printable_name(hit.source)} #{hit.ordinal}]"
        )
        print(f"  {hit.snippet.marked()}")
    if result.facets is not None:
        _print_facets(result.facets)
    return EXIT_OK


def _print_facets(facets) -> None:
    """`reader search --facets` without --json: matches per paper and per year, most first / oldest first."""
    print("\nby publication: " + ", ".join(f"{name} {count}" for name, count in facets.publications))
    print("by year: " + ", ".join(f"{year} {count}" for year, count in facets.years))


def _search_batch(searcher, lines, limit: int, facets: bool) -> int:
    """`reader search --batch`: one query per input line, one JSON object per output line, as each is answered.

    Each object is what `--json` prints plus `took_ms` (the search itself, in this warm
    process); a query that cannot be understood gives `{"query", "error", "took_ms"}` and
    the batch goes on.  Blank lines are skipped.  The searcher is opened once for all.
    """
    for line in lines:
        query = line.rstrip("\r\n")
        if not query.strip():
            continue
        began = time.perf_counter()
        try:
            answer = searcher.search(query, limit=limit, facets=facets).to_json()
        except ReaderError as error:  # a query that cannot be understood, or an index that went away
            answer = {"query": query, "error": str(error)}
        answer["took_ms"] = round((time.perf_counter() - began) * 1000, 2)
        print(json.dumps(answer, ensure_ascii=False), flush=True)
    return EXIT_OK


def cmd_correct(args: argparse.Namespace) -> int:
    changes: dict[str, str | None] = {}
    for key in ("publication", "date", "page"):
        value = getattr(args, key)
        if value is not None:
            changes[key] = value
    for key in args.clear or []:
        changes[key] = None
    if not changes:
        _error("nothing to correct: give --publication, --date, --page or --clear")
        return EXIT_USAGE
    with contextlib.closing(_open_library_to_change(args)) as library:
        record = library.correct(args.issue, **changes)
    if args.json:
        _print_json(record.to_json())
    else:
        print(f"{record.id}  {record.shown_publication or '?'}  {record.shown_date or '?'}  {record.source}")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    with contextlib.closing(_open_library_to_change(args)) as library:
        report = library.remove(args.issues)
    for given, reason in report.unknown.items():
        _error(f"{given}: {reason}; nothing was removed")
    if args.json:
        _print_json(report.to_json())
    else:
        for issue in report.removed:
            print(f"removed {issue.issue_id}  {printable_name(issue.source)}")
        if report.removed:
            print(f"{len(report.removed)} issues removed")
    return EXIT_REJECTED if report.unknown else EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    with contextlib.closing(_open_library_to_change(args)) as library:
        count = library.reindex()
    print(f"rebuilt the index of {count} issues")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    target = Path(args.file)
    with contextlib.closing(_open_library(args)) as library:
        report = library.back_up(target)
    if args.json:
        _print_json({"path": str(report.path), "originals": report.originals, "bytes": report.bytes})
    else:
        print(f"backed up {report.originals} files of originals to {printable_name(str(report.path))}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from reader.core.library.backup import NotABackup, restore_backup

    paths = resolve_paths(args.data_dir)
    try:
        report = restore_backup(Path(args.file), paths)
    except NotABackup as error:
        _error(f"{printable_name(args.file)}: {error}")
        return EXIT_REJECTED
    except (FileExistsError, FileNotFoundError) as error:
        _error(str(error))
        return EXIT_REJECTED
    with contextlib.closing(_open_library(args)) as library:
        library.repair()  # the index is a cache, not in the backup: rebuilt here from the originals
        issues = len(library.records())
    if args.json:
        _print_json({"path": str(paths.data_dir), "originals": report.originals, "issues": issues})
    else:
        print(f"restored {issues} issues into {printable_name(str(paths.data_dir))} and rebuilt their index")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; `--data-dir` works before or after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", default=argparse.SUPPRESS, help="library folder (default: the user data dir; or READER_DATA_DIR)"
    )
    changes = argparse.ArgumentParser(add_help=False)
    changes.add_argument(
        "--wait",
        type=_seconds,
        default=DEFAULT_WAIT_SECONDS,
        metavar="SECONDS",
        help="while another copy of the reader changes the library, wait this long for it "
        f"(default {DEFAULT_WAIT_SECONDS}; 0: refuse at once)",
    )
    parser = argparse.ArgumentParser(
        prog="reader", description="报刊阅览: read and search archives of digitized newspapers."
    )
    parser.add_argument(
        "--data-dir", default=None, help="library folder (default: the user data dir; or READER_DATA_DIR)"
    )
    parser.add_argument("--lang", default=None, help="interface language of the window (zh_CN or en)")
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="reading-room mode: full screen, reading and searching only, reset after idle time"
        " (also whenever locked on: File > Lock Reading-Room Mode)",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("parse", parents=[common], help="split one issue file into articles")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--explain", action="store_true", help="print every line with the role the parser gave it and why")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("import", parents=[common, changes], help="import issue files and folders into the library")
    p.add_argument("paths", nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "backup", parents=[common], help="write the library (originals, catalog, bookmarks) to one zip file"
    )
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore", parents=[common], help="restore a backup into an empty library folder and rebuild its index"
    )
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("list", parents=[common], help="list the issues in the library")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("search", parents=[common], help="search the library")
    p.add_argument("query", nargs="*")
    p.add_argument("--limit", type=_count, default=20)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--batch",
        action="store_true",
        help="read one query per line from standard input; print one JSON object per line, with took_ms",
    )
    p.add_argument(
        "--facets",
        action="store_true",
        help="also count all the matches per publication and year (and, with --json, per month)",
    )
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("correct", parents=[common, changes], help="correct an issue's publication, date or page")
    p.add_argument("issue", help="the issue id (see reader list)")
    p.add_argument("--publication")
    p.add_argument("--date", help="YYYY-MM-DD or YYYY-MM")
    p.add_argument("--page")
    p.add_argument("--clear", action="append", choices=["publication", "date", "page"], help="drop a correction")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_correct)

    p = sub.add_parser(
        "remove", parents=[common, changes], help="remove issues from the library (their stored originals, too)"
    )
    p.add_argument(
        "issues",
        nargs="+",
        metavar="ID",
        help="an issue id as reader list prints it, or its first 8 or more characters",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("reindex", parents=[common, changes], help="rebuild the search index from the library")
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser(
        "open",
        parents=[common],
        help="open the window (the default), importing PATHS; an open window on the library gets them instead",
    )
    p.add_argument("paths", nargs="*")
    p.add_argument("--lang", default=argparse.SUPPRESS, help="interface language of the window (zh_CN or en)")
    return parser


#: The subcommands (tests/test_cli.py keeps this in step with the parser).
COMMANDS = ("parse", "import", "backup", "restore", "list", "search", "correct", "remove", "reindex", "open")
#: Top-level options that take a value, so `_with_open_for_paths` can skip it.
_VALUED_OPTIONS = ("--data-dir", "--lang")


def _with_open_for_paths(argv: list[str], commands: set[str]) -> list[str]:
    """`reader FILE...` means `reader open FILE...` (as a desktop file manager calls it)."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token in _VALUED_OPTIONS:
            index += 2
            continue
        if token.startswith("-"):
            index += 1
            continue
        return argv if token in commands else [*argv[:index], "open", *argv[index:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `reader` and `python -m reader`; a closed stdout ends it quietly (EXIT_BROKEN_PIPE)."""
    # In the built program (packaging/) a process-pool worker is started as this same executable: here it
    # runs the worker and exits, before any argument is read. Elsewhere this does nothing.
    if getattr(sys, "frozen", False):  # not imported otherwise: every `reader search` pays for its imports
        import multiprocessing

        multiprocessing.freeze_support()
    try:
        try:
            return _run(argv)
        finally:
            if sys.stdout is not None:  # None in a windowed start on Windows (pythonw)
                sys.stdout.flush()  # inside the try: buffered output meets the closed pipe here, not at exit
    except BrokenPipeError:
        # Later writes (Python's own flush at exit among them) go nowhere instead of failing again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _close_window_later_if_asked() -> None:
    """With READER_QUIT_AFTER_MS=N, close the window N ms after the event loop starts, as a user would."""
    delay = os.environ.get(QUIT_AFTER_ENV, "")
    if not delay.isdigit():
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)  # run_window takes this one

    def window_up() -> None:
        print(f"reader: window up; closing it in {delay} ms ({QUIT_AFTER_ENV})", file=sys.stderr, flush=True)
        QTimer.singleShot(int(delay), app.closeAllWindows)

    QTimer.singleShot(0, window_up)


def _run(argv: Sequence[str] | None) -> int:
    """Parse the arguments and run the subcommand (or the window)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(_with_open_for_paths(argv, set(COMMANDS)))
    if args.command in (None, "open"):
        # The library before Qt: once PySide6 is loaded, its import hook reads the source of every module
        # imported after it (shiboken's feature check), which slowed the window's start by a tenth of a second.
        import reader.core.library.library  # noqa: F401

        from .gui.app import run_window

        _close_window_later_if_asked()
        return run_window(
            resolve_paths(args.data_dir), language=args.lang, files=getattr(args, "paths", []), kiosk=args.kiosk
        )
    try:
        return args.func(args)
    except ReaderError as error:
        _error(str(error))
        return EXIT_REJECTED
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
