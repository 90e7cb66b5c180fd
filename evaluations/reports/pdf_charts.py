"""The report's charts in the PDF: the same ``BarChart`` and ``LineChart`` objects the
page draws as SVG, drawn here with reportlab graphics.

Shapes are a reportlab ``Drawing``; words (agency names, module and scenario titles,
indicator names typed by trainers) are set with ``learning_site.pdf_fonts`` so any
script prints, as everywhere else in the PDF. As on the page, series are told apart by
fill pattern and marker shape as well as colour, so a greyscale print still reads, and a
hidden figure is written as "fewer than 5" where its bar would be.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect
from reportlab.lib import colors
from reportlab.platypus import Flowable

from evaluations.reports.charts import BarChart, LineChart, hidden_label, number_text
from learning_site import pdf_fonts

INK = colors.HexColor("#1d3557")
LIGHT = colors.HexColor("#8d99ae")
TEXT = colors.HexColor("#0b0c0c")
MUTED = colors.HexColor("#505a5f")
AXIS = colors.HexColor("#505a5f")


@dataclass
class Label:
    x: float
    y: float
    text: str
    size: float = 8
    align: str = "left"
    colour: colors.Color = TEXT


@dataclass
class Layout:
    drawing: Drawing
    labels: list[Label] = field(default_factory=list)


def _series_fill(drawing: Drawing, index: int, x: float, y: float, w: float, h: float):
    """Solid dark, striped, dotted, then solid light: the page's four series styles."""
    style = index % 4
    if style == 0:
        drawing.add(Rect(x, y, w, h, fillColor=INK, strokeColor=INK, strokeWidth=0.5))
        return
    if style == 3:
        drawing.add(Rect(x, y, w, h, fillColor=LIGHT, strokeColor=INK, strokeWidth=0.5))
        return
    drawing.add(Rect(x, y, w, h, fillColor=colors.white, strokeColor=INK, strokeWidth=0.5))
    step = 3.0
    offset = step / 2
    while offset < w:
        if style == 1:
            drawing.add(Line(x + offset, y, x + offset, y + h, strokeColor=INK, strokeWidth=1))
        else:
            dot_y = y + step / 2
            while dot_y < y + h:
                drawing.add(Circle(x + offset, dot_y, 0.6, fillColor=INK, strokeColor=None))
                dot_y += step
        offset += step


LEGEND_LINE = 12.0


def _legend_positions(names: list[str], width: float) -> list[tuple[float, int]]:
    """(x, line) for each legend entry, wrapping onto a new line when one is full."""
    out, x, line = [], 0.0, 0
    for name in names:
        entry = 11 + pdf_fonts.string_width(name, pdf_fonts.FONT, 8) + 12
        if x and x + entry > width:
            x, line = 0.0, line + 1
        out.append((x, line))
        x += entry
    return out


def _legend_height(names: list[str], width: float) -> float:
    if len(names) < 2:
        return 0.0
    return (max(line for _, line in _legend_positions(names, width)) + 1) * LEGEND_LINE + 2


def _legend(layout: Layout, names: list[str], top: float, key) -> None:
    """One entry per series: its key (a filled box or a line's marker), then its name."""
    for index, (x, line) in enumerate(_legend_positions(names, layout.drawing.width)):
        y = top - line * LEGEND_LINE
        key(index, x, y - 8)
        layout.labels.append(Label(x + 11, y - 7.5, names[index]))


def bar_layout(chart: BarChart, width: float) -> Layout:
    bar_h, gap = 9.0, 6.0
    label_w = min(150.0, width * 0.32)
    plot_w = max(width - label_w - 60, 40)
    series = len(chart.series)
    legend_h = _legend_height(chart.series, width)
    per_row = bar_h * series + gap
    height = legend_h + per_row * max(len(chart.bars), 1) + 2
    layout = Layout(Drawing(width, height))
    if legend_h:
        _legend(
            layout, chart.series, height,
            lambda i, x, y: _series_fill(layout.drawing, i, x, y, 8, 8),
        )  # fmt: skip
    values = [v for bar in chart.bars for v in bar.values if v is not None]
    top = chart.max_value or max([*values, 1])
    for row, bar in enumerate(chart.bars):
        row_top = height - legend_h - row * per_row
        size = pdf_fonts.fit_font_size(bar.label, pdf_fonts.FONT, 8, label_w - 6, smallest=6)
        middle = row_top - bar_h * series / 2
        layout.labels.append(Label(label_w - 4, middle - 3, bar.label, size, "right"))
        for index, (value, hidden) in enumerate(zip(bar.values, bar.hidden, strict=False)):
            y = row_top - (index + 1) * bar_h
            if hidden or value is None:
                text = hidden_label(hidden) if hidden else "no data"
                layout.labels.append(Label(label_w + 2, y + 2, text, 7.5, colour=MUTED))
                continue
            length = max(plot_w * float(value) / top, 0.75)
            _series_fill(layout.drawing, index, label_w, y + 1, length, bar_h - 2)
            layout.labels.append(
                Label(label_w + length + 3, y + 2, number_text(value, chart.unit), 7.5)
            )
    return layout


