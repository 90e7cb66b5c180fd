"""The report runs the same number of queries however much data there is."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.models import WaveKind as QuestionnaireStage
from evaluations.reports.exports import report_csv
from evaluations.reports.filters import ReportFilters
from evaluations.reports.models import ApprovedComment, IndicatorValue
from evaluations.reports.report import build_report
from learning_site.models import Agency
from tests.impact_reports.evaluation_rows import Survey, invite
from tests.impact_reports.factories import at, enrol, learner, questionnaire
from tests.impact_reports.test_scenarios import attempt
from tests.scenarios.factories import make_scenario

pytestmark = pytest.mark.django_db

AGENCIES = [Agency.HEALTH, Agency.POLICE, Agency.EDUCATION, Agency.HOUSING]
ROLES = ["Health visitor", "PC", "Teacher", "Housing officer", "Nurse", "GP", "SENCO", "Midwife", "Youth worker", "Paramedic"]  # fmt: skip


@pytest.fixture
def survey(db):
    return Survey("used-chronology", "applied-learning")


@pytest.fixture
def scenario(home_page):
    return make_scenario(home_page)


def add_activity(partnership, course, count, offset=0, survey=None, scenario=None):
    """Enrolments, completions, questionnaires, follow-up answers, invitations, approved
    comments and scenario attempts: every table a report section reads."""
    for i in range(offset, offset + count):
        user = learner(partnership, AGENCIES[i % len(AGENCIES)], ROLES[i % len(ROLES)])
        e = enrol(
            user, course, at(2022 + i % 4, 1 + i % 12), completed=at(2023 + i % 3, 1 + i % 12)
        )
        questionnaire(e, QuestionnaireStage.BASELINE, 40 + i % 30, 2.0)
        questionnaire(e, QuestionnaireStage.POST, 60 + i % 40, 3.5)
        if survey is not None:
            key = uuid.uuid4()
            survey.respond(user, course, "baseline", {"used-chronology": 1 + i % 3}, key=key)
            r = survey.respond(
                user, course, "three_months",
                {"used-chronology": 2 + i % 4, "applied-learning": 1 + i % 5}, key=key,
                text=f"Comment {i}",
            )  # fmt: skip
            invite(user, course, "three_months", "responded")
            ApprovedComment.objects.create(
                answer=r.answers.exclude(text_value="").get(), partnership=partnership
            )
        if scenario is not None:
            attempt(user, scenario, "child_focused" if i % 2 else "optimistic", i % 9,
                    "protected_in_time", at(2024, 1 + i % 12))  # fmt: skip
    indicator = partnership.outcome_indicators.first()
    for q in range(offset // 3, offset // 3 + count // 3):
        IndicatorValue.objects.get_or_create(
            indicator=indicator,
            quarter_start=datetime.date(2015 + q // 4, 1 + 3 * (q % 4), 1),
            defaults={"value": q},
        )


def count_queries(func):
    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


def test_report_and_csv_query_count_do_not_grow_with_data(
    partnership, course, second_course, survey, scenario
):
    filters = ReportFilters(partnership)
    add_activity(partnership, course, 3, survey=survey, scenario=scenario)
    small = count_queries(lambda: report_csv(build_report(filters)))
    add_activity(partnership, course, 40, offset=3, survey=survey, scenario=scenario)
    add_activity(partnership, second_course, 20, offset=43, survey=survey, scenario=scenario)
    large = count_queries(lambda: report_csv(build_report(filters)))
    assert small == large
    assert large <= 25


def test_report_page_query_count_does_not_grow_with_data(
    client, board_member, partnership, course, survey, scenario, settings
):
    settings.REPORT_CACHE_SECONDS = 0  # count the queries of adding up, not a cache hit
    client.force_login(board_member)
    url = reverse("reports_home") + f"?module={course.pk}&agency=health"
    add_activity(partnership, course, 4, survey=survey, scenario=scenario)
    client.get(url)  # warm caches (site root, content types)
    small = count_queries(lambda: client.get(url))
    add_activity(partnership, course, 40, offset=4, survey=survey, scenario=scenario)
    large = count_queries(lambda: client.get(url))
    assert small == large


def test_a_cached_report_is_served_without_adding_up_again(
    client, board_member, partnership, course, settings
):
    settings.REPORT_CACHE_SECONDS = 600
    client.force_login(board_member)
    add_activity(partnership, course, 6)
    client.get(reverse("reports_home"))
    cold = count_queries(lambda: client.get(reverse("reports_home")))
    settings.REPORT_CACHE_SECONDS = 0
    fresh = count_queries(lambda: client.get(reverse("reports_home")))
    assert cold < fresh - 10


def test_editing_an_indicator_shows_at_once_despite_the_cache(
    client, administrator, board_member, partnership, settings
):
    settings.REPORT_CACHE_SECONDS = 600
    client.force_login(board_member)
    assert "123456" not in client.get(reverse("reports_home")).content.decode()
    indicator = partnership.outcome_indicators.first()
    IndicatorValue.objects.create(
        indicator=indicator, quarter_start=datetime.date(2025, 1, 1), value=123456
    )
    assert "123456" in client.get(reverse("reports_home")).content.decode()
