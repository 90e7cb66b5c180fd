"""The PDF "annual training-impact report" for a board pack, drawn with reportlab.

Cover (with the filters every figure is for, under the title), summary, one part per
report section (each section draws its own, with the page's charts and tables), then
method notes (waves, pairing, suppression, response rates). Only aggregated, suppressed
figures go in: no names and no individual answers, except comments a trainer approved
for sharing (shown unnamed).
"""

from __future__ import annotations

import io
from collections.abc import Callable

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer

from evaluations.models import follow_up_months_text
from evaluations.reports.pdf_layout import MARGIN, para, stylesheet, table
from evaluations.reports.report import Report
from learning_site import pdf_fonts
from learning_site.suppression import SMALL, hidden_text

# Where the progress bar of a PDF export stands before the first and after the last
# section (per cent).
SECTIONS_START, SECTIONS_END = 35, 85


def report_pdf(report: Report, progress: Callable[[int, str], None] | None = None) -> bytes:
    progress = progress or (lambda percent, step: None)
    styles = stylesheet()
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
        para("Annual training-impact report", styles["Title"]),
        para(filters.partnership.name, styles["Heading2"]),
        Spacer(1, 8 * mm),
        para("Every figure in this report is for these filters:", styles["BodyText"]),
        table(["Filter applied", "Value"], [list(pair) for pair in filters.describe()], styles),
        Spacer(1, 8 * mm),
        para(f"Prepared {generated:%-d %B %Y at %H:%M}.", styles["BodyText"]),
        para(
            f"Counts of fewer than {report.threshold} people are shown as "
            f"“{hidden_text(SMALL, report.threshold)}”. No names or individual answers appear.",
            styles["Note"],
        ),
    ]
    progress(20, "Summary")
    story += _summary(report, styles)
    parts = report.parts
    for index, part in enumerate(parts):
        progress(SECTIONS_START + (SECTIONS_END - SECTIONS_START) * index // len(parts), part.title)
        story += part.data.pdf_flowables(styles)
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
    story = [para("At a glance", styles["Heading1"])]
    for point in report.headline.points:
        story.append(para(point.title, styles["Heading2"]))
        story += [para(sentence, styles["BodyText"]) for sentence in point.sentences]
    return [*story, PageBreak()]


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
    return [PageBreak(), para("Method notes", styles["Heading1"])] + [
        para(note, styles["BodyText"]) for note in notes
    ]
