"""The whole report: every section under one set of filters, plus its charts.

Views, the CSV, the PDF and the benchmark all call ``build_report``; the number of
queries it runs does not depend on how much data the partnership has.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from evaluations.reports import charts, services
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters
from evaluations.reports.models import quarter_label
from learning_site.suppression import threshold


@dataclass
class Report:
    filters: ReportFilters
    reach: services.ReachSection
    learning: services.LearningSection
    scenarios: services.ScenarioSection
    context: services.IndicatorSection
    extra_sections: dict = field(default_factory=dict)
    headline: object = None  # headline.Headline, made from the sections above
    threshold: int = 5
    computed_at: datetime.datetime = field(default_factory=timezone.now)

    def figures(self) -> list[Figure]:
        out = self.reach.figures() + self.learning.figures()
        for section in self.extra_sections.values():
            out += section.figures()
        return out + self.scenarios.figures() + self.context.figures()

    # --- charts -------------------------------------------------------------------------
    # Each method builds one chart's data; the page draws it as SVG and the PDF with
    # reportlab graphics, from the same object.
    def reach_chart(self) -> charts.BarChart:
        bars = [
            charts.Bar.from_cells(row.label, [row.learners, row.completers])
            for row in self.reach.by_agency
        ]
        return charts.BarChart(
            "chart-reach-agency",
            "Learners reached and learners who completed, by agency",
            "Horizontal bars: solid for learners enrolled, hatched for learners who completed "
            "a module.",
            bars,
            ["Enrolled", "Completed"],
        )

    def learning_chart(self) -> charts.BarChart:
        rows = [("Knowledge score (%)", self.learning.knowledge)]
        bars = [charts.Bar.from_cells(label, [m.before, m.after]) for label, m in rows]
        conf = self.learning.confidence
        bars.append(
            charts.Bar(
                "Confidence (1 to 5, ×20)",
                [None if conf.before.hidden or conf.before.value is None else conf.before.value * 20,
                 None if conf.after.hidden or conf.after.value is None else conf.after.value * 20],
                [conf.before.reason, conf.after.reason],
            )
        )  # fmt: skip
        return charts.BarChart(
            "chart-learning",
            "Knowledge and confidence before and after the module, same learners",
            "Horizontal bars: solid before the module, hatched after. Confidence is scaled "
            "by 20 to share the 0 to 100 axis.",
            bars,
            ["Before", "After"],
            max_value=100,
        )

    def scenario_chart(self) -> charts.BarChart:
        bars = [charts.Bar.from_cells(row.title, [row.recognised]) for row in self.scenarios.rows]
        return charts.BarChart(
            "chart-scenarios",
            "Share who chose the child-focused option at the first disguised-compliance decision",
            "One bar per scenario, as a percentage of learners who reached such a decision "
            "on their first attempt.",
            bars,
            ["Child-focused"],
            unit="%",
            max_value=100,
        )

    def practice_chart(self) -> charts.LineChart | None:
        from evaluations.reports.practice import LATER_WAVES, WAVE_LABELS

        practice = self.extra_sections.get("practice")
        if practice is None or not practice.measures:
            return None
        series = [
            (
                item.measure,
                [
                    item.waves[w].change.shown_value if w in item.waves else None
                    for w in LATER_WAVES
                ],
            )
            for item in practice.measures[:3]
        ]
        return charts.LineChart(
            "chart-practice",
            "Mean change since before the module, same learners, by wave",
            "Lines join each measure's mean change at the end of the module, 3 months and "
            "12 months after; zero means no change. Hidden figures are left out. "
            + "; ".join(
                f"{name}: "
                + ", ".join(
                    f"{WAVE_LABELS[w]} {'hidden or no data' if v is None else f'{v:+.1f}'}"
                    for w, v in zip(LATER_WAVES, values, strict=True)
                )
                for name, values in series
            )
            + ".",
            [WAVE_LABELS[w] for w in LATER_WAVES],
            series,
        )

    def context_charts(self) -> list[charts.BarChart | charts.LineChart]:
        quarters = self.context.quarters
        labels = [quarter_label(q) for q in quarters]
        completions = [self.context.completions_by_quarter.get(q) for q in quarters]
        out = [
            charts.BarChart(
                "chart-completions-quarter",
                "Module completions per quarter",
                "Training reach over time, shown beside the local indicators.",
                [
                    # No row for a quarter means nobody completed in it: 0, as in the table.
                    charts.Bar(label, [0 if c is None else c.shown_value], [c.reason if c else ""])
                    for label, c in zip(labels, completions, strict=True)
                ],
                ["Completions"],
            )
        ]  # fmt: skip
        for index, item in enumerate(self.context.series):
            if not item.points:
                continue
            by_quarter = dict(item.points)
            out.append(
                charts.LineChart(
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


def build_report(filters: ReportFilters) -> Report:
    from evaluations.reports.comments import comment_section
    from evaluations.reports.headline import build_headline
    from evaluations.reports.practice import practice_section

    extra = {"practice": practice_section(filters), "comments": comment_section(filters)}
    report = Report(
        filters=filters,
        reach=services.reach_section(filters),
        learning=services.learning_section(filters),
        scenarios=services.scenario_section(filters),
        context=services.indicator_section(filters),
        extra_sections=extra,
        threshold=threshold(),
    )
    report.headline = build_headline(report)
    return report


# --- caching ---------------------------------------------------------------------------
# A board report does not need to be up to the second, and at county scale it takes the
# database a few seconds to add up. Each report is kept for REPORT_CACHE_SECONDS per
# partnership and filters; editing an indicator or approving a comment starts a new
# generation for that partnership, so those show at once. The page says when the
# figures were added up.


def _generation_key(partnership_id: int) -> str:
    return f"impact-reports:generation:{partnership_id}"


def start_new_generation(partnership_id: int) -> None:
    """Forget every cached report of one partnership, and have its whole report added up
    again in the background once the change is committed (several changes in a row
    queue it once), so the next board member does not wait for it."""
    key = _generation_key(partnership_id)
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=None)
    transaction.on_commit(lambda: _queue_warm(partnership_id))


WARM_DEBOUNCE_SECONDS = 10


def _queue_warm(partnership_id: int) -> None:
    from evaluations.reports.tasks import warm_partnership_report

    if cache_seconds() <= 0:
        return
    if cache.add(f"impact-reports:warm-queued:{partnership_id}", 1, WARM_DEBOUNCE_SECONDS):
        warm_partnership_report.apply_async((partnership_id,), countdown=WARM_DEBOUNCE_SECONDS)


def _cache_key(filters: ReportFilters) -> str:
    generation = cache.get(_generation_key(filters.partnership.pk), 0)
    digest = hashlib.sha256(json.dumps(filters.as_query(), sort_keys=True).encode()).hexdigest()
    return f"impact-reports:report:{filters.partnership.pk}:{generation}:{digest[:32]}"


def cache_seconds() -> int:
    """How long a report is kept once added up; 0 turns caching (and refreshing) off."""
    return int(getattr(settings, "REPORT_CACHE_SECONDS", 0))


def cached_report(filters: ReportFilters) -> Report:
    seconds = cache_seconds()
    if seconds <= 0:
        return build_report(filters)
    key = _cache_key(filters)
    report = cache.get(key)
    if report is None:
        report = build_report(filters)
        cache.set(key, report, timeout=seconds)
    return report


# --- kept ready ------------------------------------------------------------------------
# The report a board member opens first is the whole partnership's, unfiltered. Celery
# beat adds it up ahead of time every REPORT_REFRESH_MINUTES, so at county scale nobody
# waits the seconds it takes the database; filtered reports are added up on demand and
# then cached as above.


def refresh_seconds() -> int:
    return int(getattr(settings, "REPORT_REFRESH_MINUTES", 10)) * 60


def warm_report(partnership) -> Report | None:
    """Add up the partnership's whole report now and keep it until well after the next
    refresh is due. Does nothing when report caching is off."""
    if cache_seconds() <= 0:
        return None
    filters = ReportFilters(partnership=partnership)
    # The key is taken before adding up: if an indicator is edited meanwhile, the new
    # generation makes this report unreachable instead of serving it as fresh.
    key = _cache_key(filters)
    report = build_report(filters)
    # Kept for three refresh intervals, so one missed run does not leave a gap.
    cache.set(key, report, timeout=max(3 * refresh_seconds(), cache_seconds()))
    return report
