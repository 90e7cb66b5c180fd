"""Certificate and CPD record PDFs, drawn with reportlab (pure Python, no system fonts)."""

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

BRAND = colors.HexColor("#0b3d61")


def certificate_pdf(certificate, request=None) -> bytes:
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=landscape(A4))
    pdf.setTitle(f"Certificate {certificate.code}: {certificate.course_title}")
    pdf.setAuthor("Neglect learning")
    pdf.setSubject(f"Certificate of completion for {certificate.learner_name}")
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(4)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    pdf.setFillColor(BRAND)
    pdf.setFont("Helvetica-Bold", 30)
    pdf.drawCentredString(width / 2, height - 55 * mm, "Certificate of completion")
    pdf.setFillColor(colors.black)
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(width / 2, height - 75 * mm, "This is to certify that")
    pdf.setFont("Helvetica-Bold", 24)
    pdf.drawCentredString(width / 2, height - 92 * mm, certificate.learner_name)
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(width / 2, height - 108 * mm, "completed the module")
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawCentredString(width / 2, height - 122 * mm, certificate.course_title[:90])
    completed = timezone.localdate(certificate.completion.completed_at)
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(
        width / 2,
        height - 140 * mm,
        f"on {completed:%-d %B %Y}   ·   {certificate.cpd_hours} CPD hours",
    )
    verify = "/certificates/verify/"
    if request is not None:
        verify = request.build_absolute_uri(verify)
    pdf.setFont("Helvetica", 11)
    pdf.drawCentredString(width / 2, 30 * mm, f"Verification code: {certificate.code}")
    pdf.drawCentredString(width / 2, 23 * mm, f"Check it at {verify}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _para(text: str, style):
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


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
    styles = getSampleStyleSheet()
    story = [
        Paragraph(f"CPD record: {escape(record.learner_name)}", styles["Title"]),
        Paragraph(
            f"Produced on {timezone.localdate():%-d %B %Y}. Total CPD hours: {record.total_hours:.1f}",
            styles["Normal"],
        ),
        Spacer(1, 8 * mm),
    ]
    if not record.entries:
        story.append(Paragraph("No completed modules or reflections yet.", styles["Normal"]))
    for entry in record.entries:
        story.append(Paragraph(escape(entry.learning_activity), styles["Heading2"]))
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
            [[_para(k, styles["Normal"]), _para(v, styles["Normal"])] for k, v in rows],
            colWidths=[45 * mm, None],
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"),
                ]
            )
        )
        story += [table, Spacer(1, 6 * mm)]
    doc.build(story)
    return buffer.getvalue()
