"""The report's first page: the few things a board must know, as sentences with their
numbers, made from the same figures as the sections below them (web and PDF page 1).

Every sentence reads cells the sections already suppressed, so a hidden count stays
hidden here; a share of a workforce is hidden with the count it is made from.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format

from evaluations.models import LATER_WAVES, wave_label
from evaluations.reports.filters import ReportFilters
from evaluations.reports.sections.reach import reach_section
from learning_site.suppression import BASE, SMALL

NOT_SHOWN = "not shown: fewer than {limit} people"


@dataclass
class AgencyReach:
    """One agency's completers against the workforce the partnership set for it."""

    label: str
    workforce: int
    completers: object  # a suppressed Cell
    target: int  # per cent

    @property
    def share(self) -> float | None:
        if self.completers.hidden or self.completers.value is None or not self.workforce:
            return None
        return 100 * self.completers.value / self.workforce

    @property
    def meets_target(self) -> bool | None:
        return None if self.share is None else self.share >= self.target

    def sentence(self, limit: int) -> str:
        if self.share is None:
            why = (
                f"as fewer than {limit} people"
                if self.completers.reason in (SMALL, BASE)
                else "so that a smaller figure cannot be worked out"
            )
            return (
                f"{self.label}: how many of {self.workforce:,} staff have completed a module "
                f"is not shown, {why} (target {self.target}%)."
            )
        verdict = "meets the target" if self.meets_target else "below the target"
        return (
            f"{self.label}: {int(self.completers.value):,} of {self.workforce:,} staff "
            f"({self.share:.0f}%) have completed a module; {verdict} of {self.target}%."
        )


@dataclass
class Point:
    """One headline: a short title and the sentences that say it, with their numbers."""

    key: str
    title: str
    sentences: list[str] = field(default_factory=list)


@dataclass
class Headline:
    points: list[Point]
    agencies: list[AgencyReach]
    agencies_without_workforce: list[str]
    current_window: tuple[datetime.date, datetime.date]
    previous_window: tuple[datetime.date, datetime.date]

    def point(self, key: str) -> Point | None:
        return next((p for p in self.points if p.key == key), None)

    def lines(self) -> list[str]:
        """Every sentence in order, for the PDF's first page and the CSV's notes."""
        return [f"{p.title}: {s}" for p in self.points for s in p.sentences]


def _window(filters: ReportFilters, today: datetime.date):
    """The period the comparison is about and the one of the same length before it: the
    report's own period when it has both ends, else the year up to its end (or today)."""
    if filters.date_from and filters.date_to:
        start, end = filters.date_from, filters.date_to
    else:
        end = filters.date_to or today
        start = end - datetime.timedelta(days=364)
    length = (end - start).days + 1
    previous_end = start - datetime.timedelta(days=1)
    previous_start = previous_end - datetime.timedelta(days=length - 1)
    return (start, end), (previous_start, previous_end)


def _day(value: datetime.date) -> str:
    return date_format(value, "j F Y")


def _cell(cell, limit: int) -> str:
    """A cell as the tables show it (a hidden one says why)."""
    return cell.display


def _reach_point(report, limit: int) -> tuple[Point, list[AgencyReach], list[str]]:
    partnership = report.filters.partnership
    target = partnership.reach_target
    rows = {row.key: row for row in report.reach.by_agency}
    agencies, missing = [], []
    for agency in partnership.agencies.all():
        if report.filters.agency and agency.kind != report.filters.agency:
            continue
        label = agency.name or agency.get_kind_display()
        row = rows.get(agency.kind)
        if not agency.workforce:
            missing.append(label)
        elif row is not None:
            agencies.append(AgencyReach(label, agency.workforce, row.completers, target))
    point = Point("reach", "Reach against the target")
    point.sentences = [a.sentence(limit) for a in agencies]
    if missing:
        point.sentences.append(
            "No workforce size is set for " + ", ".join(missing) + ", so their reach "
            "cannot be compared with the target. A partnership administrator can set it."
        )
    if not partnership.agencies.exists():
        point.sentences.append(
            "No agencies are set up for this partnership, so reach cannot be compared "
            "with a workforce. A partnership administrator can add them."
        )
    return point, agencies, missing


def _completion_point(report, limit: int) -> Point:
    total = report.reach.total
    if total.learners.hidden:
        sentence = f"People who started a module: {NOT_SHOWN.format(limit=limit)}."
    else:
        sentence = (
            f"{_cell(total.completers, limit).capitalize()} of {total.learners.display} "
            f"people who started a module completed one; {_cell(total.completion_rate, limit)}"
            " of enrolments were completed."
        )
    return Point("completion", "Completion", [sentence])


