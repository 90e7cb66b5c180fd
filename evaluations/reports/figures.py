"""One shape for every figure a report shows, so the CSV and the PDF come from the same
numbers as the page."""

from dataclasses import dataclass

from learning_site.suppression import Cell


@dataclass(frozen=True)
class Figure:
    """One number in tidy form: what it measures, for which group, from how many people."""

    section: str
    measure: str
    breakdown: str  # "overall", "agency", "job role", "module", "scenario", "wave", "quarter"
    group: str
    statistic: str  # count | percent | mean | change | ci_low | ci_high | median
    cell: Cell
    unit: str = ""
    # How the page prints the figure, when that is not the cell's own ``display`` (the
    # partnership's indicator figures are printed as entered: 58, 61.5).
    text: str = ""

    def as_row(self) -> dict[str, object]:
        value = self.cell.shown_value
        if isinstance(value, float):
            value = round(value, 2)
        return {
            "section": self.section,
            "measure": self.measure,
            "breakdown": self.breakdown,
            "group": self.group,
            "statistic": self.statistic,
            "value": "" if value is None else value,
            "shown_as": self.text or self.cell.display,
            "unit": self.unit,
            # n itself can identify a small group, so it is hidden with the value.
            "n": "" if self.cell.hidden else self.cell.n,
            "suppressed": "yes" if self.cell.hidden else "no",
        }
