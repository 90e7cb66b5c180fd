"""The "Surveys" panel on My learning (listed in ``settings.MY_LEARNING_PANELS``)."""

from django.utils import timezone

from evaluations.services import is_opted_out, surveys_of


def surveys_waiting(request) -> dict | None:
    """Surveys the signed-in learner can answer now, with their data-rights links.

    Shown to everyone in a partnership, even with nothing waiting, so the follow-up
    preferences (stop or restart) are always one click from My learning."""
    user = request.user
    if not user.is_authenticated or user.partnership_id is None:
        return None
    waiting, answered_any = surveys_of(user, timezone.now())
    opted_out = is_opted_out(user)
    return {
        "template": "evaluations/panel.html",
        "context": {"waiting": waiting, "answered_any": answered_any, "opted_out": opted_out},
    }
