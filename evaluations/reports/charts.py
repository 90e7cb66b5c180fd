"""Accessible SVG charts, drawn on the server, and the chart data they are drawn from.

A report builds each chart's data once, as a :class:`BarChart` or :class:`LineChart`;
the page draws it as SVG (``chart.svg``) and the PDF draws the same object with
reportlab graphics (``evaluations.reports.pdf_charts``), so the two cannot disagree.

Each SVG chart is ``<svg role="img" aria-labelledby="…">`` with a ``<title>`` and a
``<desc>`` that states the figures in words; the page puts the same numbers in a table
beside it. Series are told apart by pattern and by text labels, not by colour alone, so
they read in greyscale. No script, no inline ``style``: only SVG presentation attributes.
A hidden (suppressed) figure is drawn as no bar with its label ("fewer than 5", "not
shown: fewer than 5 people" or "not shown"), as in the table.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from learning_site.suppression import PROTECT, hidden_text

# (fill, pattern id or None) per series: dark solid, diagonal hatch, dots, light solid.
SERIES_STYLES = [("#1d3557", None), ("#1d3557", "hatch"), ("#1d3557", "dots"), ("#8d99ae", None)]

PATTERNS = (
    "<defs>"
    '<pattern id="{p}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#1d3557" stroke-width="3"/></pattern>'
    '<pattern id="{p}-dots" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#ffffff"/>'
    '<circle cx="3" cy="3" r="1.6" fill="#1d3557"/></pattern>'
    "</defs>"
)


@dataclass(frozen=True)
class Bar:
    label: str
    values: list  # one per series; None means hidden or no data
    hidden: list  # one per series: why it is hidden ("" or False when shown)

    @classmethod
    def from_cells(cls, label, cells):
        return cls(label, [c.shown_value for c in cells], [c.reason for c in cells])


def hidden_label(hidden) -> str:
    """What a chart prints for a hidden bar: its reason, or "not shown" for a bare flag."""
    return hidden_text(hidden if isinstance(hidden, str) else PROTECT)


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars: one group per ``Bar``, one bar per series."""

    chart_id: str
    title: str
    description: str
    bars: list[Bar]
    series: list[str]
    unit: str = ""
    max_value: float | None = None

    def svg(self) -> SafeString:
        return bar_chart(
            self.chart_id, self.title, self.description, self.bars, self.series,
            unit=self.unit, max_value=self.max_value,
        )  # fmt: skip


@dataclass(frozen=True)
class LineChart:
    """Points over time (``labels``), one line per ``(name, values)`` series."""

    chart_id: str
    title: str
    description: str
    labels: list[str]
    series: list[tuple[str, list]]
    unit: str = ""

    def svg(self) -> SafeString:
        return line_chart(
            self.chart_id, self.title, self.description, self.labels, self.series,
            unit=self.unit,
        )  # fmt: skip


def _f(number: float) -> str:
    return f"{number:.1f}"


def _fill(prefix: str, series_index: int) -> str:
    colour, pattern = SERIES_STYLES[series_index % len(SERIES_STYLES)]
    return f"url(#{prefix}-{pattern})" if pattern else colour


def number_text(value, unit: str) -> str:
    """A chart's figure as its label shows it: whole numbers without decimals."""
    if value is None:
        return "no data"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text}%" if unit == "%" else text


def _describe(bars: list[Bar], series: list[str], unit: str) -> str:
    parts = []
    for bar in bars:
        figures = []
        for name, value, hidden in zip(series, bar.values, bar.hidden, strict=False):
            shown = hidden_label(hidden) if hidden else number_text(value, unit)
            figures.append(f"{name} {shown}" if len(series) > 1 else shown)
        parts.append(f"{bar.label}: {', '.join(figures)}")
    return "; ".join(parts) + "."


