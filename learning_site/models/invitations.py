import datetime

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone

TOKEN_SALT = "learning_site.invitation"  # noqa: S105 - a signing salt, not a secret


class InvitationQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, expires_at__gt=now)

    def open_for(self, email: str):
        return self.open().filter(email__iexact=email.strip()).select_related("partnership")

    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)


class Invitation(models.Model):
    """An invitation to join a partnership with a role, sent by email.

    The emailed link carries a signed token (the invitation's id, signed with the site's
    secret), so it cannot be guessed or altered; it works once and until ``expires_at``.
    """

    ROLE_CHOICES = [
        ("Learner", "Learner"),
        ("Trainer", "Trainer"),
        ("Board member", "Board member"),
        ("Partnership administrator", "Partnership administrator"),
    ]

    partnership = models.ForeignKey(
        "learning_site.Partnership", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField("Email address")
    role = models.CharField(max_length=40, choices=ROLE_CHOICES, default="Learner")
    full_name = models.CharField(max_length=150, blank=True)
    agency = models.CharField(max_length=40, blank=True)
    job_role = models.CharField(max_length=150, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return f"{self.email} ({self.role}, {self.partnership})"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        if self.expires_at is None:
            days = settings.INVITATION_EXPIRE_DAYS
            self.expires_at = (self.created_at or timezone.now()) + datetime.timedelta(days=days)
        super().save(*args, **kwargs)

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "Accepted"
        if self.expires_at <= timezone.now():
            return "Expired"
        return "Waiting"

    def token(self) -> str:
        return signing.dumps({"invitation": self.pk, "email": self.email}, salt=TOKEN_SALT)

    def get_accept_path(self) -> str:
        from django.urls import reverse

        return reverse("accept_invitation", args=[self.token()])
