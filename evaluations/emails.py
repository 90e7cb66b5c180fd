"""Invitation and reminder emails, and the one place they are sent from.

The body names the learner by first name only and says nothing else about them: no
answers, no reflections, no job or agency. Tests read Django's in-memory outbox.
"""

from __future__ import annotations

import datetime
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from evaluations.models import FollowUpInvitation, WaveInstrument, wave_months
from evaluations.schedule import LONDON
from learning_site.emails import templated_email
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


def build_invitation_email(
    invitation: FollowUpInvitation,
    raw_token: str,
    *,
    closes_at: datetime.datetime,
    reminder: bool = False,
    instrument=_RESOLVE,
) -> EmailMultiAlternatives:
    """The email for one invitation. The sweep resolves the wave's instrument once for a
    whole batch and passes it (None too); otherwise it is looked up here."""
    if instrument is _RESOLVE:
        instrument = WaveInstrument.resolve(
            invitation.wave, invitation.course, invitation.partnership
        )
    months = wave_months(invitation.wave)
    context = {
        "first_name": invitation.user.first_name_for_greeting,
        "partnership_name": invitation.partnership.email_from_name or invitation.partnership.name,
        "course_title": invitation.course.title,
        "months": months,
        "minutes": instrument.estimated_minutes if instrument else 5,
        "survey_url": survey_link(invitation, raw_token),
        "opt_out_url": opt_out_link(invitation, raw_token),
        "closes_on": closes_at.astimezone(LONDON),
        "reminder": reminder,
    }
    prefix = "Reminder: " if reminder else ""
    subject = f"{prefix}{months} months on from '{invitation.course.title}': what has changed?"
    return templated_email(
        template="evaluations/email/invitation",
        context=context,
        subject=subject,
        to=[invitation.user.email],
        from_email=sender_for(invitation.partnership),
        unsubscribe_url=context["opt_out_url"],
    )


def send(message: EmailMultiAlternatives) -> None:
    message.send(fail_silently=False)
