"""Certificate PDFs kept as files: drawn once, then sent from private storage.

A certificate is a record of what was issued, so its PDF is drawn once and kept (in a
shared bucket when there is one, so any web process can send what a worker drew)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from courses import pdf
from courses.models import Certificate


def stored_certificate(certificate_id: int) -> Certificate:
    """The certificate with its PDF in private storage, drawing it if it is not there
    (not drawn yet, or lost when the storage was moved). Safe to run twice or at once in
    two processes: the row is locked while the PDF is drawn, so one file is kept."""
    certificate = Certificate.objects.select_related("completion").get(pk=certificate_id)
    if _is_stored(certificate):
        return certificate
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update()
            .select_related("completion")
            .get(pk=certificate_id)
        )
        if not _is_stored(certificate):
            certificate.file.save(
                certificate.filename, ContentFile(pdf.certificate_pdf(certificate)), save=False
            )
            certificate.save(update_fields=["file"])
    return certificate


def _is_stored(certificate: Certificate) -> bool:
    return bool(certificate.file) and certificate.file.storage.exists(certificate.file.name)
