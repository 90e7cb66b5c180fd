"""Trainers choose which free-text survey answers the board may read: the answers they
choose from, and approving or withdrawing one. The report's comments section shows only
those approved (``sections.comments``)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from evaluations.reports.models import ApprovedComment


def free_text_answers(partnership):
    """Every non-empty free-text answer in the partnership's submitted surveys."""
    from evaluations.models import ResponseStatus, SurveyAnswer

    return (
        SurveyAnswer.objects.filter(
            response__partnership=partnership,
            response__status=ResponseStatus.SUBMITTED,
            question__kind="text",
        )
        .exclude(text_value="")
        .select_related("question", "response", "response__course", "report_approval")
        .order_by("-response__submitted_at", "-pk")
    )


@transaction.atomic
def set_approval(answer, *, approved: bool, by) -> None:
    if approved:
        ApprovedComment.objects.update_or_create(
            answer=answer,
            defaults={
                "partnership": answer.response.partnership,
                "approved_by": by,
                "approved_at": timezone.now(),
            },
        )
    else:
        ApprovedComment.objects.filter(answer=answer).delete()
