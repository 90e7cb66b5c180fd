"""The board pack's building blocks, shared by the PDF (``pdf``) and each report
section's part of it: the house styles, text in any script, tables whose columns never
split a word, and a chart under its visible title."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from evaluations.reports.pdf_charts import ChartFlowable
from learning_site import pdf_fonts

BRAND = colors.HexColor("#1d3557")
MARGIN = 18 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN


def para(text: str, style) -> Flowable:
    """Plain text in any script (partnership names, module titles, approved comments)."""
    return pdf_fonts.paragraph(text, style)


# Cell padding reportlab's Table adds on each side.
PADDING = 6
# A cell this short is a figure ("fewer than 5", "+0.3 to +2.5", "not enough pairs"):
# it is kept on one line, so a reader never sees a figure broken in two.
FIGURE_LENGTH = 16


def _text_width(text: str, style) -> float:
    return pdf_fonts.string_width(text, style.fontName, style.fontSize)


def _narrowest(text: str, style) -> float:
    """The least width ``text`` can wrap to without breaking a word (or a figure)."""
    if len(text) <= FIGURE_LENGTH:
        return _text_width(text, style)
    return max((_text_width(word, style) for word in text.split()), default=0)


def column_widths(
    header: list[str], rows: list[list[str]], styles, available: float
) -> list[float] | None:
    """Widths that fit ``available`` with no word split inside a column (headers wrap
    between words: "Completion / rate", never "Quart / er"), giving the spare width
    to the columns whose text is longest. ``None`` when even that cannot fit."""
    # Slack of a point: reportlab must not wrap a line measured to fit exactly.
    pad = 2 * PADDING + 1
    head_style, cell_style = styles["TableHead"], styles["TableCell"]
    least, most = [], []
    for index, head in enumerate(header):
        cells = [str(row[index]) for row in rows]
        words = [_text_width(word, head_style) for word in head.split()]
        least.append(pad + max([*words, *(_narrowest(c, cell_style) for c in cells)]))
        most.append(
            pad + max([_text_width(head, head_style), *(_text_width(c, cell_style) for c in cells)])
        )
    if sum(least) > available:
        return None
    spare = available - sum(least)
    wanted = sum(m - n for m, n in zip(most, least, strict=True))
    share = min(1.0, spare / wanted) if wanted else 0.0
    return [n + (m - n) * share for n, m in zip(least, most, strict=True)]


def _one_table(header, rows, styles, widths) -> Table:
    body = [[para(h, styles["TableHead"]) for h in header]]
    body += [[para(str(c), styles["TableCell"]) for c in row] for row in rows]
    table = Table(body, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b1b4b6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def table(header: list[str], rows: list[list[str]], styles, available: float = TEXT_WIDTH):
    """A table whose columns are sized to their words. A table too wide for the page
    (the quarters beside every local indicator) is printed as several, each repeating
    the first column, rather than squeezing its headers until words split."""
    widths = column_widths(header, rows, styles, available)
    if widths is not None:
        return _one_table(header, rows, styles, widths)
    parts, rest = [], list(range(1, len(header)))
    while rest:
        take = len(rest)
        while take > 1 and _fits([0, *rest[:take]], header, rows, styles, available) is None:
            take -= 1
        chosen = [0, *rest[:take]]
        widths = _fits(chosen, header, rows, styles, available)
        if parts:
            parts.append(Spacer(1, 3 * mm))
        parts.append(
            _one_table(
                [header[i] for i in chosen], [[row[i] for i in chosen] for row in rows], styles,
                widths,
            )
        )  # fmt: skip
        rest = rest[take:]
    return KeepTogether(parts)


def _fits(chosen: list[int], header, rows, styles, available):
    return column_widths(
        [header[i] for i in chosen], [[row[i] for i in chosen] for row in rows], styles, available
    )


def stylesheet():
    sheet = pdf_fonts.stylesheet()
    sheet["Title"].textColor = BRAND
    sheet["Heading1"].textColor = BRAND
    return sheet


def chart_flowables(chart, styles) -> list[Flowable]:
    """A chart under its visible title, as on the page, kept on one page."""
    if chart is None:
        return []
    return [
        KeepTogether([para(chart.title, styles["Heading3"]), ChartFlowable(chart)]),
        Spacer(1, 4 * mm),
    ]
