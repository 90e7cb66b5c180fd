"""Tidy CSV and the PDF board pack, both from ``build_report`` so they match the page."""

from __future__ import annotations

import csv
import io

from evaluations.reports.report import Report
from learning_site.spreadsheets import spreadsheet_safe

CSV_COLUMNS = [
    "partnership",
    "module_filter",
    "agency_filter",
    "job_role_filter",
    "period_from",
    "period_to",
    "section",
    "measure",
    "breakdown",
    "group",
    "statistic",
    "value",
    "unit",
    "n",
    "suppressed",
]


def report_csv(report: Report) -> str:
    """One row per figure, with the filters it was computed under, its n and whether it
    was suppressed (a suppressed row has an empty value and n)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    base = report.filters.as_row()
    for figure in report.figures():
        row = {**base, **figure.as_row()}
        # Module titles and job roles are typed by people: never a live formula.
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return buffer.getvalue()
