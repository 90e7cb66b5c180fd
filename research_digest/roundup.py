"""The monthly email round-up of new digests.

``send_monthly_roundup`` is the whole job; the Celery beat task and the
``send_digest_roundup`` command are thin wrappers around it. It covers the calendar
month (Europe/London) before ``now``, sends nothing when no digest was first published
in that month, and claims a ``RoundupDelivery`` row per person before sending: the
unique (user, period) constraint means a second run, or two runs at once, skip anyone
already claimed. If sending fails the claim is released so the next run retries; a
worker killed between claiming and sending leaves the claim, so the person misses that
month rather than getting it twice.
"""

import datetime
import logging
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone

from learning_site.emails import templated_email
from learning_site.urls_absolute import absolute_url, base_url, page_url
from research_digest.models import DigestSubscription, ResearchDigestPage, RoundupDelivery

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoundupPeriod:
    """A calendar month: ``start`` inclusive, ``end`` exclusive, both timezone-aware."""

    start: datetime.datetime
    end: datetime.datetime

    @classmethod
    def month_before(cls, now: datetime.datetime) -> "RoundupPeriod":
        local = timezone.localtime(now)
        this_month = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        start = this_month - relativedelta(months=1)
        # Rebuild each bound in local time so a month spanning a clock change is right.
        tz = timezone.get_current_timezone()
        return cls(
            start=datetime.datetime(start.year, start.month, 1, tzinfo=tz),
            end=datetime.datetime(this_month.year, this_month.month, 1, tzinfo=tz),
        )

    @property
    def key(self) -> str:
        return self.start.strftime("%Y-%m")

    @property
    def label(self) -> str:
        return self.start.strftime("%B %Y")


@dataclass
class RoundupResult:
    period: RoundupPeriod
    digest_count: int = 0
    sent: list[str] = field(default_factory=list)
    already_sent: int = 0
    failed: list[str] = field(default_factory=list)
    would_send: list[str] = field(default_factory=list)


def unsubscribe_url(subscription: DigestSubscription) -> str:
    return absolute_url(
        reverse("research_digest:unsubscribe", kwargs={"token": subscription.token})
    )


def new_digests(period: RoundupPeriod) -> list[ResearchDigestPage]:
    return list(
        ResearchDigestPage.objects.for_readers()
        .first_published_between(period.start, period.end)
        .order_by("first_published_at", "pk")
    )


def build_roundup_email(
    subscription: DigestSubscription, digests: list[ResearchDigestPage], period: RoundupPeriod
) -> EmailMultiAlternatives:
    context = {
        "user": subscription.user,
        "period": period,
        "digests": [(digest, page_url(digest)) for digest in digests],
        "unsubscribe_url": unsubscribe_url(subscription),
        "manage_url": absolute_url(reverse("research_digest:subscription")),
        "site_url": base_url(),
    }
    count = len(digests)
    subject = f"New research digests, {period.label}: {count} to read in five minutes each"
    return templated_email(
        template="research_digest/email/roundup",
        context=context,
        subject=subject,
        to=[subscription.user.email],
        unsubscribe_url=context["unsubscribe_url"],
    )


def send_monthly_roundup(
    now: datetime.datetime | None = None, *, dry_run: bool = False
) -> RoundupResult:
    """Send last month's new digests to everyone subscribed, at most once each."""
    now = now or timezone.now()
    period = RoundupPeriod.month_before(now)
    result = RoundupResult(period=period)
    digests = new_digests(period)
    result.digest_count = len(digests)
    if not digests:
        return result
    subscriptions = DigestSubscription.objects.subscribed().select_related("user").order_by("pk")
    for subscription in subscriptions.iterator(chunk_size=500):
        user = subscription.user
        if dry_run:
            if not RoundupDelivery.objects.filter(user=user, period=period.key).exists():
                result.would_send.append(user.email)
            continue
        delivery, claimed = RoundupDelivery.objects.get_or_create(
            user=user, period=period.key, defaults={"digest_count": len(digests)}
        )
        if not claimed:
            result.already_sent += 1
            continue
        try:
            build_roundup_email(subscription, digests, period).send()
        except Exception:
            logger.exception("Round-up for %s to user %s failed; released", period.key, user.pk)
            delivery.delete()
            result.failed.append(user.email)
            continue
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["sent_at"])
        result.sent.append(user.email)
    return result
