"""What learners said: the free-text survey answers trainers approved for sharing
(``comment_approval``), shown without names or anything else about who wrote them."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from evaluations.models import wave_label
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters, scoped
from evaluations.reports.models import ApprovedComment
from evaluations.reports.pdf_layout import para
from evaluations.reports.sections.base import Section

COMMENTS_SHOWN = 12
# Approved comments read to find COMMENTS_SHOWN different ones (the same words approved
# many times over would otherwise crowd the others out).
COMMENTS_READ = 10 * COMMENTS_SHOWN


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

    def charts(self) -> list:
        return []

    def pdf_flowables(self, styles) -> list[Flowable]:
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


def comment_section(filters: ReportFilters) -> CommentSection:
    """One query: the latest approved comments under the report's filters."""
    qs = scoped(
        ApprovedComment.objects.for_partnership(filters.partnership), filters,
        partnership="answer__response__partnership", agency="answer__response__agency",
        learner="answer__response__user", course="answer__response__course_id",
        date="answer__response__submitted_at",
    )  # fmt: skip
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
                wave=wave_label(row["answer__response__wave"]),
                module=row["answer__response__course__title"] or "a module",
                text=row["answer__text_value"],
            )
        )
        if len(comments) == COMMENTS_SHOWN:
            break
    return CommentSection(comments)


SECTION = Section("comments", "Comments", "impact_reports/sections/comments.html", comment_section)