def _paired_sentence(measure, what: str, limit: int, *, percent: bool = False) -> str:
    """``percent``: the measure is a percentage (knowledge, per cent correct), so its
    levels read "44.5% to 84.6%" and its change is in percentage points."""
    if measure.change.hidden or measure.change.value is None:
        return f"{what}: {NOT_SHOWN.format(limit=limit)} answered before and after."
    direction = (
        "rose" if measure.change.value > 0 else "fell" if measure.change.value < 0 else "stayed"
    )
    level = "%" if percent else ""
    unit = "percentage points" if percent else measure.unit
    return (
        f"{what} {direction} from {measure.before.display}{level} to "
        f"{measure.after.display}{level} (change {measure.change.display}{unit and ' ' + unit}, "
        "95% confidence "
        f"interval {measure.ci_display}) for {measure.people:,} people who answered before "
        "and after."
    )


def _learning_point(report, limit: int) -> Point:
    learning = report.learning
    return Point(
        "learning",
        "Learning gain",
        [
            _paired_sentence(learning.knowledge, "Knowledge scores", limit, percent=True),
            _paired_sentence(learning.confidence, "Confidence (1 to 5)", limit),
        ],
    )


def _practice_point(report, limit: int) -> Point:
    practice = report.practice
    point = Point("practice", "Practice change after the module")
    for wave in LATER_WAVES:
        label = wave_label(wave)
        applied = practice.applied.get(wave)
        measured = [
            (item.measure, item.waves[wave])
            for item in practice.measures
            if wave in item.waves and not item.waves[wave].change.hidden
        ]
        parts = []
        if applied is not None:
            parts.append(
                f"{_cell(applied, limit)} of those who answered said they had used the learning"
            )
        if measured:
            name, paired = max(measured, key=lambda pair: pair[1].people)
            parts.append(
                f"{name}: mean change {paired.change.display} (95% confidence interval "
                f"{paired.ci_display}, {paired.people:,} people)"
            )
        if not parts:
            parts.append(f"{NOT_SHOWN.format(limit=limit)} answered")
        point.sentences.append(f"{label}: " + "; ".join(parts) + ".")
    return point


def _weakest_point(report, agencies: list[AgencyReach], limit: int) -> Point:
    shown = [a for a in agencies if a.share is not None]
    if shown:
        weakest = min(shown, key=lambda a: a.share)
        return Point(
            "weakest",
            "Furthest from the target",
            [
                f"{weakest.label}: {weakest.share:.0f}% of {weakest.workforce:,} staff have "
                f"completed a module, against a target of {weakest.target}%."
            ],
        )
    rates = [
        row
        for row in report.reach.by_agency
        if not row.completion_rate.hidden and row.completion_rate.value is not None
    ]
    if rates:
        weakest = min(rates, key=lambda row: row.completion_rate.value)
        return Point(
            "weakest",
            "Lowest completion",
            [f"{weakest.label}: {weakest.completion_rate.display} of enrolments completed."],
        )
    return Point(
        "weakest",
        "Furthest from the target",
        [f"No agency can be compared: each has {NOT_SHOWN.format(limit=limit)}."],
    )


def _change_point(current, previous, windows, limit: int) -> Point:
    (start, end), (p_start, p_end) = windows
    now, then = current.total.completers, previous.total.completers
    period = f"{_day(start)} to {_day(end)}"
    before = f"{_day(p_start)} to {_day(p_end)}"
    if now.hidden or then.hidden:
        sentence = (
            f"People who completed a module from {period}: {_cell(now, limit)}; from "
            f"{before}: {_cell(then, limit)}."
        )
    else:
        difference = int(now.value) - int(then.value)
        trend = (
            f"up {difference:,}"
            if difference > 0
            else f"down {-difference:,}"
            if difference
            else "no change"
        )
        sentence = (
            f"{int(now.value):,} people completed a module from {period}, against "
            f"{int(then.value):,} from {before} ({trend})."
        )
    return Point("change", "Change since the previous period", [sentence])


def build_headline(report, today: datetime.date | None = None) -> Headline:
    """The headline for a report built under ``report.filters``: three more reach queries
    at most (the two comparison windows), whatever the data."""
    filters = report.filters
    limit = report.threshold
    today = today or timezone.localdate()
    windows = _window(filters, today)
    (start, end), (p_start, p_end) = windows
    if filters.date_from == start and filters.date_to == end:
        current = report.reach
    else:
        current = reach_section(dataclasses.replace(filters, date_from=start, date_to=end))
    previous = reach_section(dataclasses.replace(filters, date_from=p_start, date_to=p_end))

    reach, agencies, missing = _reach_point(report, limit)
    points = [reach, _completion_point(report, limit), _learning_point(report, limit)]
    points.append(_practice_point(report, limit))
    points.append(_weakest_point(report, agencies, limit))
    points.append(_change_point(current, previous, windows, limit))
    return Headline(points, agencies, missing, windows[0], windows[1])
