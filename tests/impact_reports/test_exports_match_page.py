"""A board member filters the report to one module and one agency, then downloads the
CSV and the PDF from that page: every figure the page shows is in both files, as the
page shows it, and both files print the filters they were made with."""

import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from evaluations.models import WaveKind as QuestionnaireStage
from evaluations.reports.models import ApprovedComment, ExportStatus, ReportExport
from learning_site.models import Agency
from tests import pdf_checks
from tests.impact_reports.csv_rows import figure_rows, filter_rows
from tests.impact_reports.evaluation_rows import Survey, invite
from tests.impact_reports.factories import at, enrol, learner, questionnaire
from tests.impact_reports.test_scenarios import attempt
from tests.scenarios.factories import make_scenario

pytestmark = pytest.mark.django_db

# The page's sections, and the CSV section and PDF heading each is found under.
SECTIONS = {
    "reach": ("reach", "Reach"),
    "learning": ("learning", "Learning: before and after the module"),
    "practice": ("practice change", "Practice change at 3 and 12 months"),
    "scenarios": ("scenarios", "Scenario decisions"),
    "context": ("context", "Local outcome indicators (context)"),
}


class ReportPage(HTMLParser):
    """The figure cells (``td.numeric``) of each section's tables, the filters listed
    as applied, and the CSV link and PDF form the page offers."""

    def __init__(self):
        super().__init__()
        self.section = None
        self.figures: dict[str, list[str]] = {key: [] for key in SECTIONS}
        self.applied: list[str] = []
        self.csv_url = self.export_action = None
        self._cell: list[str] | None = None
        self._in_applied = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("id") in SECTIONS:
            self.section = attrs["id"]
        elif tag == "td" and "numeric" in (attrs.get("class") or "") and self.section:
            self._cell = []
        elif tag == "dl" and "report-applied" in (attrs.get("class") or ""):
            self._in_applied = True
        elif tag in ("dt", "dd") and self._in_applied:
            self._cell = []
        elif tag == "a" and "report.csv" in attrs.get("href", ""):
            self.csv_url = attrs["href"]
        elif tag == "form" and "report-export-form" in (attrs.get("class") or ""):
            self.export_action = attrs["action"]

    def handle_endtag(self, tag):
        if tag == "section":
            self.section = None
        elif tag == "dl":
            self._in_applied = False
        elif tag == "td" and self._cell is not None and self.section:
            self.figures[self.section].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag in ("dt", "dd") and self._cell is not None:
            self.applied.append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _figures(texts) -> Counter:
    """Figures as the files hold them: a confidence interval "+0.3 to +2.5" is two
    figures (its lower and upper ends)."""
    out = Counter()
    for text in texts:
        if re.fullmatch(r"[+-]\d[\d.,]* to [+-]\d[\d.,]*", text):
            out.update(text.split(" to "))
        elif text:
            out[text] += 1
    return out


def _occurrences(text: str, figure: str) -> int:
    return len(re.findall(rf"(?<![\w.+-]){re.escape(figure)}(?![\w.%])", text))


