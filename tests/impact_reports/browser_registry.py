"""Report pages in the browser tests: axe-core on each page type (charts, tables, the
filter form with its errors, indicator editing, comment approval, an export)."""

from __future__ import annotations

from tests.e2e.registry import PageType, Visit


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
