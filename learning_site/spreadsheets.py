"""CSV downloads that spreadsheet programs open safely.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some programs strip first) is run as a formula by Excel and LibreOffice, so text people
typed (reflections, survey answers, module titles, job roles) could start a formula on a
colleague's machine ("CSV injection"). Such text gets a leading apostrophe, which
spreadsheets show as plain text. Numbers are left alone.
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` that passes every cell through :func:`spreadsheet_safe`."""

    def __init__(self, out, **kwargs):
        self.writer = csv.writer(out, **kwargs)

    def writerow(self, row):
        return self.writer.writerow([spreadsheet_safe(value) for value in row])
