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
    # Every kind of agency (other journeys, such as the bulk invite, use several), with
    # workforce sizes for two, so the headline measures them against the reach target.
    from learning_site.models import Agency, PartnershipAgency

    workforce = {"health": 40, "police": 20}
    for kind in Agency.values:
        PartnershipAgency.objects.get_or_create(
            partnership=world.partnership, kind=kind, defaults={"workforce": workforce.get(kind)}
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


def board_member_reads_the_headline_first(page, world) -> None:
    """'At a glance' comes before everything else: each agency against its workforce and
    the partnership's target, and the change since the previous period."""
    from playwright.sync_api import expect

    page.goto(world.url("/reports/"))
    glance = page.locator("#headline")
    expect(glance.get_by_role("heading", name="At a glance")).to_be_visible()
    # The first section on the page after the filters applied.
    assert page.locator("main section.report-section").first.get_attribute("id") == "headline"
    reach = glance.locator("[data-point=reach]")
    expect(reach).to_contain_text("Reach against the target")
    target = world.partnership.reach_target
    # Three health learners and four police officers completed: too few to show, so
    # each agency's share of its workforce is hidden with its count.
    expect(reach).to_contain_text("of 40 staff have completed a module is not shown")
    expect(reach).to_contain_text(f"(target {target}%)")
    expect(glance.locator("[data-point=change]")).to_contain_text(
        "Change since the previous period"
    )


def board_member_filters_the_report_and_downloads_the_board_pack(page, world) -> None:
    """Filter to one module and one agency, read every section with honest n, download
    the CSV, then have the PDF board pack prepared and download it."""
    import re

    from playwright.sync_api import expect

    from courses.models import CoursePage
    from tests import pdf_checks
    from tests.e2e.browser import submit
    from tests.impact_reports.csv_rows import figure_rows, filter_rows

    course = CoursePage.objects.get(slug="report-browser-module")
    page.goto(world.url("/reports/"))
    page.locator("#id_module").select_option(str(course.pk))
    page.locator("#id_agency").select_option("health")
    submit(page, "main form[method=get] button[type=submit]")
    applied = page.locator("dl.report-applied")
    expect(applied).to_contain_text(course.title)
    expect(applied).to_contain_text("Health")
    for heading in (
        "Reach",
        "Learning: before and after the module",
        "Practice change at 3 and 12 months",
        "Scenario decisions",
        "Local outcome indicators: context, not caused by training",
    ):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    # Three health learners took the module: too few to show, so the count is hidden.
    expect(page.locator("#reach")).to_contain_text(re.compile("fewer than 5", re.I))

    with page.expect_download() as info:
        page.get_by_role("link", name="Download figures as CSV").click()
    with open(info.value.path(), "rb") as handle:
        content = handle.read()
    assert filter_rows(content)["Module"] == course.title
    assert filter_rows(content)["Agency"] == "Health"
    rows = figure_rows(content)
    overall = next(
        r for r in rows if r["measure"] == "learners reached" and r["breakdown"] == "overall"
    )
    assert (overall["module_filter"], overall["agency_filter"]) == (course.title, "Health")
    assert (overall["value"], overall["suppressed"]) == ("", "yes")

    page.locator("#id_export_format").select_option("pdf")
    submit(page, "form.report-export-form button[type=submit]")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your report download")
    for _ in range(20):  # prepared by Celery; the page says to check again
        if page.get_by_role("link", name=re.compile("^Download ")).count():
            break
        page.wait_for_timeout(500)
        page.reload()
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("^Download ")).click()
    assert info.value.suggested_filename.endswith(".pdf")
    with open(info.value.path(), "rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF-")
    # The board pack prints the filters it was made with, as the CSV did.
    cover = " ".join(pdf_checks.text(pdf).split())
    assert f"Module {course.title}" in cover and "Agency Health" in cover
    # Page 1 holds the headline, before the sections.
    assert cover.index("At a glance") < cover.index("Change since the previous period")


BOARD_JOURNEY = [
    JourneyStep("read the headline first", board_member_reads_the_headline_first),
    JourneyStep(
        "see a follow-up answer suppressed, then counted",
        board_member_sees_a_follow_up_answer_suppressed_then_counted,
    ),
    JourneyStep(
        "filter to one module and agency, download the CSV and the PDF board pack",
        board_member_filters_the_report_and_downloads_the_board_pack,
    ),
]
