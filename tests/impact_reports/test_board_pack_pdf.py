"""The board pack prints approved comments and names in any script, with no black boxes."""

import pytest
from django.urls import reverse

from evaluations.models import SurveyAnswer
from evaluations.reports.models import ExportStatus, ReportExport
from learning_site import pdf_fonts
from tests import pdf_checks
from tests.impact_reports.evaluation_rows import Survey
from tests.impact_reports.factories import learner

pytestmark = pytest.mark.django_db

ARABIC_COMMENT = "صرت أبدأ التسلسل الزمني من أول زيارة، وأسأل الطفل عن يومه."


def test_board_pack_prints_an_arabic_approved_comment(
    client, trainer, board_member, partnership, course, django_capture_on_commit_callbacks
):
    partnership.name = "Łódź & Nguyễn Safeguarding Partnership"
    partnership.save()
    Survey("used-chronology").respond(
        learner(partnership), course, "three_months", {}, text=ARABIC_COMMENT
    )
    client.force_login(trainer)
    answer = SurveyAnswer.objects.get(text_value=ARABIC_COMMENT)
    client.post(reverse("reports_comment_approval", args=[answer.pk]), {"decision": "approve"})

    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports_export_new"), {"export_format": "pdf"})
    export = ReportExport.objects.get()
    assert export.status == ExportStatus.READY
    download = client.get(reverse("reports_export_download", args=[export.pk]))
    pdf = b"".join(download.streaming_content)

    assert pdf_checks.tofu(pdf) == []
    text = pdf_checks.text(pdf)
    assert "What learners said (approved for sharing)" in text
    for word in ARABIC_COMMENT.split():
        assert word.strip(".،") in text
    drawn = pdf_fonts.visual(f"“{ARABIC_COMMENT}”")
    fonts = set(pdf_checks.glyphs_for(pdf, drawn).values())
    assert any("NotoSansArabic" in font for font in fonts)
    # The partnership's name, on the cover and in every page's footer.
    assert text.count("Łódź & Nguyễn Safeguarding Partnership") >= 3
