"""The "Surveys" panel on My learning (listed in ``settings.MY_LEARNING_PANELS``)."""

from django.utils import timezone

from evaluations.services import is_opted_out, waiting_surveys


def surveys_waiting(request) -> dict | None:
    """Surveys the signed-in learner can answer now, with their data-rights links."""
    user = request.user
    if not user.is_authenticated or user.partnership_id is None:
        return None
    waiting = waiting_surveys(user, timezone.now())
    answered_any = user.survey_responses.exists()
    opted_out = is_opted_out(user)
    if not waiting and not answered_any and not opted_out:
        return None
    return {
        "template": "evaluations/panel.html",
        "context": {"waiting": waiting, "answered_any": answered_any, "opted_out": opted_out},
    }
