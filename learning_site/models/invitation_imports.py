import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

# An import that has not moved on for this long has lost its worker (or never reached
# one); its rows may be claimed again and its author may try again.
STALE_AFTER = datetime.timedelta(minutes=15)


class ImportStatus(models.TextChoices):
    CHECKED = "checked", "Checked, not imported"
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Sending invitations"
    DONE = "done", "Finished"
    FAILED = "failed", "Stopped"


class RowStatus(models.TextChoices):
    READY = "ready", "Ready to invite"
    SKIPPED = "skipped", "Not invited"
    ERROR = "error", "Problem"
    SENDING = "sending", "Sending"
    INVITED = "invited", "Invited"
    FAILED = "failed", "Not sent"


class InvitationImport(models.Model):
    """A spreadsheet of learners to invite to one partnership: checked row by row when it
    is uploaded, and imported (invitations made and emailed by a Celery task) only when
    its author says so. The row is the progress record, like a board pack's export."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partnership = models.ForeignKey(
        "learning_site.Partnership", on_delete=models.CASCADE, related_name="invitation_imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation_imports",
    )
    filename = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.CHECKED
    )
    import_all = models.BooleanField(
        default=False, help_text="True when the file was clean and every row was imported."
    )
    notes = models.JSONField(
        default=list, blank=True, help_text="What the check said about the file as a whole."
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_with_errors = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    rows_to_invite = models.PositiveIntegerField(default=0)
    invited = models.PositiveIntegerField(default=0, help_text="Invitations sent so far.")
    not_sent = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(
        null=True, blank=True, help_text="When the import last moved on (queued, a batch sent)."
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "invitation import"

    def __str__(self) -> str:
        return f"{self.filename or 'Spreadsheet'} ({self.get_status_display()})"

    @property
    def is_clean(self) -> bool:
        return self.rows_with_errors == 0

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)

    @property
    def is_stalled(self) -> bool:
        """Waiting or sending, but nothing has happened for ``STALE_AFTER``."""
        return (
            self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
            and self.updated_at is not None
            and self.updated_at < timezone.now() - STALE_AFTER
        )

    @property
    def progress(self) -> int:
        """Per cent of the rows to invite that have been dealt with."""
        if not self.rows_to_invite:
            return 100 if self.is_finished else 0
        done = min(self.invited + self.not_sent, self.rows_to_invite)
        return int(100 * done / self.rows_to_invite)


class InvitationImportRow(models.Model):
    """One person from the file, with what the check found and what became of them."""

    invitation_import = models.ForeignKey(
        InvitationImport, on_delete=models.CASCADE, related_name="rows"
    )
    number = models.PositiveIntegerField(
        help_text="The row in the spreadsheet (row 1 names the columns)."
    )
    email = models.CharField(max_length=254, blank=True)
    full_name = models.CharField(max_length=150, blank=True)
    agency = models.CharField(max_length=40, blank=True, help_text="The agency's code.")
    agency_given = models.CharField(max_length=200, blank=True, help_text="As it was in the file.")
    job_role = models.CharField(max_length=150, blank=True)
    status = models.CharField(max_length=10, choices=RowStatus.choices)
    message = models.CharField(max_length=500, blank=True)
    invitation = models.ForeignKey(
        "learning_site.Invitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Whoever is sending this row (one run of the task) and since when: a second run
    # leaves it alone unless the claim is stale (its worker died).
    claim = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        indexes = [models.Index(fields=["invitation_import", "status"])]

    def __str__(self) -> str:
        return f"Row {self.number}: {self.email}"

    @property
    def is_problem(self) -> bool:
        return self.status in (RowStatus.ERROR, RowStatus.FAILED)