def _legend(prefix: str, series: list[str], y: int) -> list[str]:
    out = []
    x = 8
    for index, name in enumerate(series):
        out.append(
            format_html(
                '<rect x="{}" y="{}" width="14" height="14" fill="{}" stroke="#1d3557"/>'
                '<text x="{}" y="{}" font-size="13" fill="#0b0c0c">{}</text>',
                x, y, _fill(prefix, index), x + 20, y + 12, name,
            )
        )  # fmt: skip
        x += 28 + 8 * len(name)
    return out


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: list[Bar],
    series: list[str],
    *,
    unit: str = "",
    max_value: float | None = None,
) -> SafeString:
    """Horizontal bars, one group per row, one bar per series."""
    label_width, plot_width, bar_height, gap = 210, 330, 16, 10
    per_row = bar_height * len(series) + gap
    legend_height = 26 if len(series) > 1 else 0
    height = legend_height + per_row * max(len(bars), 1) + 10
    width = label_width + plot_width + 110
    top = max([v for bar in bars for v in bar.values if v is not None] + [max_value or 0, 1])
    if max_value:
        top = max_value
    body = [format_html(PATTERNS, p=chart_id)]
    body += _legend(chart_id, series, 4) if len(series) > 1 else []
    for row, bar in enumerate(bars):
        y0 = legend_height + row * per_row
        body.append(
            format_html(
                '<text x="{}" y="{}" font-size="13" text-anchor="end" fill="#0b0c0c">{}</text>',
                label_width - 8, _f(y0 + bar_height * len(series) / 2 + 5), bar.label[:32],
            )
        )  # fmt: skip
        for index, (value, hidden) in enumerate(zip(bar.values, bar.hidden, strict=False)):
            y = y0 + index * bar_height
            if hidden or value is None:
                text = hidden_label(hidden) if hidden else "no data"
                body.append(
                    format_html(
                        '<text x="{}" y="{}" font-size="12" font-style="italic" fill="#505a5f">{}</text>',
                        label_width + 4, y + bar_height - 4, text,
                    )
                )  # fmt: skip
                continue
            length = max(plot_width * float(value) / top, 1)
            body.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#1d3557"/>'
                    '<text x="{}" y="{}" font-size="12" fill="#0b0c0c">{}</text>',
                    label_width, y + 1, _f(length), bar_height - 2, _fill(chart_id, index),
                    _f(label_width + length + 4), y + bar_height - 4, number_text(value, unit),
                )
            )  # fmt: skip
    full_description = f"{description} {_describe(bars, series, unit)}"
    return _svg(chart_id, title, full_description, width, height, body)


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    labels: list[str],
    series: list[tuple[str, list]],
    *,
    unit: str = "",
) -> SafeString:
    """Points over time joined by lines; each series has its own marker shape and its
    last value written beside it."""
    width, height, left, right, top_pad, bottom = 560, 220, 50, 120, 30, 40
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    values = [v for _, points in series for v in points if v is not None]
    high = max(values + [1])
    low = min(values + [0])
    span = (high - low) or 1
    step = plot_w / max(len(labels) - 1, 1)

    def xy(i, v):
        return left + i * step, top_pad + plot_h - (float(v) - low) / span * plot_h

    body = [format_html(PATTERNS, p=chart_id)]
    body += _legend(chart_id, [name for name, _ in series], 4) if len(series) > 1 else []
    body.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#505a5f"/>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#0b0c0c">{}</text>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#0b0c0c">{}</text>',
            left, top_pad + plot_h, left + plot_w, top_pad + plot_h,
            left - 4, top_pad + 4, number_text(high, unit), left - 4, top_pad + plot_h, number_text(low, unit),
        )
    )  # fmt: skip
    for i, label in enumerate(labels):
        if i in (0, len(labels) - 1) or len(labels) <= 6:
            body.append(
                format_html(
                    '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#0b0c0c">{}</text>',
                    _f(left + i * step), height - 18, label,
                )
            )  # fmt: skip
    markers = ["circle", "square", "triangle"]
    for s, (name, points) in enumerate(series):
        coords = [xy(i, v) for i, v in enumerate(points) if v is not None]
        dash = "" if s == 0 else "6 4"
        if len(coords) > 1:
            body.append(
                format_html(
                    '<polyline points="{}" fill="none" stroke="#1d3557" stroke-width="2" stroke-dasharray="{}"/>',
                    " ".join(f"{x:.1f},{y:.1f}" for x, y in coords), dash or "none",
                )
            )  # fmt: skip
        for x, y in coords:
            body.append(_marker(markers[s % len(markers)], x, y))
        last = next(((i, v) for i, v in reversed(list(enumerate(points))) if v is not None), None)
        if last:
            x, y = xy(*last)
            body.append(
                format_html(
                    '<text x="{}" y="{}" font-size="12" fill="#0b0c0c">{}</text>',
                    _f(x + 8), _f(y + 4), f"{number_text(last[1], unit)} {name}" if len(series) > 1 else number_text(last[1], unit),
                )
            )  # fmt: skip
    return _svg(chart_id, title, description, width, height, body)


def _marker(shape: str, x: float, y: float) -> str:
    if shape == "square":
        return format_html(
            '<rect x="{}" y="{}" width="8" height="8" fill="#ffffff" stroke="#1d3557" stroke-width="2"/>',
            _f(x - 4), _f(y - 4),
        )  # fmt: skip
    if shape == "triangle":
        return format_html(
            '<polygon points="{},{} {},{} {},{}" fill="#8d99ae" stroke="#1d3557"/>',
            _f(x), _f(y - 5), _f(x - 5), _f(y + 4), _f(x + 5), _f(y + 4),
        )  # fmt: skip
    return format_html('<circle cx="{}" cy="{}" r="4" fill="#1d3557"/>', _f(x), _f(y))


def _svg(chart_id, title, description, width, height, body) -> SafeString:
    head = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        'aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>',
        id=chart_id, w=width, h=height, title=title, desc=description,
    )  # fmt: skip
    return mark_safe(head + "".join(str(part) for part in body) + "</svg>")  # noqa: S308


__all__ = ["Bar", "BarChart", "LineChart", "bar_chart", "escape", "line_chart", "number_text"]
