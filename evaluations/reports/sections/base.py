"""The one shape every report section has.

A section is a module in this package with a ``SECTION``: its key (the page's anchor and
the report's attribute, ``report.reach``), its title in the page's contents, the template
the page includes for it, and ``build(filters)``, which adds up its figures under the
report's filters. What ``build`` returns is the section's data: its figures for the CSV,
its charts for the page and the PDF, and its part of the PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from reportlab.platypus import Flowable

from evaluations.reports.charts import BarChart, LineChart
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters


class SectionData(Protocol):
    def figures(self) -> list[Figure]:
        """Every figure the section shows, one CSV row each."""

    def charts(self) -> list[BarChart | LineChart]:
        """Its charts: the page draws them as SVG, the PDF with reportlab."""

    def pdf_flowables(self, styles) -> list[Flowable]:
        """Its part of the board pack: heading, notes, charts and tables."""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    build: Callable[[ReportFilters], SectionData]
