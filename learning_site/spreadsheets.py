"""The one CSV writer behind every download, made for spreadsheet programs.

- **UTF-8 with a byte-order mark.** Without it Excel reads the file as Windows-1252 and
  garbles dashes ("–"), Arabic, Polish letters and emoji.
- **Plain-English headers** ("What I learned", not ``what_i_learned``): the first row is
  always the header the caller gives.
- **No formulas from people's text.** A cell that starts with ``=``, ``+``, ``-`` or ``@``
  (or a tab or carriage return, which some programs strip first) is run as a formula by
  Excel and LibreOffice, so text people typed (reflections, survey answers, module
  titles, job roles) could start a formula on a colleague's machine ("CSV injection").
  Such text gets a leading apostrophe, which spreadsheets show as plain text. Numbers
  are left alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` for downloads: writes the byte-order mark and ``header`` first, then
    passes every cell of every row through :func:`spreadsheet_safe`."""

    def __init__(self, out, header: Sequence[str], **kwargs):
        out.write(BOM)
        self.writer = csv.writer(out, **kwargs)
        self.writerow(header)

    def writerow(self, row):
        return self.writer.writerow([spreadsheet_safe(value) for value in row])


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The same file a row at a time (the first piece carries the BOM and the header),
    for streaming responses."""
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer, header)
    yield _take(buffer)
    for row in rows:
        writer.writerow(row)
        yield _take(buffer)


def _take(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The whole file as text, starting with the byte-order mark."""
    return "".join(csv_lines(header, rows))
