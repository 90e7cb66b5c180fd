"""A measure on the same people at two points (before and after a module, baseline and a
follow-up wave), with its mean change and 95% interval: the learning and practice-change
sections both show them."""

from __future__ import annotations

from dataclasses import dataclass

from evaluations.reports.figures import Figure
from evaluations.reports.stats import paired_change
from learning_site import suppression as sc


@dataclass
class PairedMeasure:
    """One measure on the same people at two points, with the mean change.

    ``people`` is n: each person counts once, their modules' changes averaged (see
    ``pairing``); ``pairs`` is how many module pairs those people gave."""

    label: str
    people: int
    pairs: int
    before: sc.Cell
    after: sc.Cell
    change: sc.Cell
    ci_low: sc.Cell
    ci_high: sc.Cell
    unit: str = ""

    @property
    def n(self) -> sc.Cell:
        reason = sc.SMALL if self.change.reason == sc.BASE else self.change.reason
        return sc.Cell(self.people, self.people, reason)

    @property
    def ci_display(self) -> str:
        if self.change.hidden:
            return self.change.display
        if self.ci_low.value is None:
            return "not enough people"
        return f"{self.ci_low.value:+.1f} to {self.ci_high.value:+.1f}"


def paired_measure(
    label, people, pairs, before, after, sum_change, sum_squares, unit="", *, protect=False
):
    """Means before and after, the mean change and its 95% interval, from sums over
    ``people`` people (each person's own mean change, so people are the unit)."""
    result = paired_change(people, sum_change, sum_squares)

    def cell(value, kind):
        return sc.statistic_cell(_float(value), people, kind, protect=protect)

    return PairedMeasure(
        label=label,
        people=people,
        pairs=pairs,
        before=cell(before, "mean"),
        after=cell(after, "mean"),
        change=cell(result.mean_change, "change"),
        ci_low=cell(result.ci_low, "change"),
        ci_high=cell(result.ci_high, "change"),
        unit=unit,
    )


def _float(value):
    return None if value is None else float(value)


def measure_figures(section, measure: PairedMeasure, breakdown, group, labels=None):
    before, after = labels or ("before", "after")
    return [
        Figure(section, f"{measure.label}: people", breakdown, group, "count", measure.n, "people"),
        Figure(section, f"{measure.label}: {before}", breakdown, group, "mean", measure.before, measure.unit),
        Figure(section, f"{measure.label}: {after}", breakdown, group, "mean", measure.after, measure.unit),
        Figure(section, f"{measure.label}: mean change", breakdown, group, "change", measure.change, measure.unit),
        Figure(section, f"{measure.label}: 95% CI lower", breakdown, group, "ci_low", measure.ci_low, measure.unit),
        Figure(section, f"{measure.label}: 95% CI upper", breakdown, group, "ci_high", measure.ci_high, measure.unit),
    ]  # fmt: skip
