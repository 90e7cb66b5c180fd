"""Who may read reports, and for which partnership."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from learning_site.converters import parse_object_id
from learning_site.models import Partnership

VIEW_PERMISSION = "learning_site.view_impact_reports"
MANAGE_INDICATORS_PERMISSION = "impact_reports.manage_outcome_indicators"


def can_view_reports(user) -> bool:
    return user.is_authenticated and user.has_perm(VIEW_PERMISSION)


def default_partnership(user) -> Partnership | None:
    """A viewer's own partnership; an administrator without one starts on the first."""
    if user.partnership_id:
        return user.partnership
    if user.is_administrator:
        return Partnership.objects.order_by("name").first()
    return None


def report_viewer_required(view):
    """Signed in, allowed to read reports, and tied to a partnership (403 otherwise)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied("Only board members, trainers and administrators read reports.")
        partnership = default_partnership(request.user)
        if partnership is None:
            raise PermissionDenied("Your account is not linked to a partnership.")
        request.report_partnership = partnership
        return view(request, *args, **kwargs)

    return wrapper


def indicator_manager_required(view):
    @report_viewer_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(MANAGE_INDICATORS_PERMISSION):
            raise PermissionDenied("Only partnership administrators edit local indicators.")
        return view(request, *args, **kwargs)

    return wrapper


def partnership_for_indicators(request, requested_id: str | None) -> Partnership:
    """Administrators may edit any partnership's indicators (their choice is recorded);
    others only their own, whatever the request names."""
    from learning_site.auditing import record_viewing_as

    partnership = request.report_partnership
    pk = parse_object_id(requested_id)
    if pk is not None and request.user.is_administrator:
        partnership = Partnership.objects.filter(pk=pk).first() or partnership
    record_viewing_as(request, partnership)
    return partnership


TRAINER_PERMISSION = "learning_site.view_trainer_analytics"


def comment_moderator_required(view):
    """Trainers (and administrators) of a partnership approve comments for sharing."""

    @report_viewer_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(TRAINER_PERMISSION):
            raise PermissionDenied("Only trainers approve comments for sharing.")
        return view(request, *args, **kwargs)

    return wrapper
