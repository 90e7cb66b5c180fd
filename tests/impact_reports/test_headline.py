"""The report's "At a glance" headline, against figures worked out by hand, on the page
and on page 1 of the PDF."""

import dataclasses
import datetime
import io

import pypdf
import pytest
from django.urls import reverse

from evaluations.models import WaveKind
from evaluations.reports.filters import ReportFilters
from evaluations.reports.headline import build_headline
from evaluations.reports.pdf import report_pdf
from evaluations.reports.report import build_report
from learning_site.models import Agency, PartnershipAgency
from tests.impact_reports.factories import at, enrol, learner, questionnaire

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 1)  # the last 12 months: 2 March 2025 to 1 March 2026


def cohort(partnership, course, agency, enrolled, *, people, completed):
    for i in range(people):
        done = at(enrolled.year, enrolled.month + 1) if i < completed else None
        enrol(learner(partnership, agency), course, enrolled, completed=done)


@pytest.fixture
def world(partnership, other_partnership, course):
    """Social care: 20 enrolled May 2025 (12 completed) and 12 in June 2024 (7 completed);
    health: 11 in May 2025 (6); police: 10 in May 2025 (5), no workforce size set."""
    partnership.reach_target = 50
    partnership.save()
    PartnershipAgency.objects.create(
        partnership=partnership, kind=Agency.CHILDRENS_SOCIAL_CARE, workforce=50
    )
    PartnershipAgency.objects.create(
        partnership=partnership, kind=Agency.HEALTH, name="Northshire NHS Trust", workforce=10
    )
    PartnershipAgency.objects.create(partnership=partnership, kind=Agency.POLICE)
    may_2025, june_2024 = at(2025, 5), at(2024, 6)
    cohort(partnership, course, Agency.CHILDRENS_SOCIAL_CARE, may_2025, people=20, completed=12)
    cohort(partnership, course, Agency.CHILDRENS_SOCIAL_CARE, june_2024, people=12, completed=7)
    cohort(partnership, course, Agency.HEALTH, may_2025, people=11, completed=6)
    cohort(partnership, course, Agency.POLICE, may_2025, people=10, completed=5)
    # Another partnership's people never count.
    cohort(other_partnership, course, Agency.HEALTH, may_2025, people=9, completed=9)
    return partnership


def headline(filters):
    return build_headline(build_report(filters), today=TODAY)


def test_each_agency_is_measured_against_its_workforce_and_the_target(world):
    point = headline(ReportFilters(world)).point("reach")
    assert point.sentences == [
        # 19 of 50 = 38%
        "Children's social care: 19 of 50 staff (38%) have completed a module; below the "
        "target of 50%.",
        # 6 of 10 = 60%
        "Northshire NHS Trust: 6 of 10 staff (60%) have completed a module; meets the "
        "target of 50%.",
        "No workforce size is set for Police, so their reach cannot be compared with the "
        "target. A partnership administrator can set it.",
    ]


def test_completion_and_the_weakest_agency(world):
    result = headline(ReportFilters(world))
    # 30 of 53 people completed; 30 of 53 enrolments = 56.6%
    assert result.point("completion").sentences == [
        "30 of 53 people who started a module completed one; 57% of enrolments were completed."
    ]
    assert result.point("weakest").sentences == [
        "Children's social care: 38% of 50 staff have completed a module, against a target of 50%."
    ]


def test_change_since_the_previous_period_of_the_same_length(world):
    # No period chosen: the last 12 months against the 12 before them. Enrolled in
    # May 2025: 20 + 11 + 10 = 41 people, 23 completed; in June 2024: 12, 7 completed.
    result = headline(ReportFilters(world))
    assert result.point("change").sentences == [
        "23 people completed a module from 2 March 2025 to 1 March 2026, against 7 from "
        "2 March 2024 to 1 March 2025 (up 16)."
    ]
    # A chosen period is compared with the one of the same length just before it.
    chosen = dataclasses.replace(
        ReportFilters(world),
        date_from=datetime.date(2024, 5, 1),
        date_to=datetime.date(2024, 12, 31),
    )
    sentence = headline(chosen).point("change").sentences[0]
    assert sentence.startswith("7 people completed a module from 1 May 2024 to 31 December 2024")
    assert "against 0 from 30 August 2023 to 30 April 2024 (up 7)" in sentence


def test_a_small_agency_share_is_hidden_with_its_count(world, course):
    # Filtered to one agency and period, health's 6 completers are still shown…
    health = dataclasses.replace(ReportFilters(world), agency=Agency.HEALTH)
    assert headline(health).point("reach").sentences == [
        "Northshire NHS Trust: 6 of 10 staff (60%) have completed a module; meets the "
        "target of 50%."
    ]
    # …but three completers would be hidden, and so is the share made from them.
    world.agencies.filter(kind=Agency.HEALTH).delete()
    PartnershipAgency.objects.create(partnership=world, kind=Agency.EARLY_YEARS, workforce=8)
    cohort(world, course, Agency.EARLY_YEARS, at(2025, 5), people=8, completed=3)
    sentences = headline(ReportFilters(world)).point("reach").sentences
    early_years = next(s for s in sentences if s.startswith("Early years"))
    assert early_years == (
        "Early years: how many of 8 staff have completed a module is not shown, as fewer "
        "than 5 people (target 50%)."
    )
    assert "38%" not in early_years and "3 of" not in early_years


def test_learning_gain_without_pairs_says_so(world):
    sentences = headline(ReportFilters(world)).point("learning").sentences
    assert sentences[0] == (
        "Knowledge scores: not shown: fewer than 5 people answered before and after."
    )


def test_learning_gain_reads_knowledge_scores_as_percentages(world, course):
    # Knowledge before and after (per cent correct), as worked by hand in test_services:
    # means 50.0 and 73.3, change +23.3, 95% interval +9.0 to +37.7.
    for before, after in ((40, 70), (50, 80), (60, 60), (50, 90), (40, 60), (60, 80)):
        enrolment = enrol(learner(world), course, at(2025, 5), completed=at(2025, 6))
        questionnaire(enrolment, WaveKind.BASELINE, before, 3.0)
        questionnaire(enrolment, WaveKind.POST, after, 3.0)
    sentences = headline(ReportFilters(world)).point("learning").sentences
    assert sentences[0] == (
        "Knowledge scores rose from 50.0% to 73.3% (change +23.3 percentage points, 95% "
        "confidence interval +9.0 to +37.7) for 6 people who answered before and after."
    )
    assert sentences[1].startswith("Confidence (1 to 5) stayed from 3.0 to 3.0 (change +0.0 ")


def test_the_page_opens_with_the_headline(client, world, board_member):
    client.force_login(board_member)
    html = client.get(reverse("reports_home")).content.decode()
    glance = html.index('id="headline-heading"')
    assert glance < html.index('id="filters-heading"') < html.index('id="reach"')
    section = html[glance : html.index("</section>", glance)]
    assert "Reach against the target" in section
    assert "Northshire NHS Trust: 6 of 10 staff (60%) have completed a module" in section
    assert "Change since the previous period" in section


def test_page_one_of_the_pdf_is_the_headline(world):
    report = build_report(ReportFilters(world))
    pdf = pypdf.PdfReader(io.BytesIO(report_pdf(report)))
    first_page = " ".join(pdf.pages[0].extract_text().split())
    assert "At a glance" in first_page
    for point in report.headline.points:
        assert point.title in first_page
    assert "Children's social care: 19 of 50 staff (38%) have completed a module" in first_page
