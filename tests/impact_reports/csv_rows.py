"""Reading a report CSV back as a spreadsheet user would: the filter rows at the top,
then the table of figures under its header row."""

import csv
import io

from evaluations.reports.exports import CSV_COLUMNS, FILTERS_HEADER
from learning_site.spreadsheets import FORMULA_STARTS


def _as_shown(cell: str) -> str:
    """The shared writer puts an apostrophe before text a spreadsheet would run as a
    formula ("+1.4"); the spreadsheet shows the text without it."""
    if cell.startswith("'") and cell[1:2] and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


def _rows(content: bytes | str) -> list[list[str]]:
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    assert text.startswith("\ufeff"), "the file starts with a byte-order mark for Excel"
    return [[_as_shown(cell) for cell in row] for row in csv.reader(io.StringIO(text[1:]))]


def filter_rows(content: bytes | str) -> dict[str, str]:
    """The filters the file says it was made with, from the rows above the figures."""
    rows = _rows(content)
    assert rows[0] == FILTERS_HEADER
    return dict(row for row in rows[1 : rows.index([])])


def figure_rows(content: bytes | str) -> list[dict[str, str]]:
    """The figures, each a dict keyed by field (``value``, ``shown_as``, ``n``…)."""
    rows = _rows(content)
    header = rows.index(list(CSV_COLUMNS.values()))
    return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[header + 1 :]]
