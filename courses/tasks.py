from celery import shared_task


@shared_task
def store_certificate_pdf(certificate_id: int) -> str:
    """Draw a new certificate's PDF and keep it, so the learner's first download does not
    wait for it. Safe to run twice: a stored PDF is left alone."""
    from courses.certificate_files import stored_certificate

    return stored_certificate(certificate_id).file.name
