"""Free-text survey answers: trainers approve which may be shared; the report shows only
those, without names or anything else about who wrote them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from evaluations.models import WAVE_SHORT_LABELS
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters
from evaluations.reports.models import ApprovedComment
from evaluations.reports.services import filter_by_learner, filter_by_period

COMMENTS_SHOWN = 12
# Approved comments read to find COMMENTS_SHOWN different ones (the same words approved
# many times over would otherwise crowd the others out).
COMMENTS_READ = 10 * COMMENTS_SHOWN
WAVE_LABELS = WAVE_SHORT_LABELS


@dataclass(frozen=True)
class SharedComment:
    question: str
    wave: str
    module: str
    text: str


@dataclass
class CommentSection:
    comments: list[SharedComment]

    def figures(self) -> list[Figure]:
        return []  # comments are words, not figures: they are not in the CSV

    def pdf_flowables(self, styles, para, table):
        out = [para("What learners said (approved for sharing)", styles["Heading1"])]
        if not self.comments:
            return out + [
                para("No comments have been approved for sharing yet.", styles["BodyText"])
            ]
        for comment in self.comments:
            out.append(para(f"“{comment.text}”", styles["BodyText"]))
            out.append(
                para(f"{comment.question} ({comment.wave}, {comment.module})", styles["Note"])
            )
        return out


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


def comment_section(filters: ReportFilters) -> CommentSection:
    """One query: the latest approved comments under the report's filters."""
    qs = ApprovedComment.objects.for_partnership(filters.partnership).filter(
        answer__response__partnership=filters.partnership
    )
    if filters.agency:
        qs = qs.filter(answer__response__agency=filters.agency)
    if filters.job_role:
        qs = filter_by_learner(qs, filters, "answer__response__user")
    if filters.course_id:
        qs = qs.filter(answer__response__course_id=filters.course_id)
    qs = filter_by_period(qs, filters, "answer__response__submitted_at")
    rows = qs.values(
        "answer__text_value",
        "answer__question__text",
        "answer__response__wave",
        "answer__response__course__title",
    ).order_by("-answer__response__submitted_at", "-pk")[:COMMENTS_READ]
    comments, seen = [], set()
    for row in rows:
        # Several people can write the same words ("Use the chronology."): a board
        # reads each once, the latest.
        said = " ".join(row["answer__text_value"].split()).casefold()
        if said in seen:
            continue
        seen.add(said)
        comments.append(
            SharedComment(
                question=row["answer__question__text"],
                wave=WAVE_LABELS.get(row["answer__response__wave"], ""),
                module=row["answer__response__course__title"] or "a module",
                text=row["answer__text_value"],
            )
        )
        if len(comments) == COMMENTS_SHOWN:
            break
    return CommentSection(comments)


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
