"""The index's files: its schema and version, opening it, creating it, and swapping a rebuild in.

Apart from writing (index.py) so that a search, the command line's above
all, opens the index without loading the writer, the process pool or the
parser: what a search process imports is what it pays for at every start.
The index is a cache of the library: it can be deleted at any time and
rebuilt from the originals (`reader reindex`).
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import ID, STORED, Schema
from whoosh.filedb.filestore import FileStorage

from reader.core.errors import IndexNotReady
from reader.core.faults import reach
from reader.core.parsing.version import PARSER_VERSION
from reader.core.search.whoosh27 import check_whoosh_version
from reader.core.search.whoosh27.fields import BigramField, CharField, WordField

#: Bump when the schema or the analyzers change: an older index is rebuilt.  The
#: parser's version is part of it (parse.PARSER_VERSION): documents hold articles
#: by their place in the parse, so a parser that splits pages differently makes
#: an index of the old articles wrong, and the next start re-indexes the library.
SCHEMA_VERSION = 8
INDEX_VERSION = f"{SCHEMA_VERSION}.{PARSER_VERSION}"
VERSION_FILE = "reader-schema-version"
IDENTITY_FILE = "reader-index-id"


def build_schema() -> Schema:
    """The fields of an article document (the one place that defines them)."""
    return Schema(
        issue=ID(stored=True),
        ordinal=STORED(),  # only shown, never searched: no postings
        source=STORED(),
        publication=ID(stored=True),
        date=ID(stored=True, sortable=True),  # "YYYY-MM-DD", "YYYY-MM" or ""
        kind=ID(stored=True),
        title=STORED(),
        text=STORED(),  # headline, byline and paragraphs, one per line: for snippets
        # Exact matching: single characters by term, longer strings by bigram phrase.
        headline_chars=CharField(),
        headline_bigrams=BigramField(),
        chars=CharField(),
        bigrams=BigramField(),
        # Ranking: jieba words, headline words counted extra.
        headline_words=WordField(field_boost=3.0),
        words=WordField(),
    )


def _version_file(index_dir: Path) -> Path:
    return index_dir / VERSION_FILE


def _index_version(index_dir: Path) -> str | None:
    try:
        return _version_file(index_dir).read_text().strip()
    except OSError:
        return None


def _open_files(index_dir: Path, readonly: bool = False) -> whoosh_index.Index:
    """The index as stored, with this program's schema; `readonly`: Whoosh refuses to create any file in it.

    Whoosh keeps a pickle of the schema in the index's table of contents, and a
    pickle names the modules of the field classes: an index written before those
    modules moved could not be opened any more.  The schema is this program's
    own (build_schema), so the stored one is never unpickled.
    """
    storage = FileStorage(str(index_dir), supports_mmap=False, readonly=readonly)
    return storage.open_index(schema=build_schema())


def _opens_cleanly(index_dir: Path) -> bool:
    """Whether the index's table of contents and segments open and its term lists can be read.

    A damaged or half-deleted index (a disk error, files removed by hand) fails
    here, so the start-up repair rebuilds it from the originals instead of every
    search failing.
    """
    try:
        ix = _open_files(index_dir, readonly=True)
        with ix.reader() as reader:
            reader.doc_count_all()
            for fieldname in reader.indexed_field_names():
                next(iter(reader.lexicon(fieldname)), None)
        return True
    except Exception:  # any damage whatever: Whoosh raises many kinds
        return False


def index_is_current(index_dir: Path) -> bool:
    """True when an index exists, opens cleanly, and was built with this schema and parser version."""
    return _index_version(index_dir) == INDEX_VERSION and _opens_cleanly(index_dir)


def _has_this_schema(index_dir: Path) -> bool:
    """Whether the index was written with this schema, whatever parser made it (its version file only).

    An index made by an older parser answers with the old articles until the
    rebuild that replaces it is swapped in; searches never stop meanwhile.
    """
    version = _index_version(index_dir)
    return version is not None and version.split(".")[0] == str(SCHEMA_VERSION)


def index_identity(index_dir: Path) -> str | None:
    """A name given to each index when it is created: a searcher reopens when it changes (a swap)."""
    try:
        return (index_dir / IDENTITY_FILE).read_text().strip()
    except OSError:
        return None


def create_index(index_dir: Path) -> whoosh_index.Index:
    """Create an empty index in `index_dir`, replacing whatever was there."""
    if index_dir.exists():
        shutil.rmtree(index_dir)
    index_dir.mkdir(parents=True)
    ix = whoosh_index.create_in(str(index_dir), build_schema())
    (index_dir / IDENTITY_FILE).write_text(uuid.uuid4().hex)
    _version_file(index_dir).write_text(INDEX_VERSION)
    return ix


def rebuild_dir(index_dir: Path) -> Path:
    """Where a rebuild writes its new index, beside the one searches keep using meanwhile."""
    return index_dir.with_name(index_dir.name + ".new")


def swap_in(new_dir: Path, index_dir: Path) -> None:
    """Put a finished rebuild in the index's place (two renames; see recover_interrupted_swap)."""
    old_dir = _old_dir(index_dir)
    if old_dir.exists():
        shutil.rmtree(old_dir)
    if index_dir.exists():
        index_dir.rename(old_dir)
        reach("swap-between-renames")
    new_dir.rename(index_dir)
    shutil.rmtree(old_dir, ignore_errors=True)


