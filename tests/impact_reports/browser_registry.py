"""Report pages in the browser tests: axe-core on each page type (charts, tables, the
filter form with its errors, indicator editing, comment approval, an export)."""

from __future__ import annotations

from tests.e2e.registry import JourneyStep, PageType, Visit


def build_world(world) -> None:
    import datetime

    from evaluations.reports.models import ExportStatus, IndicatorValue, ReportExport
    from tests.courses.conftest import build_course
    from tests.impact_reports.factories import at, enrol, learner

    course = build_course(world.home_page, slug="report-browser-module")[0]
    for i in range(7):
        enrol(
            learner(world.partnership, "health" if i % 2 else "police"),
            course,
            completed=at(2025, 6),
        )
    indicator = world.partnership.outcome_indicators.get(slug="looked-after-children")
    for month, value in ((1, 210), (4, 205), (7, 199)):
        IndicatorValue.objects.get_or_create(
            indicator=indicator,
            quarter_start=datetime.date(2025, month, 1),
            defaults={"value": value},
        )
    world.objects["report_indicator"] = indicator
    world.objects["report_export"] = ReportExport.objects.create(
        requested_by=world.board_member, partnership=world.partnership, export_format="pdf",
        status=ExportStatus.RUNNING, progress=40, step="Reach",
    )  # fmt: skip


PAGES = [
    PageType("training-impact report", lambda w: Visit("/reports/", "board_member")),
    PageType(
        "training-impact report with a filter error",
        lambda w: Visit("/reports/?date_from=2025-06-01&date_to=2025-01-01", "board_member"),
    ),
    PageType(
        "report export in progress",
        lambda w: Visit(f"/reports/exports/{w.report_export.pk}/", "board_member"),
    ),
    PageType("local outcome indicators", lambda w: Visit("/reports/indicators/", "administrator")),
    PageType(
        "local outcome indicator",
        lambda w: Visit(f"/reports/indicators/{w.report_indicator.pk}/", "administrator"),
    ),
    PageType(
        "comments for the board report", lambda w: Visit("/reports/comments/?show=all", "trainer")
    ),
]


def board_member_sees_a_follow_up_answer_suppressed_then_counted(page, world) -> None:
    """One learner's 3-month answer shows as 'fewer than 5'; once five have answered, the
    report counts them. Never a name."""
    import re

    from django.core.cache import cache
    from django.utils import timezone
    from playwright.sync_api import expect

    from courses.models import CoursePage
    from tests.impact_reports.evaluation_rows import Survey
    from tests.impact_reports.factories import learner

    course = CoursePage.objects.get(slug="report-browser-module")
    survey = Survey("used-chronology")
    people = [world.learner] + [learner(world.partnership) for _ in range(4)]
    survey.respond(people[0], course, "three_months", {"used-chronology": 4}, when=timezone.now())
    cache.clear()
    page.goto(world.url("/reports/"))
    answered = page.get_by_role("region", name="Table: people who answered each survey")
    # Columns: before, end of module, 3 months, 12 months.
    expect(answered.locator("td").nth(2)).to_contain_text(re.compile("fewer than 5", re.I))
    for person in people[1:]:
        survey.respond(person, course, "three_months", {"used-chronology": 3}, when=timezone.now())
    cache.clear()
    page.reload()
    expect(answered.locator("td").nth(2)).to_have_text("5")
    expect(page.locator("main")).not_to_contain_text(world.learner.full_name)


BOARD_JOURNEY = [
    JourneyStep(
        "see a follow-up answer suppressed, then counted",
        board_member_sees_a_follow_up_answer_suppressed_then_counted,
    ),
]
