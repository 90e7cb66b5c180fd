"""Invitations: a partnership's administrator invites people by email with a role.

Accepting one creates the account (or adds the role to an existing account with that
address) in the invitation's partnership. Nobody can use one to move between
partnerships: that is a platform administrator's act.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from learning_site.emails import templated_email
from learning_site.models import AuditEvent, Invitation, Partnership, User, record_event
from learning_site.models.invitations import TOKEN_SALT
from learning_site.roles import Role, grant_role
from learning_site.urls_absolute import absolute_url


class InvitationError(Exception):
    """Something a person can be told in one plain sentence."""


def check_can_invite(partnership: Partnership, email: str) -> None:
    """Refuse an invitation that could not be accepted, before it is sent."""
    if not partnership.is_active:
        raise InvitationError(f"{partnership} is not active, so nobody can be invited to it.")
    existing = (
        User.objects.filter(email__iexact=email.strip()).select_related("partnership").first()
    )
    if existing and existing.partnership_id and existing.partnership_id != partnership.pk:
        raise InvitationError(
            f"{email} already belongs to another partnership. A platform administrator can "
            "move them."
        )


def invite(
    partnership: Partnership,
    email: str,
    *,
    role: str = Role.LEARNER,
    by: User | None,
    full_name: str = "",
    agency: str = "",
    job_role: str = "",
    send: bool = True,
    request=None,
) -> Invitation:
    """Make (or renew) the invitation for ``email`` to ``partnership`` and email it."""
    check_can_invite(partnership, email)
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        invitation = Invitation.objects.open_for(email).filter(
            partnership=partnership
        ).first() or Invitation(partnership=partnership, email=email)
        invitation.role = str(role)
        invitation.full_name = full_name or invitation.full_name
        invitation.agency = agency or invitation.agency
        invitation.job_role = job_role or invitation.job_role
        invitation.invited_by = by
        invitation.created_at = now
        invitation.expires_at = None  # a renewed invitation runs for the full period again
        invitation.save()
    if send:
        send_invitation(invitation)
    record_event(
        AuditEvent.Action.INVITATION_SENT,
        actor=by,
        partnership=partnership,
        request=request,
        email=email,
        role=str(role),
    )
    return invitation


def send_invitation(invitation: Invitation) -> None:
    invitation_email(invitation).send()
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())


def invitation_email(invitation: Invitation):
    """The invitation's email, ready to send (bulk imports send many over one connection)."""
    partnership = invitation.partnership
    sender = invitation.invited_by
    context = {
        "invitation": invitation,
        "partnership_name": partnership.name,
        "role": invitation.get_role_display(),
        "inviter": sender.full_name if sender else partnership.name,
        "accept_url": absolute_url(invitation.get_accept_path()),
        "expires_on": timezone.localtime(invitation.expires_at),
        "needs_two_factor": invitation.role in settings.ROLES_REQUIRING_TWO_FACTOR,
    }
    from_name = partnership.email_from_name or partnership.name
    address = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">")
    return templated_email(
        template="learning_site/email/invitation",
        context=context,
        subject=f"{partnership.name} invites you to Neglect learning",
        to=[invitation.email],
        from_email=f"{from_name} <{address}>",
    )


def invitation_from_token(token: str) -> Invitation:
    """The open invitation a link's token names, or ``InvitationError`` saying why not."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
        invitation = Invitation.objects.select_related("partnership").get(
            pk=int(data["invitation"]), email=data["email"]
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError, Invitation.DoesNotExist):
        raise InvitationError(
            "This invitation link is not valid. Check you copied the whole link from the "
            "email, or ask for a new invitation."
        ) from None
    if invitation.accepted_at:
        raise InvitationError(
            "This invitation has already been used. Sign in with the email address it was sent to."
        )
    if invitation.expires_at <= timezone.now():
        raise InvitationError(
            "This invitation has expired. Ask the person who invited you to send a new one."
        )
    if not invitation.partnership.is_active:
        raise InvitationError(f"{invitation.partnership} is no longer taking new people.")
    return invitation


@transaction.atomic
def accept(invitation: Invitation, user: User, *, request=None) -> None:
    """Put ``user`` in the invitation's partnership with its role. Used once."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise InvitationError("This invitation has already been used.")
    if user.email.lower() != invitation.email:
        raise InvitationError(
            f"This invitation was sent to {invitation.email}. Sign in with that address, or "
            "ask for an invitation to yours."
        )
    if user.partnership_id and user.partnership_id != invitation.partnership_id:
        raise InvitationError(
            f"You already belong to {user.partnership}. A platform administrator can move "
            "you to another partnership."
        )
    if user.partnership_id is None:
        user.partnership = invitation.partnership
        record_event(
            AuditEvent.Action.PARTNERSHIP_CHANGED,
            actor=user,
            subject=user,
            partnership=invitation.partnership,
            request=request,
            previous=None,
            new=invitation.partnership.name,
            by_invitation=invitation.pk,
        )
    user.agency = user.agency or invitation.agency
    user.job_role = user.job_role or invitation.job_role
    user.full_name = user.full_name or invitation.full_name
    user.save()
    roles_before = set(user.groups.values_list("name", flat=True))
    grant_role(user, Role(invitation.role))
    if invitation.role != Role.LEARNER:
        # Everyone takes the training; staff roles are given on top.
        grant_role(user, Role.LEARNER)
    added = sorted(set(user.groups.values_list("name", flat=True)) - roles_before)
    if added:
        record_event(
            AuditEvent.Action.ROLES_CHANGED,
            actor=user,
            subject=user,
            partnership=invitation.partnership,
            request=request,
            added=added,
            removed=[],
            by_invitation=invitation.pk,
            invited_by=invitation.invited_by.email if invitation.invited_by else None,
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record_event(
        AuditEvent.Action.INVITATION_ACCEPTED,
        actor=user,
        subject=user,
        partnership=invitation.partnership,
        request=request,
        role=invitation.role,
    )


@transaction.atomic
def create_account_from_invitation(invitation: Invitation, data: dict, *, request) -> User:
    """A new account for the invited address, signed in. The address counts as verified:
    only someone who received the email can open its link."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.account.models import EmailAddress
    from django.contrib.auth import login

    user = User.objects.create_user(
        email=invitation.email,
        password=data["password1"],
        full_name=data["full_name"],
        agency=data["agency"],
        job_role=data["job_role"],
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    accept(invitation, user, request=request)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    record_authentication(request, user, "password", email=user.email)
    return user
