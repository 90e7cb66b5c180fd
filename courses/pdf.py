"""Certificate and CPD record PDFs, drawn with reportlab in the embedded fonts of
``learning_site.pdf_fonts`` (any script, no system fonts)."""

import io
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from learning_site import pdf_fonts
from learning_site.pdf_fonts import BOLD_FONT, FONT, draw_string, fit_font_size, paragraph
from learning_site.urls_absolute import absolute_url

BRAND = colors.HexColor("#0b3d61")
NAME_SIZE = 24
# The name and the module title sit inside the border with this much space each side.
TEXT_MARGIN = 28 * mm


def verification_url(certificate) -> str:
    """The public page that confirms this certificate, with its code filled in."""
    return absolute_url(reverse("certificate_verify") + "?" + urlencode({"code": certificate.code}))


def certificate_pdf(certificate, request=None) -> bytes:
    """One landscape page. The learner's name (1 to 150 characters, any script) is
    printed on one line, smaller when it is long. ``request`` is not used: the
    verification link comes from the site's base URL."""
    pdf_fonts.register_fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=landscape(A4))
    pdf.setTitle(f"Certificate {certificate.code}: {certificate.course_title}")
    pdf.setAuthor("Neglect learning")
    pdf.setSubject(f"Certificate of completion for {certificate.learner_name}")
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(4)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    line_width = width - 2 * TEXT_MARGIN

    def centred(y, text, size, *, bold=False, fit=False):
        font_name = BOLD_FONT if bold else FONT
        if fit:
            size = fit_font_size(text, font_name, size, line_width)
        return draw_string(pdf, width / 2, y, text, font_name=font_name, size=size, align="centre")

    pdf.setFillColor(BRAND)
    centred(height - 55 * mm, "Certificate of completion", 30, bold=True)
    pdf.setFillColor(colors.black)
    centred(height - 75 * mm, "This is to certify that", 16)
    centred(height - 92 * mm, certificate.learner_name, NAME_SIZE, bold=True, fit=True)
    centred(height - 108 * mm, "completed the module", 16)
    centred(height - 122 * mm, certificate.course_title, 18, bold=True, fit=True)
    completed = timezone.localdate(certificate.completion.completed_at)
    centred(
        height - 140 * mm, f"on {completed:%-d %B %Y}   ·   {certificate.cpd_hours} CPD hours", 14
    )
    verify = verification_url(certificate)
    centred(30 * mm, f"Verification code: {certificate.code}", 11)
    link_width = centred(23 * mm, f"Check it at {verify}", 11)
    pdf.linkURL(
        verify,
        (width / 2 - link_width / 2, 22 * mm, width / 2 + link_width / 2, 27 * mm),
        relative=0,
    )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def cpd_pdf(record, user) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"CPD record: {record.learner_name}",
        author="Neglect learning",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    styles = pdf_fonts.stylesheet()
    story = [
        paragraph(f"CPD record: {record.learner_name}", styles["Title"]),
        paragraph(
            f"Produced on {timezone.localdate():%-d %B %Y}. Total CPD hours: {record.total_hours:.1f}",
            styles["Normal"],
        ),
        Spacer(1, 8 * mm),
    ]
    if not record.entries:
        story.append(paragraph("No completed modules or reflections yet.", styles["Normal"]))
    for entry in record.entries:
        story.append(paragraph(entry.learning_activity, styles["Heading2"]))
        rows = [
            ["Date", f"{entry.date:%-d %B %Y}"],
            ["Type of activity", entry.activity_type],
            ["Provider", entry.provider],
            ["CPD hours", "" if entry.cpd_hours is None else f"{entry.cpd_hours:.1f}"],
            ["What I learned", entry.what_i_learned or "Not recorded"],
            ["Impact on my practice", entry.impact_on_practice or "Not recorded"],
            ["Reflected on with a peer", "Yes" if entry.reflected_with_peer else "No"],
        ]
        if entry.certificate_code:
            rows.append(["Certificate code", entry.certificate_code])
        table = Table(
            [[paragraph(k, styles["Label"]), paragraph(v, styles["Normal"])] for k, v in rows],
            colWidths=[45 * mm, None],
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                ]
            )
        )
        story += [table, Spacer(1, 6 * mm)]
    doc.build(story)
    return buffer.getvalue()