def _marker(drawing: Drawing, shape: int, x: float, y: float) -> None:
    if shape == 1:
        drawing.add(Rect(x - 2.5, y - 2.5, 5, 5, fillColor=colors.white, strokeColor=INK))
    elif shape == 2:
        drawing.add(
            Polygon([x, y + 3, x - 3, y - 2.5, x + 3, y - 2.5], fillColor=LIGHT, strokeColor=INK)
        )
    else:
        drawing.add(Circle(x, y, 2.5, fillColor=INK, strokeColor=INK))


def line_layout(chart: LineChart, width: float) -> Layout:
    names = [name for name, _ in chart.series]
    legend_h = _legend_height(names, width)
    plot_h, left, right, bottom = 110.0, 40.0, 60.0, 22.0
    height = bottom + plot_h + 10 + legend_h
    plot_w = width - left - right
    layout = Layout(Drawing(width, height))
    if legend_h:
        _legend(layout, names, height, lambda i, x, y: _marker(layout.drawing, i % 3, x + 4, y + 4))
    values = [v for _, points in chart.series for v in points if v is not None]
    high, low = max([*values, 1]), min([*values, 0])
    span = (high - low) or 1
    step = plot_w / max(len(chart.labels) - 1, 1)

    def xy(i, v):
        return left + i * step, bottom + (float(v) - low) / span * plot_h

    layout.drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=AXIS))
    layout.labels += [
        Label(left - 3, bottom + plot_h - 3, number_text(high, chart.unit), 7, "right"),
        Label(left - 3, bottom - 3, number_text(low, chart.unit), 7, "right"),
    ]
    for i, label in enumerate(chart.labels):
        if i in (0, len(chart.labels) - 1) or len(chart.labels) <= 6:
            layout.labels.append(Label(left + i * step, bottom - 12, label, 7, "centre"))
    for s, (_name, points) in enumerate(chart.series):
        coords = [xy(i, v) for i, v in enumerate(points) if v is not None]
        if len(coords) > 1:
            layout.drawing.add(
                PolyLine(
                    [c for point in coords for c in point],
                    strokeColor=INK,
                    strokeWidth=1.5,
                    strokeDashArray=None if s == 0 else [4, 3],
                )
            )
        for x, y in coords:
            _marker(layout.drawing, s % 3, x, y)
        last = next(((i, v) for i, v in reversed(list(enumerate(points))) if v is not None), None)
        if last:
            x, y = xy(*last)
            # The legend names the series (by marker); the line ends with its value.
            layout.labels.append(Label(x + 6, y - 3, number_text(last[1], chart.unit)))
    return layout


class ChartFlowable(Flowable):
    """One chart the width of the text column."""

    def __init__(self, chart: BarChart | LineChart):
        super().__init__()
        self.chart = chart
        self._layout: Layout | None = None

    def wrap(self, availWidth, availHeight):
        if isinstance(self.chart, BarChart):
            self._layout = bar_layout(self.chart, availWidth)
        else:
            self._layout = line_layout(self.chart, availWidth)
        self.width, self.height = availWidth, self._layout.drawing.height
        return self.width, self.height

    def draw(self):
        renderPDF.draw(self._layout.drawing, self.canv, 0, 0)
        for label in self._layout.labels:
            self.canv.setFillColor(label.colour)
            pdf_fonts.draw_string(
                self.canv, label.x, label.y, label.text, size=label.size, align=label.align
            )
