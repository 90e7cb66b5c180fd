"""Recording who opened the board's and trainers' evidence, in one place.

``audited(action)`` wraps a view that shows reports, exports, analytics or survey answers:
each successful response (2xx) writes one ``AuditEvent``. Refusals, redirects and errors
showed nothing, so they are not recorded. Inside the view, ``audit_scope`` says whose
evidence it was (the partnership) and what was asked for (filters, the export, the
scenario); without it the event is filed under the person's own partnership.

``record_viewing_as`` is for the staff views where a platform administrator can look at
a partnership that is not their own: the choice is recorded, and the page says so (see
``templates/base.html``).
"""

from __future__ import annotations

from functools import wraps

from learning_site.models import AuditEvent, record_event


def audit_scope(request, partnership=None, **detail) -> None:
    """From inside an audited view: the partnership whose evidence was shown, and details
    worth keeping (filters, export id, scenario). Later calls add to earlier ones."""
    if partnership is not None:
        request.audit_partnership = partnership
    request.audit_detail = {**getattr(request, "audit_detail", {}), **detail}


def audited(action: str):
    """Record ``action`` once for each response the view gives successfully.

    Put it next to the view function, under the decorators that check access, so a
    refused request never reaches it."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            user = request.user
            if 200 <= response.status_code < 300 and user.is_authenticated:
                partnership = getattr(request, "audit_partnership", None) or user.partnership
                record_event(
                    action,
                    actor=user,
                    partnership=partnership,
                    request=request,
                    **getattr(request, "audit_detail", {}),
                )
            return response

        wrapper.audit_action = action
        return wrapper

    return decorator


def record_viewing_as(request, partnership) -> None:
    """A platform administrator is looking at a partnership that is not their own
    (chosen with ``?partnership=``, or the first one for an administrator who has none):
    record it once per request, and let the page say so."""
    user = request.user
    if partnership is None or not user.is_authenticated or not user.is_administrator:
        return
    if partnership.pk == user.partnership_id:
        return
    if getattr(request, "viewing_as_partnership", None) == partnership:
        return
    request.viewing_as_partnership = partnership
    record_event(
        AuditEvent.Action.PARTNERSHIP_VIEWED_AS,
        actor=user,
        partnership=partnership,
        request=request,
        own_partnership=str(user.partnership) if user.partnership_id else None,
    )


def delete_expired_events(now=None) -> int:
    """Delete audit events older than ``AUDIT_LOG_RETENTION_DAYS``; return how many.

    A setting of 0 or less keeps everything: a mistyped setting must never empty the log.
    """
    from django.conf import settings

    days = settings.AUDIT_LOG_RETENTION_DAYS
    if days <= 0:
        return 0
    deleted, _ = AuditEvent.objects.older_than(days, now=now).delete()
    return deleted
