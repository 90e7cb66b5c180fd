from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEventQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)

    def older_than(self, days: int, now=None):
        return self.filter(at__lt=(now or timezone.now()) - timezone.timedelta(days=days))


class AuditEvent(models.Model):
    """One security-relevant act: who did what, to whom, when.

    Written for acts that change who can do what (two-factor reset, role or partnership
    changes) and for opening the board's and trainers' evidence (reports, exports,
    analytics, survey answers). Never edited; deleted only when older than
    ``AUDIT_LOG_RETENTION_DAYS``.
    """

    class Action(models.TextChoices):
        TWO_FACTOR_RESET = "two_factor_reset", "Two-factor reset"
        PARTNERSHIP_CHANGED = "partnership_changed", "Partnership changed"
        ROLES_CHANGED = "roles_changed", "Roles changed"
        REPORT_VIEWED = "report_viewed", "Report opened"
        EXPORT_DOWNLOADED = "export_downloaded", "Export downloaded"
        ANALYTICS_VIEWED = "analytics_viewed", "Analytics opened"
        ANSWERS_VIEWED = "answers_viewed", "Survey answers opened"
        INVITATION_SENT = "invitation_sent", "Invitation sent"
        INVITATION_ACCEPTED = "invitation_accepted", "Invitation accepted"
        PARTNERSHIP_VIEWED_AS = "partnership_viewed_as", "Partnership chosen to view"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events_done",
    )
    # Kept as text too, so the record still says who it was after an account is deleted.
    actor_email = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=40, choices=Action.choices, db_index=True)
    partnership = models.ForeignKey(
        "learning_site.Partnership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
        help_text="The partnership whose people or evidence the act concerned.",
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events_about",
        help_text="The person the act was done to, if any.",
    )
    subject_email = models.CharField(max_length=254, blank=True)
    path = models.CharField(max_length=500, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit event"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_email} {self.get_action_display()}"


def record_event(
    action: str,
    *,
    actor=None,
    partnership=None,
    subject=None,
    request=None,
    **detail,
) -> AuditEvent:
    """Write one audit event. ``actor`` defaults to the request's user."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    if partnership is None and subject is not None:
        partnership = subject.partnership
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_email=getattr(actor, "email", "") or "",
        partnership=partnership,
        subject=subject,
        subject_email=getattr(subject, "email", "") or "",
        path=(request.get_full_path()[:500] if request is not None else ""),
        detail=detail,
    )
