"""The PDF "annual training-impact report" for a board pack, drawn with reportlab.

Cover (with the filters every figure is for, under the title), summary, one part per
report section with the page's charts and tables, then method notes (waves, pairing,
suppression, response rates). Only aggregated, suppressed figures go in: no names and no
individual answers, except comments a trainer approved for sharing (shown unnamed).
"""

from __future__ import annotations

import io
from collections.abc import Callable

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from evaluations.models import follow_up_months_text
from evaluations.reports.pdf_charts import ChartFlowable
from evaluations.reports.report import Report
from learning_site import pdf_fonts
from learning_site.suppression import SMALL, hidden_text

BRAND = colors.HexColor("#1d3557")
MARGIN = 18 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN


def _p(text: str, style) -> Flowable:
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
    body = [[_p(h, styles["TableHead"]) for h in header]]
    body += [[_p(str(c), styles["TableCell"]) for c in row] for row in rows]
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


def _table(header: list[str], rows: list[list[str]], styles, available: float = TEXT_WIDTH):
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


def _styles():
    styles = pdf_fonts.stylesheet()
    styles["Title"].textColor = BRAND
    styles["Heading1"].textColor = BRAND
    return styles


def report_pdf(report: Report, progress: Callable[[int, str], None] | None = None) -> bytes:
    progress = progress or (lambda percent, step: None)
    styles = _styles()
    filters = report.filters
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Annual training-impact report: {filters.partnership.name}",
        author="Neglect learning",
        subject="Training reach, learning, practice change and local context",
    )
    story = []
    # Page 1: title, the filters, then the headline
    generated = timezone.localtime()
    story += [
        Spacer(1, 6 * mm),
        _p("Annual training-impact report", styles["Title"]),
        _p(filters.partnership.name, styles["Heading2"]),
        Spacer(1, 8 * mm),
        _p("Every figure in this report is for these filters:", styles["BodyText"]),
        _table(["Filter applied", "Value"], [list(pair) for pair in filters.describe()], styles),
        Spacer(1, 8 * mm),
        _p(f"Prepared {generated:%-d %B %Y at %H:%M}.", styles["BodyText"]),
        _p(
            f"Counts of fewer than {report.threshold} people are shown as "
            f"“{hidden_text(SMALL, report.threshold)}”. No names or individual answers appear.",
            styles["Note"],
        ),
    ]
    progress(20, "Summary")
    story += _summary(report, styles)
    progress(35, "Reach")
    story += _reach(report, styles)
    progress(50, "Learning")
    story += _learning(report, styles)
    practice = report.extra_sections.get("practice")
    if practice is not None:
        progress(60, "Practice change")
        story += _practice(report, practice, styles)
    progress(70, "Scenario decisions")
    story += _scenarios(report, styles)
    progress(80, "Local context")
    story += _context(report, styles)
    comments = report.extra_sections.get("comments")
    if comments is not None:
        story += comments.pdf_flowables(styles, _p, _table)
    story += _method(report, styles)
    progress(90, "Drawing pages")

    def footer(canvas, doc_):
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#505a5f"))
        pdf_fonts.draw_string(
            canvas, 18 * mm, 10 * mm, f"{filters.partnership.name}: training-impact report", size=8
        )
        pdf_fonts.draw_string(
            canvas, A4[0] - 18 * mm, 10 * mm, f"Page {doc_.page}", size=8, align="right"
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _summary(report: Report, styles):
    """Page 1: the headline, the same sentences as the top of the web page."""
    story = [_p("At a glance", styles["Heading1"])]
    for point in report.headline.points:
        story.append(_p(point.title, styles["Heading2"]))
        story += [_p(sentence, styles["BodyText"]) for sentence in point.sentences]
    return [*story, PageBreak()]


def _chart(chart, styles) -> list[Flowable]:
    """A chart under its visible title, as on the page, kept on one page."""
    if chart is None:
        return []
    return [
        KeepTogether([_p(chart.title, styles["Heading3"]), ChartFlowable(chart)]),
        Spacer(1, 4 * mm),
    ]


def _reach(report: Report, styles):
    rows = [
        [r.label, r.learners.display, r.completers.display, r.enrolments.display,
         r.completions.display, r.completion_rate.display]
        for r in [report.reach.total, *report.reach.by_agency]
    ]  # fmt: skip
    role_rows = [
        [r.label, r.learners.display, r.completers.display, r.completion_rate.display]
        for r in report.reach.by_role
    ]
    header = ["Agency", "Learners", "Completed", "Enrolments", "Completions", "Completion rate"]
    return [
        _p("Reach", styles["Heading1"]),
        _p(
            "Ofsted (2014) found adult mental health, drug and alcohol services, housing and "
            "police the hardest agencies to involve in work on neglect.",
            styles["Note"],
        ),
        *_chart(report.reach_chart(), styles),
        _table(header, rows, styles),
        Spacer(1, 4 * mm),
        _table(["Job role", "Learners", "Completed", "Completion rate"], role_rows, styles),
        Spacer(1, 6 * mm),
    ]


def _paired_row(group: str, m) -> list[str]:
    return [group, m.label, m.n.display, m.before.display, m.after.display,
            m.change.display, m.ci_display]  # fmt: skip


PAIRED_HEADER = ["Pairs", "Before", "After", "Mean change", "95% confidence interval"]


def _learning(report: Report, styles):
    rows = []
    for _breakdown, group, knowledge, confidence in report.learning.rows:
        rows += [_paired_row(group, knowledge), _paired_row(group, confidence)]
    return [
        _p("Learning: before and after the module", styles["Heading1"]),
        _p("Each learner's answers after the module are paired with their own answers before it.", styles["Note"]),
        *_chart(report.learning_chart(), styles),
        _table(["Module", "Measure", *PAIRED_HEADER], rows, styles),
        Spacer(1, 6 * mm),
    ]  # fmt: skip


def _practice(report: Report, practice, styles):
    """The practice section's own tables, then the people who answered each survey,
    which the page shows too."""
    answered = practice.answered.items()
    return [
        *practice.pdf_flowables(styles, _p, _table),
        Spacer(1, 4 * mm),
        _table(
            ["Survey", "People who answered"],
            [[practice.wave_labels[wave], cell.display] for wave, cell in answered],
            styles,
        ),
        Spacer(1, 4 * mm),
        *_chart(report.practice_chart(), styles),
    ]


def _scenarios(report: Report, styles):
    rows = [
        [r.title, r.learners.display, r.tested.display, r.recognised.display,
         r.completed.display, r.median_weeks.display]
        for r in report.scenarios.rows
    ]  # fmt: skip
    if not rows:
        return [
            _p("Scenario decisions", styles["Heading1"]),
            _p("No scenario was played in this period.", styles["BodyText"]),
        ]
    endings = [
        [r.title, label, cell.display] for r in report.scenarios.rows for label, cell in r.outcomes
    ]
    return [
        _p("Scenario decisions", styles["Heading1"]),
        *_chart(report.scenario_chart(), styles),
        _table(
            ["Scenario", "Learners", "Met a disguised-compliance decision", "Chose the child-focused option there", "Reached an ending", "Median weeks the child waited"],
            rows, styles,
        ),
        Spacer(1, 4 * mm),
        _p("How first attempts ended", styles["Heading3"]),
        _table(["Scenario", "Ending", "Share of first attempts that ended"], endings, styles),
        Spacer(1, 6 * mm),
    ]  # fmt: skip


def _context(report: Report, styles):
    out = [
        _p("Local outcome indicators (context)", styles["Heading1"]),
        _p(
            "These are the partnership's own figures, shown beside training reach as context. "
            "They are affected by many things; this report does not claim training caused "
            "any change in them.",
            styles["Note"],
        ),
    ]
    if not report.context.quarters:
        return out + [_p("No figures have been entered yet.", styles["BodyText"])]
    for chart in report.context_charts():
        out += _chart(chart, styles)
    header = ["Quarter", "Module completions"] + [
        f"{s.indicator.name} ({s.indicator.unit})" for s in report.context.series
    ]
    rows = [[row["label"], *row["cells"]] for row in report.context.table_rows]
    return [*out, _table(header, rows, styles), Spacer(1, 6 * mm)]


def _method(report: Report, styles):
    t = report.threshold
    notes = [
        "Waves. Learners answer before the module (baseline), at its end (post), and "
        f"{follow_up_months_text()} calendar months after completing it.",
        "Pairing. Every change is worked out on the same learners: each learner's later "
        "answer minus their own earlier answer. The unit is the person: someone who took "
        "several modules counts once, with the mean of their modules' changes, and n is "
        "the number of people. People who answered only one wave are left out of that "
        "change, so each row states its own n.",
        "Confidence intervals. 95% intervals use the t distribution with n − 1 degrees of "
        "freedom on the people's changes. An interval that does not include zero "
        "suggests a real change, but not what caused it.",
        f"Suppression. A count of 1 to {t - 1} people shows “{hidden_text(SMALL, t)}”; a "
        "zero is shown, since it names nobody. Where figures add up to a total, or a "
        "count stands beside its whole, more figures are hidden (“not shown”) until no "
        "hidden one can be worked out from the rest. A rate or mean from fewer than "
        f"{t} people shows “not shown: fewer than {t} people”.",
        "Response rates. Each wave's rate is the share of people invited (or, for the "
        "module questionnaires, enrolled or completed) who answered. Low response rates "
        "mean the people who answered may not speak for everyone.",
        "Local indicators are context only; they are not evidence that training caused a change.",
    ]
    return [PageBreak(), _p("Method notes", styles["Heading1"])] + [
        _p(note, styles["BodyText"]) for note in notes
    ]
