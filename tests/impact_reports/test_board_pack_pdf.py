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


def test_board_pack_draws_the_page_charts_and_never_splits_a_header_word(
    partnership, course, home_page
):
    import datetime

    from evaluations.reports.filters import ReportFilters
    from evaluations.reports.indicators import ensure_default_indicators
    from evaluations.reports.pdf import report_pdf
    from evaluations.reports.report import build_report
    from tests.impact_reports.factories import at, enrol

    for _ in range(6):
        enrol(learner(partnership), course, at(2025, 2), completed=at(2025, 5))
    # Every default indicator beside the completions: the widest table in the pack.
    for n, indicator in enumerate(ensure_default_indicators(partnership)):
        for month in (1, 4, 7):
            indicator.values.create(quarter_start=datetime.date(2025, month, 1), value=10 + n)
    report = build_report(ReportFilters(partnership))
    pdf = report_pdf(report)

    assert pdf_checks.tofu(pdf) == []
    text = pdf_checks.text(pdf)
    flat = " ".join(text.split())
    charts = [*report.reach.charts(), *report.learning.charts(), *report.context.charts()]
    assert len(charts) == 2 + 1 + 7  # reach, learning, completions, seven indicators
    for chart in charts:
        assert chart.title in flat  # each chart under its visible title, as on the page
    # The charts' own words and figures: the legend, a bar's label and its value.
    completions = report.context.charts()[0]
    assert completions.bars[1].label == "Apr to Jun 2025" and completions.bars[1].values == [6]
    drawn = flat[flat.index(completions.title) : flat.index(report.context.charts()[1].title)]
    assert "Apr to Jun 2025 6" in drawn
    assert "Enrolled Completed" in flat

    # reportlab used to squeeze nine columns until headers broke mid-word ("Quart / er",
    # "co / mpletions"); now every word of every header is whole on its line.
    words = {word for line in text.splitlines() for word in line.split()}
    header = ["Quarter", "Module completions"] + [
        f"{s.indicator.name} ({s.indicator.unit})" for s in report.context.series
    ]
    split = {word for title in header for word in title.split() if word not in words}
    assert not split, f"header words broken across lines: {sorted(split)}"
