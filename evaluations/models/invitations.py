"""Follow-up invitations (sent the months after completion in ``FOLLOW_UP_MONTHS``), their email links and opt-outs.

The database is the source of truth for what is due: the sweep reads these rows, claims
each with a conditional UPDATE, sends after the claim commits and records the send in the
same row. No broker message waits months for a due date.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from evaluations.models.instruments import WaveKind


class InvitationStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    SENT = "sent", "Sent"
    REMINDED = "reminded", "Reminded"
    RESPONDED = "responded", "Responded"
    EXPIRED = "expired", "Expired"
    OPTED_OUT = "opted_out", "Opted out"
    SKIPPED = "skipped", "Skipped"


# Sent and not yet answered, expired or opted out: the survey link works.
OPEN_STATUSES = (InvitationStatus.SENT, InvitationStatus.REMINDED)
PENDING_STATUSES = (InvitationStatus.SCHEDULED, *OPEN_STATUSES)


class SkipReason(models.TextChoices):
    ACCOUNT_INACTIVE = "account_inactive", "Account not active"
    ACCOUNT_DELETED = "account_deleted", "Account deleted"
    ALREADY_ANSWERED = "already_answered", "Already answered"
    MODULE_REMOVED = "module_removed", "Module no longer published"
    WAVE_REMOVED = "wave_removed", "No survey set for this wave any more"
    WINDOW_PASSED = "window_passed", "Due date passed before it could be sent"


class FollowUpInvitationQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)

    def owned_by(self, user):
        return self.filter(user=user)

    def open(self, now):
        return self.filter(status__in=OPEN_STATUSES, closes_at__gt=now)

    def unclaimed_or_stale(self):
        """Rows nobody holds a lease on. A claim is a lease on the real clock (never a
        sweep's ``--now``, which may be set back or forward), renewed as each row is
        sent; one not renewed for ``EVALUATION_CLAIM_STALE_MINUTES`` was left by a
        worker that died, and may be taken over."""
        stale = timezone.now() - timezone.timedelta(minutes=settings.EVALUATION_CLAIM_STALE_MINUTES)
        return self.filter(Q(claim_token__isnull=True) | Q(claimed_at__lt=stale))

    def due_to_send(self, now):
        # A partnership that switches follow-ups off keeps its scheduled invitations
        # unsent (not cancelled), so switching back on resumes them.
        return self.filter(
            status=InvitationStatus.SCHEDULED, due_at__lte=now, partnership__send_follow_ups=True
        )

    def due_to_expire(self, now):
        return self.filter(status__in=OPEN_STATUSES, closes_at__lte=now)

    def due_for_reminder(self, now):
        """Open invitations for which at least one more reminder day has passed."""
        condition = Q()
        for number, days in enumerate(settings.EVALUATION_REMINDER_DAYS):
            condition |= Q(
                reminder_count__lte=number, sent_at__lte=now - timezone.timedelta(days=days)
            )
        if not settings.EVALUATION_REMINDER_DAYS:
            return self.none()
        return self.open(now).filter(condition, partnership__send_follow_ups=True)


class FollowUpInvitation(models.Model):
    """One learner's invitation to one follow-up wave of one module.

    Partnership, agency, module and completion date are copied at creation so reports
    still count the row after the learner's account is deleted (``user`` becomes null).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_up_invitations",
    )
    partnership = models.ForeignKey(
        "learning_site.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    agency = models.CharField(max_length=40, blank=True)
    course = models.ForeignKey(
        "courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    completion = models.ForeignKey(
        "courses.CourseCompletion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_up_invitations",
    )
    wave = models.CharField(max_length=20, choices=WaveKind.choices)
    completed_at = models.DateTimeField(help_text="When the module was completed.")
    due_at = models.DateTimeField(help_text="09:00 London time, whole calendar months on.")
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when sent: the link stops working then."
    )

    status = models.CharField(
        max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.SCHEDULED
    )
    skip_reason = models.CharField(max_length=30, choices=SkipReason.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(default=0)
    reminded_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    expired_at = models.DateTimeField(null=True, blank=True)
    opted_out_at = models.DateTimeField(null=True, blank=True)
    skipped_at = models.DateTimeField(null=True, blank=True)

    # Claiming: a sweep sets these with a conditional UPDATE before sending; a claim older
    # than EVALUATION_CLAIM_STALE_MINUTES is taken over (its worker died).
    claim_token = models.CharField(max_length=32, null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempt_count = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    objects = FollowUpInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["completion", "wave"], name="one_invitation_per_completion_and_wave"
            ),
            models.CheckConstraint(
                condition=~Q(status="skipped") | ~Q(skip_reason=""),
                name="skipped_invitation_has_reason",
            ),
        ]
        indexes = [
            # The sweep: what is due or open, by status and time.
            models.Index(fields=["status", "due_at"]),
            models.Index(fields=["status", "closes_at"]),
            # Reports and the trainer view: one partnership, by module and wave.
            models.Index(fields=["partnership", "course", "wave", "status"]),
            models.Index(fields=["partnership", "completed_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_wave_display()} invitation ({self.get_status_display()})"

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status in OPEN_STATUSES and self.closes_at is not None and self.closes_at > now


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class InvitationLinkToken(models.Model):
    """A secret link sent in one email. Only its SHA-256 hash is stored, so a database
    leak gives no working links. Each email (invitation and reminders) gets its own, and
    all of an invitation's links stop working when it is answered or closes."""

    invitation = models.ForeignKey(
        FollowUpInvitation, on_delete=models.CASCADE, related_name="link_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["issued_at"]

    def __str__(self) -> str:
        return f"Link for invitation {self.invitation_id}"

    @classmethod
    def build(cls, invitation: FollowUpInvitation, now=None) -> tuple["InvitationLinkToken", str]:
        """A new link's row (not yet saved) and its secret, which only the email carries.
        The secret is 32 random bytes, so a plain SHA-256 of it cannot be guessed back
        (a slow password hash is for secrets people choose)."""
        raw = secrets.token_urlsafe(32)
        row = cls(
            invitation=invitation, token_hash=hash_token(raw), issued_at=now or timezone.now()
        )
        return row, raw

    @classmethod
    def issue(cls, invitation: FollowUpInvitation, now=None) -> str:
        row, raw = cls.build(invitation, now)
        row.save(force_insert=True)
        return raw

    @classmethod
    def issue_many(cls, invitations, now=None) -> list[str]:
        """One link per invitation, stored with one INSERT; the secrets, in order."""
        built = [cls.build(invitation, now) for invitation in invitations]
        cls.objects.bulk_create([row for row, _ in built])
        return [raw for _, raw in built]


class SurveyOptOut(models.Model):
    """A learner who asked for no more follow-up surveys."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_opt_out"
    )
    opted_out_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Opted out on {self.opted_out_at:%d %B %Y}"


__all__ = [
    "FollowUpInvitation",
    "InvitationLinkToken",
    "InvitationStatus",
    "OPEN_STATUSES",
    "PENDING_STATUSES",
    "SkipReason",
    "SurveyOptOut",
    "hash_token",
]
