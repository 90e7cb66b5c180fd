"""Small-cell suppression: pure functions, no database, used by every report figure.

Rules (``threshold`` is ``settings.SMALL_CELL_THRESHOLD``, 5 by default):

1. **Primary**: a count of 1 to threshold-1 people is hidden ("fewer than 5"). A count of
   zero is shown: it names no one, and boards need to see which agencies were not reached.
   A mean, rate or change computed from fewer than ``threshold`` people is hidden; from
   nobody it is "no data".
2. **Complementary**: when a table shows its total, one hidden part could be worked out
   by subtracting the shown parts from the total. So whenever exactly one part is hidden,
   the next smallest part is hidden too (a non-zero one if there is any). This covers
   means as well as counts: the modules' paired sums add up to the overall row, and the
   quarters' completions to the Reach total.
3. **Differences**: a part shown beside its whole reveals the rest (enrolled minus
   completed). If the rest is a small non-zero number, the part is hidden as well.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from django.conf import settings


def threshold() -> int:
    return int(getattr(settings, "SMALL_CELL_THRESHOLD", 5))


def suppressed_text(limit: int | None = None) -> str:
    return f"fewer than {limit or threshold()}"


def is_small(n: int | None, limit: int | None = None) -> bool:
    """True for a count of people that must not be shown (1 to limit-1)."""
    limit = threshold() if limit is None else limit
    return n is not None and 0 < n < limit


def statistic_hidden(n: int | None, limit: int | None = None) -> bool:
    """A mean, rate or change is hidden unless it rests on at least ``limit`` people."""
    limit = threshold() if limit is None else limit
    return not n or n < limit


def part_of_whole_hidden(part: int, whole: int, limit: int | None = None) -> bool:
    """Hide ``part`` if it is small, or if ``whole - part`` (derivable once both are
    shown) is small."""
    return is_small(part, limit) or is_small(whole - part, limit) or is_small(whole, limit)


def add_complementary(
    counts: Mapping[Hashable, int], hidden: set[Hashable], *, total_shown: bool = True
) -> set[Hashable]:
    """Complementary suppression: with the total shown, a single hidden part equals the
    total minus the others, so hide the next smallest part too (a non-zero one first)."""
    hidden = set(hidden)
    if not total_shown or len(hidden) != 1:
        return hidden
    candidates = sorted(
        ((n, str(key), key) for key, n in counts.items() if key not in hidden),
        key=lambda item: (item[0] == 0, item[0], item[1]),
    )
    if candidates:
        hidden.add(candidates[0][2])
    return hidden


def suppress_parts(
    counts: Mapping[Hashable, int], *, total_shown: bool = True, limit: int | None = None
) -> set[Hashable]:
    """Keys of ``counts`` to hide: primary suppression, then complementary suppression
    when the table's total is shown (so no hidden cell is total minus the others)."""
    primary = {key for key, n in counts.items() if is_small(n, limit)}
    return add_complementary(counts, primary, total_shown=total_shown)


@dataclass(frozen=True)
class Cell:
    """A figure ready to show: its value, the number of people behind it, and whether
    it is hidden. ``display`` never returns a hidden value."""

    value: float | int | None
    n: int
    hidden: bool
    kind: str = "count"  # count | percent | mean | change | median

    @property
    def display(self) -> str:
        if self.hidden:
            return suppressed_text()
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


def count_cell(n: int, *, hidden: bool | None = None, limit: int | None = None) -> Cell:
    return Cell(n, n, is_small(n, limit) if hidden is None else hidden, "count")


def statistic_cell(
    value, n: int, kind: str = "mean", *, hidden: bool = False, limit: int | None = None
) -> Cell:
    return Cell(value, n, hidden or statistic_hidden(n, limit), kind)


def rate_cell(part: int, whole: int, *, limit: int | None = None) -> Cell:
    """``part`` as a percentage of ``whole``; hidden when either count, or what they
    reveal together, is small."""
    value = 100 * part / whole if whole else None
    hidden = statistic_hidden(whole, limit) or part_of_whole_hidden(part, whole, limit)
    return Cell(value, whole, hidden, "percent")
