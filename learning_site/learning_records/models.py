"""A partnership's learning record store, learners' opaque xAPI names, and the outbox."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from learning_site.learning_records.admin_forms import LearningRecordStoreForm


class LearningRecordStore(models.Model):
    """Where a partnership's xAPI statements go. Statements are written to the outbox
    only while ``is_enabled`` is on; switching it on does not send what happened before."""

    partnership = models.OneToOneField(
        "learning_site.Partnership",
        on_delete=models.CASCADE,
        related_name="learning_record_store",
        help_text="Statements about this partnership's learners go to this store.",
    )
    is_enabled = models.BooleanField(
        "Send statements",
        default=True,
        help_text=(
            "While on, what learners do from now on is sent to the store. Switching it "
            "off stops new statements; those already waiting are still sent."
        ),
    )
    endpoint = models.URLField(
        "xAPI endpoint",
        max_length=500,
        help_text=(
            "The address of the store's xAPI, ending before 'statements', for example "
            "https://lrs.eastborough.gov.uk/xAPI/. Your LMS supplier can tell you it."
        ),
    )
    username = models.CharField(
        "Key or username",
        max_length=200,
        help_text="The key (username) the store gave you for this platform.",
    )
    secret = models.CharField(
        "Secret or password",
        max_length=500,
        help_text="The secret that goes with the key. It is never shown again once saved.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = LearningRecordStoreForm
    panels = [
        FieldPanel("partnership"),
        FieldPanel("is_enabled"),
        FieldPanel("endpoint"),
        FieldPanel("username"),
        FieldPanel("secret"),
    ]

    class Meta:
        verbose_name = "learning record store"

    def __str__(self) -> str:
        return f"Learning record store for {self.partnership}"

    @property
    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"


class LearnerPseudonym(models.Model):
    """The name a learner goes by in xAPI statements: random, so a store (and anyone it
    shares data with) cannot read an email address or guess an account from it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_pseudonym"
    )
    name = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    def __str__(self) -> str:
        return str(self.name)


class OutboxState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Stored by the learning record store"


class StatementQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)

    def due(self, now: datetime.datetime):
        """Waiting, its next try has come, and nobody holds a current lease on it. The
        lease is compared with the real clock (see ``sending``)."""
        return self.filter(state=OutboxState.PENDING, next_try_at__lte=now).filter(
            Q(leased_until__isnull=True) | Q(leased_until__lt=timezone.now())
        )


class OutboxStatement(models.Model):
    """One xAPI statement waiting for, or already stored by, a partnership's LRS.

    The primary key is the statement's own id: a UUID v5 of what happened (for example
    ``completed:module:<enrolment id>``), so the same event can be written only once and
    a statement re-sent after a worker died is recognised by the LRS as one it has."""

    id = models.UUIDField(primary_key=True, editable=False)
    partnership = models.ForeignKey(
        "learning_site.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    verb = models.CharField(max_length=30)
    statement = models.JSONField()
    state = models.CharField(
        max_length=10, choices=OutboxState.choices, default=OutboxState.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_try_at = models.DateTimeField(default=timezone.now)
    lease_token = models.UUIDField(null=True, blank=True)
    leased_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = "xAPI statement"
        ordering = ["created_at"]
        indexes = [models.Index(fields=["state", "next_try_at"], name="xapi_outbox_due")]

    def __str__(self) -> str:
        return f"{self.verb} {self.id}"
