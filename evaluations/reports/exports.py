"""Tidy CSV and the PDF board pack, both from ``build_report`` so they match the page."""

from __future__ import annotations

from evaluations.reports.report import Report
from learning_site.spreadsheets import csv_text

# Each figure's fields, in column order, with the heading a spreadsheet shows.
CSV_COLUMNS = {
    "partnership": "Partnership",
    "module_filter": "Module filter",
    "agency_filter": "Agency filter",
    "job_role_filter": "Job role filter",
    "period_from": "Period from",
    "period_to": "Period to",
    "section": "Section",
    "measure": "Measure",
    "breakdown": "Breakdown",
    "group": "Group",
    "statistic": "Statistic",
    "value": "Value",
    "shown_as": "Shown in the report as",
    "unit": "Unit",
    "n": "Number of people (n)",
    "suppressed": "Suppressed",
}


def report_csv(report: Report) -> str:
    """The filters the figures were computed under, in words, as the first rows (a
    reader sees the scope before any number); then, after a blank row, one row per
    figure with those filters again in its own columns, its n and whether it was
    suppressed (a suppressed row has an empty value and n). Module titles and job roles
    are typed by people: the shared writer makes sure none is a live formula."""
    base = report.filters.as_row()

    def rows():
        yield from ([label, value] for label, value in report.filters.describe())
        yield []
        yield list(CSV_COLUMNS.values())
        for figure in report.figures():
            row = {**base, **figure.as_row()}
            unknown = row.keys() - CSV_COLUMNS.keys()
            if unknown:
                raise ValueError(f"Figure fields without a CSV column: {sorted(unknown)}")
            yield [row.get(key, "") for key in CSV_COLUMNS]

    return csv_text(FILTERS_HEADER, rows())


# The heading of the rows that state the filters, above the table of figures.
FILTERS_HEADER = ["Filters applied", "Value"]
