from celery import shared_task

from evaluations.reports.exporting import run_export


@shared_task
def build_report_export(export_id: str) -> str:
    """Build one requested export; the row records progress. Safe to run twice: a
    finished export is left alone."""
    return run_export(export_id)
