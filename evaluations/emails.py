"""Invitation and reminder emails, and the one place they are sent from.

The body names the learner by first name only and says nothing else about them: no
answers, no reflections, no job or agency. Tests read Django's in-memory outbox.
"""

from __future__ import annotations

import datetime
import re
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from evaluations.models import FollowUpInvitation, WaveInstrument, wave_months
from evaluations.schedule import LONDON
from learning_site.emails import TemplateFrames, site_email
from learning_site.urls_absolute import absolute_url


def survey_link(invitation: FollowUpInvitation, raw_token: str) -> str:
    return absolute_url(
        reverse(
            "evaluations:follow_up_by_link",
            kwargs={"invitation_id": invitation.pk, "token": raw_token},
        )
    )


def opt_out_link(invitation: FollowUpInvitation, raw_token: str) -> str:
    return absolute_url(
        reverse(
            "evaluations:opt_out_by_link",
            kwargs={"invitation_id": invitation.pk, "token": raw_token},
        )
    )


def sender_for(partnership) -> str:
    """From the partnership's name, at the site's own sending address."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "no-reply@localhost"
    return formataddr((partnership.email_from_name or partnership.name, address))


_RESOLVE = object()  # build_invitation_email looks the instrument up itself

TEMPLATE = "evaluations/email/invitation"
# What differs from one learner to the next; the rest is shared by a batch.
PERSONAL = ("first_name", "survey_url", "opt_out_url")

# A link's secret as InvitationLinkToken makes it: URL-safe base64, which reverse()
# writes into the path as it is.
_PLAIN_TOKEN = re.compile(r"[A-Za-z0-9_-]+")
_PK, _TOKEN = 987654321, "tokenplaceholder"


class _Links:
    """The survey and opt-out links, from two ``reverse()`` calls for a whole batch
    rather than two per email: each address is the same but for the invitation's number
    and its secret."""

    def __init__(self):
        sample = FollowUpInvitation(pk=_PK)
        self.survey = survey_link(sample, _TOKEN)
        self.opt_out = opt_out_link(sample, _TOKEN)
        needle = f"/{_PK}/{_TOKEN}/"
        self.usable = self.survey.count(needle) == self.opt_out.count(needle) == 1

    def __call__(self, invitation: FollowUpInvitation, raw_token: str) -> tuple[str, str]:
        if not (self.usable and _PLAIN_TOKEN.fullmatch(raw_token)):
            return survey_link(invitation, raw_token), opt_out_link(invitation, raw_token)
        needle, own = f"/{_PK}/{_TOKEN}/", f"/{invitation.pk}/{raw_token}/"
        return self.survey.replace(needle, own), self.opt_out.replace(needle, own)


def invitation_context(
    invitation: FollowUpInvitation,
    survey_url: str,
    opt_out_url: str,
    *,
    closes_at: datetime.datetime,
    reminder: bool,
    instrument,
) -> tuple[dict, dict]:
    """The template context for one invitation, as (what a batch shares, what is this
    learner's own: the ``PERSONAL`` values)."""
    shared = {
        "partnership_name": invitation.partnership.email_from_name or invitation.partnership.name,
        "course_title": invitation.course.title,
        "months": wave_months(invitation.wave),
        "minutes": instrument.estimated_minutes if instrument else 5,
        # The date only (the email shows no time): every row closing that day shares it.
        "closes_on": closes_at.astimezone(LONDON).date(),
        "reminder": reminder,
    }
    personal = {
        "first_name": invitation.user.first_name_for_greeting,
        "survey_url": survey_url,
        "opt_out_url": opt_out_url,
    }
    return shared, personal


class InvitationEmails:
    """Builds the emails of one batch: the templates are rendered once for each module,
    wave, partnership, closing date and kind (first or reminder), then filled in with
    each learner's name and links (:class:`~learning_site.emails.TemplateFrames`)."""

    def __init__(self):
        self.frames = TemplateFrames(TEMPLATE, PERSONAL)
        self.links = _Links()
        self._senders: dict = {}

    def build(
        self,
        invitation: FollowUpInvitation,
        raw_token: str,
        *,
        closes_at: datetime.datetime,
        reminder: bool = False,
        instrument=_RESOLVE,
    ) -> EmailMultiAlternatives:
        """The email for one invitation. The sweep resolves the wave's instrument once for
        a whole batch and passes it (None too); otherwise it is looked up here."""
        if instrument is _RESOLVE:
            instrument = WaveInstrument.resolve(
                invitation.wave, invitation.course, invitation.partnership
            )
        survey_url, opt_out_url = self.links(invitation, raw_token)
        shared, personal = invitation_context(
            invitation,
            survey_url,
            opt_out_url,
            closes_at=closes_at,
            reminder=reminder,
            instrument=instrument,
        )
        text_body, html_body = self.frames.render(shared, personal)
        prefix = "Reminder: " if reminder else ""
        subject = (
            f"{prefix}{shared['months']} months on from '{invitation.course.title}': "
            "what has changed?"
        )
        partnership = invitation.partnership
        sender = self._senders.get(partnership.pk)
        if sender is None:
            sender = self._senders[partnership.pk] = sender_for(partnership)
        return site_email(
            text_body=text_body,
            html_body=html_body,
            subject=subject,
            to=[invitation.user.email],
            from_email=sender,
            unsubscribe_url=opt_out_url,
        )


def build_invitation_email(
    invitation: FollowUpInvitation,
    raw_token: str,
    *,
    closes_at: datetime.datetime,
    reminder: bool = False,
    instrument=_RESOLVE,
) -> EmailMultiAlternatives:
    """The email for one invitation on its own (a batch uses one
    :class:`InvitationEmails` for all of its emails)."""
    return InvitationEmails().build(
        invitation, raw_token, closes_at=closes_at, reminder=reminder, instrument=instrument
    )


def send(message: EmailMultiAlternatives) -> None:
    message.send(fail_silently=False)
