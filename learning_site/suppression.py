"""Small-cell suppression: the one rule every report and analytics page uses.

Pure functions on numbers, no database. ``threshold`` is ``settings.SMALL_CELL_THRESHOLD``
(5 by default).

1. **Primary.** A count resting on 1 to threshold-1 people is hidden. **Zero is shown**: it
   names nobody, and a board has to see which agencies were not reached. The group a zero
   describes is itself either shown (so at least 5 people) or hidden, so nobody can be
   picked out by it; "all 6 completed" is shown for the same reason.
2. **Complementary.** Wherever figures add up to a published total (a table's rows and
   columns, a part beside its whole), no small hidden figure may be worked out from the
   rest. The rule plays the reader who knows every shown figure, every total and what each
   label means ("fewer than 5" is 1 to 4; "not shown" is at least 5), and follows each
   sum to its end; while that pins down a small hidden figure, it hides the smallest
   non-zero figure in the same sum (a part before the total). Figures that are never
   printed but follow from two that are (enrolled minus completed) take part as hidden
   figures of their own.
3. **Statistics.** A rate, mean or change is hidden when it rests on fewer than threshold
   people ("not shown: fewer than 5 people"), or when showing it would reveal a hidden
   count ("not shown"). From nobody at all it is "no data".

Labels say why a figure is missing, and never claim more than is true: "fewer than 5" only
for a count that is 1 to 4, "not shown: fewer than 5 people" only when the figure's own
base is that small, and plain "not shown" when the figure is hidden to protect another.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from django.conf import settings

SMALL = "small"  # a count of 1 to threshold-1 people
BASE = "base"  # a figure whose base is fewer than threshold people
PROTECT = "protect"  # hidden so that another hidden figure cannot be worked out

TOTAL = "total"

Group = tuple[Hashable, Sequence[Hashable]]  # (total, parts): the parts add up to the total


def threshold() -> int:
    return int(getattr(settings, "SMALL_CELL_THRESHOLD", 5))


def is_small(people: int | None, limit: int | None = None) -> bool:
    """True for a number of people that must not be shown (1 to limit-1)."""
    limit = threshold() if limit is None else limit
    return people is not None and 0 < people < limit


def hidden_text(reason: str, limit: int | None = None) -> str:
    limit = limit or threshold()
    if reason == SMALL:
        return f"fewer than {limit}"
    if reason == BASE:
        return f"not shown: fewer than {limit} people"
    return "not shown"


@dataclass(frozen=True)
class Cell:
    """A figure ready to show: its value, the number of people behind it, and why it is
    hidden ("" when shown). ``display`` never returns a hidden value."""

    value: float | int | None
    n: int
    reason: str = ""
    kind: str = "count"  # count | percent | mean | change | median

    @property
    def hidden(self) -> bool:
        return bool(self.reason)

    @property
    def display(self) -> str:
        if self.hidden:
            return hidden_text(self.reason)
        if self.value is None:
            return "no data"
        if self.kind == "count":
            return f"{int(self.value):,}"
        if self.kind == "percent":
            return f"{self.value:.0f}%"
        if self.kind == "change":
            return f"{self.value:+.1f}"
        return f"{self.value:.1f}"

    @property
    def shown_value(self):
        """The value for a chart or an export: ``None`` when hidden."""
        return None if self.hidden else self.value


def statistic_cell(value, people: int, kind: str = "mean", *, protect: bool = False) -> Cell:
    """A mean, change or median from ``people`` people."""
    if is_small(people):
        return Cell(value, people, BASE, kind)
    return Cell(value, people, PROTECT if protect else "", kind)


def rate_cell(part: Cell, whole: Cell) -> Cell:
    """``part`` as a percentage of ``whole`` (both already suppressed): hidden when
    either is, and "no data" when the whole is zero."""
    value = 100 * part.value / whole.value if whole.value else None
    if whole.hidden:
        reason = BASE if whole.reason in (SMALL, BASE) else PROTECT
    else:
        reason = PROTECT if part.hidden else ""
    return Cell(value, whole.n, reason, "percent")


@dataclass
class Suppression:
    """Which figures of a set are hidden, and why."""

    values: Mapping[Hashable, int]
    people: Mapping[Hashable, int]
    hidden: set[Hashable] = field(default_factory=set)
    small: set[Hashable] = field(default_factory=set)

    def __contains__(self, key) -> bool:
        return key in self.hidden

    def reason(self, key) -> str:
        if key not in self.hidden:
            return ""
        return SMALL if key in self.small else PROTECT

    def count(self, key, *, counts_people: bool = True) -> Cell:
        """The count under ``key``. A count of something other than people (enrolments,
        answers) hidden because few people are behind it says so, not "fewer than 5"."""
        reason = self.reason(key)
        if reason == SMALL and not counts_people:
            reason = BASE
        return Cell(self.values[key], self.people.get(key, self.values[key]), reason, "count")


def suppress(
    values: Mapping[Hashable, int],
    groups: Iterable[Group],
    *,
    people: Mapping[Hashable, int] | None = None,
    unpublished: Iterable[Hashable] = (),
) -> Suppression:
    """Primary and complementary suppression of ``values`` (every figure that is
    published or follows from published ones), where each group says its parts add up
    to its total. ``people`` is the number of people behind each value when the values
    count something else (enrolments, answers); ``unpublished`` are figures never printed
    that a reader could still work out (enrolled minus completed)."""
    groups = [(total, tuple(parts)) for total, parts in groups]
    counts_people = people is None
    people = values if people is None else people
    limit = threshold()
    people = {key: people.get(key, values[key]) for key in values}
    small = {key for key in values if is_small(people[key], limit)}
    unpublished = set(unpublished)
    hidden = set(small) | unpublished
    while True:
        low, high = _ranges(values, groups, hidden, small, unpublished, counts_people, limit)
        pinned = {key for key in hidden if low[key] == high[key]}
        if not pinned:
            pinned = _fixed_by_all_sums(groups, hidden)
        # A printed figure must not be worked out, nor a small one that is never printed.
        exposed = pinned - (unpublished - small)
        if not exposed:
            break
        # Protect the small figures first: their complements usually cover the rest.
        key = min(exposed, key=lambda k: (k not in small, str(k)))
        extra = _cheapest_complement(values, groups, hidden, key, pinned)
        if extra is None:
            break  # every figure in reach is zero or hidden already
        hidden.add(extra)
    return Suppression(values, people, hidden - unpublished, small - unpublished)


def _cheapest_complement(values, groups, hidden, key, pinned):
    """The smallest non-zero shown figure, looked for in the sums around ``key``, then
    in those around any figure the reader pinned down on the way, then anywhere; a part
    before a total, since a hidden total costs the reader more."""
    around = [g for g in groups if key == g[0] or key in g[1]]
    on_the_way = [g for g in groups if pinned & {g[0], *g[1]}]

    def parts(group):
        return group[1]

    def total(group):
        return (group[0],)

    for search, pick in (
        (around, parts), (on_the_way, parts), (around, total), (on_the_way, total),
        (groups, parts), (groups, total),
    ):  # fmt: skip
        candidates = {
            other
            for group in search
            for other in pick(group)
            if other not in hidden and values[other] > 0
        }
        if candidates:
            return min(candidates, key=lambda other: (values[other], str(other)))
    return None


def _ranges(values, groups, hidden, small, unpublished, counts_people, limit):
    """What a reader can tell of each hidden figure, as (lowest, highest): each label
    gives a range, then every sum is followed in turn, narrowing the ranges, until
    nothing changes."""
    low, high = {}, {}
    for key in hidden:
        if key in unpublished:
            low[key], high[key] = 0, math.inf
        elif key in small:
            low[key], high[key] = 1, (limit - 1) if counts_people else math.inf
        else:
            low[key], high[key] = limit, math.inf
    changed = True
    while changed:
        changed = False
        for total, parts in groups:
            terms = [(key, 1) for key in parts] + [(total, -1)]
            unknown = [(key, sign) for key, sign in terms if key in hidden]
            if not unknown:
                continue
            # The unknown terms, each signed, add up to ``target``.
            target = -sum(sign * values[key] for key, sign in terms if key not in hidden)
            spans = [(low[k], high[k]) if s > 0 else (-high[k], -low[k]) for k, s in unknown]
            for index, (key, sign) in enumerate(unknown):
                rest_low = sum(lo for i, (lo, _) in enumerate(spans) if i != index)
                rest_high = sum(hi for i, (_, hi) in enumerate(spans) if i != index)
                lowest, highest = target - rest_high, target - rest_low
                if sign < 0:
                    lowest, highest = -highest, -lowest
                new_low, new_high = max(low[key], lowest), min(high[key], highest)
                if (new_low, new_high) != (low[key], high[key]):
                    low[key], high[key] = new_low, new_high
                    changed = True
    return low, high


def _fixed_by_all_sums(groups, hidden) -> set:
    """Hidden figures fixed by the sums taken together, which following one sum at a
    time can miss (two blocks of hidden cells joined by a single one). Gaussian
    elimination on the hidden figures: one is fixed exactly when a row of the reduced
    echelon form has it alone."""
    keys = sorted(hidden, key=str)
    index = {key: i for i, key in enumerate(keys)}
    rows = []
    for total, parts in groups:
        row = [Fraction(0)] * len(keys)
        for key, sign in [(key, 1) for key in parts] + [(total, -1)]:
            if key in index:
                row[index[key]] += sign
        rows.append(row)
    pivots = []
    for column in range(len(keys)):
        found = next((r for r in range(len(pivots), len(rows)) if rows[r][column]), None)
        if found is None:
            continue
        at = len(pivots)
        rows[at], rows[found] = rows[found], rows[at]
        rows[at] = [x / rows[at][column] for x in rows[at]]
        for r, row in enumerate(rows):
            if r != at and row[column]:
                factor = row[column]
                rows[r] = [x - factor * y for x, y in zip(row, rows[at], strict=True)]
        pivots.append(column)
    return {keys[column] for at, column in enumerate(pivots) if sum(1 for x in rows[at] if x) == 1}


# --- shapes of tables ---------------------------------------------------------------------
def suppress_group(
    counts: Mapping[Hashable, int], *, total_shown: bool = True, people=None
) -> Suppression:
    """Parts of one whole (a scenario's endings, a decision's options, the quarters).
    With the total shown (``total_shown``), no small part may be the total minus the
    others; the total is key ``TOTAL``, hidden too when nothing else can protect them."""
    values = dict(counts)
    groups = []
    if total_shown:
        values[TOTAL] = sum(counts.values())
        groups = [(TOTAL, list(counts))]
        if people is not None:
            people = {**people, TOTAL: sum(people.values())}
    return suppress(values, groups, people=people)


def part_of_whole(part: int, whole: int, *, people: tuple[int, int] | None = None) -> Suppression:
    """A part shown beside its whole (responded of invited): the rest is worked out by
    subtraction, so it counts as a hidden figure of its own. Keys ``"part"`` and
    ``"whole"``."""
    values = {"part": part, "whole": whole, "rest": whole - part}
    counts = None
    if people is not None:
        counts = {"part": people[0], "whole": people[1], "rest": people[1] - people[0]}
    return suppress(values, [("whole", ["part", "rest"])], people=counts, unpublished=["rest"])


def two_way_groups(rows: Iterable[Hashable], columns: Sequence[Hashable]) -> list[Group]:
    """The sums of a two-way table with its margins: key ``(row, column)``, with
    ``TOTAL`` as the row or column of the margins. Tables sharing the same totals (by
    agency, by job role) are suppressed together by passing all their groups at once."""
    rows = list(rows)
    groups: list[Group] = [((row, TOTAL), [(row, column) for column in columns]) for row in rows]
    groups += [((TOTAL, column), [(row, column) for row in rows]) for column in columns]
    groups.append(((TOTAL, TOTAL), [(row, TOTAL) for row in rows]))
    groups.append(((TOTAL, TOTAL), [(TOTAL, column) for column in columns]))
    return groups
