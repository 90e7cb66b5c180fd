from celery import shared_task

from evaluations.reports.exporting import run_export


@shared_task
def build_report_export(export_id: str) -> str:
    """Build one requested export; the row records progress. Safe to run twice: a
    finished export is left alone."""
    return run_export(export_id)


@shared_task
def refresh_partnership_reports() -> int:
    """Beat: queue the whole report of every active partnership to be added up ahead of
    time. Returns how many were queued."""
    from learning_site.models import Partnership

    ids = list(Partnership.objects.filter(is_active=True).values_list("pk", flat=True))
    for partnership_id in ids:
        warm_partnership_report.delay(partnership_id)
    return len(ids)


@shared_task
def warm_partnership_report(partnership_id: int) -> bool:
    """Add up one partnership's whole report and keep it ready. Safe to run twice."""
    from evaluations.reports.report import warm_report
    from learning_site.models import Partnership

    partnership = Partnership.objects.filter(pk=partnership_id, is_active=True).first()
    if partnership is None:
        return False
    return warm_report(partnership) is not None


@shared_task
def rebuild_people() -> None:
    """Remake every person's combined report rows (after a measure was edited)."""
    from evaluations.reports.summary import rebuild_people_rows

    rebuild_people_rows()
