"""The follow-up waves, their months and labels are declared once
(``evaluations.models.instruments``): a new wave is a change there plus a migration."""

import re
import uuid
from pathlib import Path

import pytest

from evaluations.models import WaveKind, instruments

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["courses", "evaluations", "learning_site", "research_digest", "scenarios", "templates"]
# A wave's stored value, or the months in words, written anywhere but the declaration.
LITERAL = re.compile(r"""["'](three|twelve)_months["']|\b3 and 12\b|\b3/12\b""")


def lines_matching(pattern: re.Pattern, tops: list[str]) -> list[str]:
    """Every source line under ``tops`` that ``pattern`` finds, but in the declaration
    itself (and the template tags that read it) and in migrations."""
    found = []
    for top in tops:
        for path in (ROOT / top).rglob("*"):
            if path.suffix not in {".py", ".html", ".txt"} or "migrations" in path.parts:
                continue
            if path == Path(instruments.__file__) or path.name == "waves.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_no_wave_is_written_out_anywhere_else():
    assert lines_matching(LITERAL, SOURCES) == []


def test_a_new_follow_up_wave_reaches_labels_and_sentences(monkeypatch):
    six = "six_months"
    monkeypatch.setitem(instruments.FOLLOW_UP_MONTHS, six, 6)
    monkeypatch.setitem(instruments.WAVE_SHORT_LABELS, six, "6 months after")
    assert instruments.follow_up_months_text() == "3, 12 and 6"
    assert instruments.wave_months(six) == 6
    assert instruments.wave_label(six) == "6 months after"


def test_labels_and_months_of_todays_waves():
    assert instruments.follow_up_months_text() == "3 and 12"
    assert [instruments.wave_label(w) for w in WaveKind.values] == [
        "Before the module",
        "End of the module",
        "3 months after",
        "12 months after",
    ]
    assert instruments.wave_months(WaveKind.POST) is None


# The board report reads the waves from the declaration as well: it writes no month
# counts and keeps no wave table of its own (practice and comments once re-declared them).
REPORT_SOURCES = ["evaluations/reports", "templates/impact_reports"]
REPORT_LITERAL = re.compile(
    r"\b\d+[- ]months?\b|\b(THREE|TWELVE)_MONTHS\b"
    r"|\b(WAVE_LABELS|WAVE_SHORT_LABELS|LATER_WAVES|FOLLOW_UP_WAVES|FOLLOW_UP_MONTHS)\s*="
)


def test_the_report_writes_no_wave_of_its_own():
    assert lines_matching(REPORT_LITERAL, REPORT_SOURCES) == []


@pytest.mark.django_db
def test_a_relabelled_wave_reaches_the_page_the_csv_the_pdf_and_the_headline(
    monkeypatch, client, board_member, home_page
):
    """Changing a follow-up wave's months and label in the declaration alone changes every
    part of the board report that names it."""
    from django.urls import reverse

    from evaluations.reports.exports import report_csv
    from evaluations.reports.filters import ReportFilters
    from evaluations.reports.pdf import report_pdf
    from evaluations.reports.report import build_report
    from tests import pdf_checks
    from tests.courses.conftest import build_course
    from tests.impact_reports.evaluation_rows import Survey, invite
    from tests.impact_reports.factories import learner

    course = build_course(home_page)[0]
    survey = Survey("used-chronology")
    person = learner(board_member.partnership)
    key = uuid.uuid4()  # one respondent across the waves, so the answers pair
    survey.respond(person, course, WaveKind.BASELINE, {"used-chronology": 2}, key=key)
    survey.respond(person, course, WaveKind.THREE_MONTHS, {"used-chronology": 4}, key=key)
    invite(person, course, WaveKind.THREE_MONTHS, "responded")

    monkeypatch.setitem(instruments.FOLLOW_UP_MONTHS, WaveKind.THREE_MONTHS, 4)
    monkeypatch.setitem(instruments.WAVE_SHORT_LABELS, WaveKind.THREE_MONTHS, "Four months on")

    client.force_login(board_member)
    html = client.get(reverse("reports_home")).content.decode()
    assert "Practice change at 4 and 12 months" in html
    assert '<th scope="row">Four months on</th>' in html  # response rates
    assert "four months on" in html  # the practice chart's description
    csv = client.get(reverse("reports_csv")).content.decode()
    assert "practice change,response rate,wave,Four months on," in csv
    report = build_report(ReportFilters(board_member.partnership))
    assert report_csv(report) == csv
    assert report.headline.point("practice").sentences[1].startswith("Four months on: ")
    flat = " ".join(pdf_checks.text(report_pdf(report)).split())
    assert "Practice change at 4 and 12 months" in flat
    assert "Four months on" in flat
    assert "3 months" not in html + csv + flat