def recover_interrupted_swap(index_dir: Path) -> None:
    """After a crash during a rebuild or a swap: keep the old index, or finish the swap.

    A rebuild that did not finish leaves its `.new` folder beside a whole
    index: it is dropped.  A crash between the two renames of `swap_in` leaves
    no index but a finished `.new` (finished: it was being swapped in) or the
    `.old` one: the swap is completed or undone.
    """
    if not index_dir.exists():
        survivor = swap_survivor(index_dir)
        if survivor is None:
            return
        survivor.rename(index_dir)
    for leftover in (rebuild_dir(index_dir), _old_dir(index_dir)):  # the one not chosen goes too
        if leftover.exists():
            shutil.rmtree(leftover, ignore_errors=True)


def _old_dir(index_dir: Path) -> Path:
    return index_dir.with_name(index_dir.name + ".old")


def swap_survivor(index_dir: Path) -> Path | None:
    """Where the index is while a crash mid-swap left none in its place: the finished `.new`, else the `.old`.

    Searches read it from there until the next writer puts it back in place
    (recover_interrupted_swap), so a crash never stops them.
    """
    new_dir = rebuild_dir(index_dir)
    if new_dir.exists() and index_is_current(new_dir):
        return new_dir
    old_dir = _old_dir(index_dir)
    return old_dir if old_dir.exists() else None


def open_index(index_dir: Path, create: bool = True) -> whoosh_index.Index:
    """Open the index; create it when missing or outdated if `create` (writers only).

    A reader passes create=False and gets IndexNotReady instead: only the
    process holding the writer lock may create or replace an index.  A reader
    also finds an index a crash left aside in the middle of a swap (swap_survivor).  Opened so,
    the index is only read (a library on a read-only drive): Whoosh writes
    nothing, not even a lock, and would refuse to.
    Without mmap: Whoosh maps whole compound segment files, which added 180 MB
    of resident memory on a 1,000-issue archive for no measurable speed gain.
    Every opener of the index (the library, searches) passes here, so this is
    where the Whoosh release is checked (whoosh27.check_whoosh_version).
    """
    check_whoosh_version()
    if not create and not index_dir.exists():
        index_dir = swap_survivor(index_dir) or index_dir  # a crash mid-swap: read where the index is
    if not _has_this_schema(index_dir) or not any(index_dir.glob("_MAIN_*.toc")):
        if not create:
            raise IndexNotReady()
        return create_index(index_dir)  # none yet, or of an older schema: the repair rebuilds it beside
    try:
        return _open_files(index_dir, readonly=not create)  # opened once; the repair checks it (_opens_cleanly)
    except Exception as error:  # damaged: never recreated in place, which would empty it under its catalog
        raise IndexNotReady() from error