@pytest.fixture
def report_world(home_page, partnership, course, second_course, trainer):
    """Health visitors on the test module (the filter), with police on the same module
    and health visitors on the second module, so an export that ignored either filter
    would show other figures."""
    survey = Survey("used-chronology")
    scenario = make_scenario(home_page)

    def cohort(agency, module, people, offset):
        for i in range(people):
            user = learner(partnership, agency, "Health visitor")
            enrolment = enrol(user, module, at(2025, 2), completed=at(2025, 3 + i % 2))
            questionnaire(enrolment, QuestionnaireStage.BASELINE, 40 + 5 * i + offset, 2)
            questionnaire(enrolment, QuestionnaireStage.POST, 65 + 3 * i + offset, 3 + i % 3)
            survey.respond(
                user, module, "baseline", {"used-chronology": 1 + i % 2}, when=at(2025, 2)
            )
            if i < people - 1:
                survey.respond(user, module, "three_months", {"used-chronology": 3 + i % 3},
                               when=at(2025, 6), text=f"I now ask about meals ({agency} {i}).")  # fmt: skip
            invite(user, module, "three_months", "responded" if i < people - 1 else "expired")
            rating = "child_focused" if i % 3 else "optimistic"
            ending = "protected_in_time" if i % 3 else "protected_late"
            attempt(user, scenario, rating, 2 + i, ending, at(2025, 3))

    cohort(Agency.HEALTH, course, 9, 0)
    cohort(Agency.POLICE, course, 7, 10)
    cohort(Agency.HEALTH, second_course, 6, 20)
    indicator = partnership.outcome_indicators.get(slug="neglect-re-referrals")
    for month, value in ((1, 58), (4, 61.5), (7, 49)):
        indicator.values.create(quarter_start=at(2025, month).date(), value=value)
    from evaluations.models import SurveyAnswer

    for answer in SurveyAnswer.objects.exclude(text_value=""):
        ApprovedComment.objects.create(
            answer=answer, partnership=partnership, approved_by=trainer, approved_at=at(2025, 7)
        )


def test_the_csv_and_pdf_of_a_filtered_page_hold_its_figures_and_filters(
    client, board_member, course, report_world, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    response = client.get(reverse("reports_home"), {"module": course.pk, "agency": "health"})
    page = ReportPage()
    page.feed(response.content.decode())
    applied = dict(zip(page.applied[::2], page.applied[1::2], strict=True))
    assert applied["Module"] == course.title and applied["Agency"] == "Health"
    html = response.content.decode()
    learning = html[html.index('<section id="learning"') : html.index('<section id="practice"')]
    assert "All modules" not in learning and course.title in learning
    shown = {key: _figures(texts) for key, texts in page.figures.items()}
    # The test means something only if the page shows real figures in every section.
    for key, figures in shown.items():
        assert sum(n for f, n in figures.items() if f != "fewer than 5") >= 3, key

    # The CSV the page links to.
    csv = client.get(page.csv_url.replace("&amp;", "&")).content
    assert filter_rows(csv) == applied
    rows = figure_rows(csv)
    assert {(r["module_filter"], r["agency_filter"]) for r in rows} == {(course.title, "Health")}
    for key, (csv_section, _heading) in SECTIONS.items():
        in_csv = Counter(r["shown_as"] for r in rows if r["section"] == csv_section)
        missing = shown[key] - in_csv
        assert not missing, f"{key}: on the page but not in the CSV: {dict(missing)}"

    # The PDF the page's form asks for, built in the background.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page.export_action.replace("&amp;", "&"), {"export_format": "pdf"})
    export = ReportExport.objects.get()
    assert export.status == ExportStatus.READY
    export_page = client.get(reverse("reports_export", args=[export.pk])).content.decode()
    assert f"<dt>Module</dt><dd>{course.title}</dd>" in export_page
    assert "<dt>Agency</dt><dd>Health</dd>" in export_page
    download = client.get(reverse("reports_export_download", args=[export.pk]))
    text = " ".join(pdf_checks.text(b"".join(download.streaming_content)).split())
    cover = text[: text.index("At a glance")]
    for label, value in applied.items():
        assert f"{label} {value}" in cover
    # The sections follow page 1's headline, whose last point is the change over time.
    sections_start = text.index("Change since the previous period")
    headings = [heading for _, heading in SECTIONS.values()]
    starts = [text.index(heading, sections_start) for heading in headings]
    for (key, _), start, end in zip(
        SECTIONS.items(), starts, [*starts[1:], len(text)], strict=True
    ):
        part = text[start:end]
        missing = {f: n for f, n in shown[key].items() if _occurrences(part, f) < n}
        assert not missing, f"{key}: on the page but not in the PDF: {missing}"
