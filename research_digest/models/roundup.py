"""Who wants the monthly round-up, and which round-ups have been sent."""

import secrets

from django.conf import settings
from django.db import models


def new_unsubscribe_token() -> str:
    return secrets.token_urlsafe(32)


class DigestSubscriptionQuerySet(models.QuerySet):
    def subscribed(self):
        return self.filter(subscribed=True, user__is_active=True)


class DigestSubscription(models.Model):
    """A person's choice about the monthly round-up.

    ``token`` is random, unguessable and belongs to this one row, so the one-click
    unsubscribe link in an email can only ever change this person's choice.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_subscription"
    )
    subscribed = models.BooleanField(default=False)
    token = models.CharField(max_length=64, unique=True, default=new_unsubscribe_token)
    changed_at = models.DateTimeField(auto_now=True)

    objects = DigestSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "research digest round-up subscription"

    def __str__(self) -> str:
        state = "subscribed" if self.subscribed else "not subscribed"
        return f"{self.user} ({state})"


class RoundupDelivery(models.Model):
    """One round-up for one person for one month.

    The row is claimed (inserted) before the email is sent; the unique constraint means a
    second run, or two runs at once, cannot claim it again, so nobody gets two round-ups
    for the same month.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_roundups"
    )
    period = models.CharField(max_length=7, help_text="The month covered, as YYYY-MM.")
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    digest_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "research digest round-up delivery"
        constraints = [
            models.UniqueConstraint(fields=["user", "period"], name="one_roundup_per_user_period")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.period}"
