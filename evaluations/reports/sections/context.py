"""Local outcome indicators: the partnership's own quarterly figures, shown beside module
completions per quarter as context, never as an effect of training."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncQuarter
from django.utils import timezone
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from evaluations.reports.charts import Bar, BarChart, LineChart
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters, scoped
from evaluations.reports.models import OutcomeIndicator, quarter_label, quarter_start
from evaluations.reports.pdf_layout import chart_flowables, para, table
from evaluations.reports.sections.base import Section
from learning_site import suppression as sc


@dataclass
class IndicatorSeries:
    indicator: OutcomeIndicator
    points: list[tuple[datetime.date, float]]

    @property
    def latest(self):
        return self.points[-1] if self.points else None


def indicator_text(value: float) -> str:
    """A partnership's own figure as they entered it: 58, 61.5 (not 58.0)."""
    return f"{value:g}"


@dataclass
class IndicatorSection:
    series: list[IndicatorSeries]
    quarters: list[datetime.date]
    completions_by_quarter: dict[datetime.date, sc.Cell]

    @property
    def table_rows(self) -> list[dict]:
        rows = []
        for quarter in self.quarters:
            cell = self.completions_by_quarter.get(quarter) or sc.Cell(0, 0)
            cells = [cell.display]
            for item in self.series:
                value = dict(item.points).get(quarter)
                cells.append("" if value is None else indicator_text(value))
            rows.append({"label": quarter_label(quarter), "cells": cells})
        return rows

    def figures(self) -> list[Figure]:
        out = []
        for quarter in self.quarters:
            cell = self.completions_by_quarter.get(quarter) or sc.Cell(0, 0)
            out.append(Figure("context", "module completions", "quarter", quarter_label(quarter), "count", cell, "completions"))  # fmt: skip
        for item in self.series:
            for quarter, value in item.points:
                out.append(
                    Figure(
                        "context", f"local indicator: {item.indicator.name}", "quarter",
                        quarter_label(quarter), "count", sc.Cell(value, 0, "", "mean"),
                        item.indicator.unit, indicator_text(value),
                    )
                )  # fmt: skip
        return out

    def charts(self) -> list[BarChart | LineChart]:
        quarters = self.quarters
        labels = [quarter_label(q) for q in quarters]
        completions = [self.completions_by_quarter.get(q) for q in quarters]
        out = [
            BarChart(
                "chart-completions-quarter",
                "Module completions per quarter",
                "Training reach over time, shown beside the local indicators.",
                [
                    # No row for a quarter means nobody completed in it: 0, as in the table.
                    Bar(label, [0 if c is None else c.shown_value], [c.reason if c else ""])
                    for label, c in zip(labels, completions, strict=True)
                ],
                ["Completions"],
            )
        ]  # fmt: skip
        for index, item in enumerate(self.series):
            if not item.points:
                continue
            by_quarter = dict(item.points)
            out.append(
                LineChart(
                    f"chart-indicator-{index}",
                    f"{item.indicator.name} ({item.indicator.unit}) per quarter",
                    f"Context, not an effect of training. {item.indicator.direction_label}. "
                    + "; ".join(f"{quarter_label(q)}: {v:g}" for q, v in item.points)
                    + ".",
                    labels,
                    [(item.indicator.unit, [by_quarter.get(q) for q in quarters])],
                )
            )
        return out

    def pdf_flowables(self, styles) -> list[Flowable]:
        out = [
            para("Local outcome indicators (context)", styles["Heading1"]),
            para(
                "These are the partnership's own figures, shown beside training reach as context. "
                "They are affected by many things; this report does not claim training caused "
                "any change in them.",
                styles["Note"],
            ),
        ]
        if not self.quarters:
            return out + [para("No figures have been entered yet.", styles["BodyText"])]
        for chart in self.charts():
            out += chart_flowables(chart, styles)
        header = ["Quarter", "Module completions"] + [
            f"{s.indicator.name} ({s.indicator.unit})" for s in self.series
        ]
        rows = [[row["label"], *row["cells"]] for row in self.table_rows]
        return [*out, table(header, rows, styles), Spacer(1, 6 * mm)]


def indicator_section(filters: ReportFilters) -> IndicatorSection:
    """Three queries: indicators, their values, and completions per quarter.

    The indicators are the partnership's own published figures (not about individual
    people), so they are not suppressed; completions per quarter are.
    """
    values = filters.partnership.outcome_indicators.prefetch_related("values")
    start = quarter_start(filters.date_from) if filters.date_from else None
    end = filters.date_to
    series = []
    quarters = set()
    for indicator in values:
        points = [
            (v.quarter_start, float(v.value))
            for v in indicator.values.all()
            if (start is None or v.quarter_start >= start)
            and (end is None or v.quarter_start <= end)
        ]
        quarters.update(q for q, _ in points)
        series.append(IndicatorSeries(indicator, points))

    completions = scoped(
        _completions(), filters, learner="user", course="course_id", date="completed_at"
    )
    tz = timezone.get_current_timezone()
    counted = {}
    for row in (
        completions.annotate(quarter=TruncQuarter("completed_at", tzinfo=tz))
        .values("quarter")
        .annotate(people=Count("user", distinct=True), n=Count("pk"))
        .order_by("quarter")
    ):
        q = row["quarter"]
        counted[q.date() if isinstance(q, datetime.datetime) else q] = row
    # The quarters add up to the module completions in the period, so one hidden quarter
    # would be that total minus the others. The counts are of completions; the rule
    # looks at the people behind each.
    hidden = sc.suppress_group(
        {q: row["n"] for q, row in counted.items()},
        people={q: row["people"] for q, row in counted.items()},
    )
    per_quarter = {q: hidden.count(q, counts_people=False) for q in counted}
    quarters.update(counted)
    return IndicatorSection(series, sorted(quarters), per_quarter)


def _completions():
    from courses.models import CourseCompletion

    return CourseCompletion.objects.all()


SECTION = Section(
    "context", "Local outcome indicators", "impact_reports/sections/context.html",
    indicator_section,
)  # fmt: skip
