"""CSV for spreadsheets: what every export of the reader writes (bookmarks, missing issues, statistics).

Excel and LibreOffice read UTF-8 as Chinese only with a byte-order mark, and
expect CRLF line ends; the text made here is written with CSV_ENCODING.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

#: The encoding a CSV export is written in: UTF-8 with a byte-order mark.
CSV_ENCODING = "utf-8-sig"


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV text, CRLF line ends (write it with CSV_ENCODING)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()
