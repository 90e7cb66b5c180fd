"""Building requested exports outside the web request, with progress on the row."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from evaluations.reports.exports import report_csv
from evaluations.reports.filters import filters_from_query
from evaluations.reports.models import ExportFormat, ExportStatus, ReportExport
from evaluations.reports.pdf import report_pdf
from evaluations.reports.report import build_report

logger = logging.getLogger(__name__)


def request_export(user, partnership, export_format: str, filters) -> ReportExport:
    """Record the request and queue the work once the row is committed."""
    from evaluations.reports.tasks import build_report_export

    export = ReportExport.objects.create(
        requested_by=user,
        partnership=partnership,
        export_format=export_format,
        filters=filters.as_query(),
    )
    transaction.on_commit(lambda: build_report_export.delay(str(export.pk)))
    return export


def _update(export_id, **fields) -> None:
    ReportExport.objects.filter(pk=export_id).update(**fields)


def run_export(export_id: str) -> str:
    export = ReportExport.objects.select_related("partnership").filter(pk=export_id).first()
    if export is None or export.status == ExportStatus.READY:
        return "skipped"
    _update(export_id, status=ExportStatus.RUNNING, progress=5, step="Adding up the figures")
    try:
        filters = filters_from_query(export.filters, export.partnership)
        report = build_report(filters)
        _update(export_id, progress=15, step="Writing the file")
        if export.export_format == ExportFormat.CSV:
            content = report_csv(report).encode("utf-8")
        else:
            content = report_pdf(
                report,
                progress=lambda percent, step: _update(export_id, progress=percent, step=step),
            )
        export.refresh_from_db()
        with transaction.atomic():
            export.file.save(export.filename, ContentFile(content), save=False)
            export.status = ExportStatus.READY
            export.progress = 100
            export.step = "Done"
            export.finished_at = timezone.now()
            export.save(update_fields=["file", "status", "progress", "step", "finished_at"])
    except Exception:
        logger.exception("Report export %s failed", export_id)
        _update(
            export_id,
            status=ExportStatus.FAILED,
            step="",
            error="Something went wrong building the file. Please ask for it again.",
            finished_at=timezone.now(),
        )
        return "failed"
    return "ready"
