"""The module's one before/after instrument: the baseline and post survey waves.

The survey a partnership set for those waves (``WaveInstrument``) is what a learner
answers before lesson 1 and at the end of the module, followed by the module's own
knowledge questions (its lessons' knowledge checks, asked without feedback and scored).
The learner then sees their own change, measure by measure; nobody else's.

``courses`` calls the functions here (it imports nothing else from this app).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse

from evaluations.models import (
    BEFORE_AND_AFTER_WAVES,
    ResponseStatus,
    SurveyAnswer,
    SurveyResponse,
    WaveKind,
)


def module_checks(course) -> list:
    """The module's knowledge questions (``courses.requirements.CheckSpec``): its own
    before/after questions, or, for a module without them, its lessons' knowledge checks
    in lesson order."""
    from courses.requirements import before_after_checks, requirements_for

    return before_after_checks(course) or requirements_for(course.lessons()).checks


def knowledge_score(checks, answers: dict) -> int | None:
    """Per cent of ``checks`` answered right (unanswered counts as wrong); None without any."""
    if not checks:
        return None
    right = sum(1 for spec in checks if spec.is_correct(answers.get(spec.ref, [])))
    return round(100 * right / len(checks))


def mean_confidence(questions, cleaned: dict) -> Decimal | None:
    """The mean of the confidence ratings answered (questions whose measure is of kind
    'confidence'); None when none was answered."""
    ratings = [
        int(cleaned[q.field_name])
        for q in questions
        if q.measure is not None
        and q.measure.kind == "confidence"
        and cleaned.get(q.field_name) not in (None, "")
    ]
    if not ratings:
        return None
    return (Decimal(sum(ratings)) / len(ratings)).quantize(Decimal("0.01"))


def survey_url(course_id: int, wave: str) -> str:
    return reverse("evaluations:survey", args=[course_id, wave])


def waiting_urls(user, modules) -> dict[tuple[int, str], str]:
    """{(module id, wave): survey address} for the learner's before and after surveys that
    are open and not yet sent, among ``modules``: (module, whether the learner is on it,
    their completion or None). Two queries whatever the number of modules."""
    from evaluations.services import waiting_before_after

    if not user.is_authenticated:
        return {}
    return {
        (item.course.pk, item.wave): survey_url(item.course.pk, item.wave)
        for item in waiting_before_after(user, modules)
        if item.wave in BEFORE_AND_AFTER_WAVES
    }


@dataclass(frozen=True)
class Change:
    """One measure the learner answered before and after the module."""

    name: str
    kind: str  # "confidence", "practice" or "knowledge"
    before: int | float
    after: int | float

    @property
    def sentence(self) -> str:
        before, after = _number(self.before), _number(self.after)
        if self.kind == "knowledge":
            subject = "Your score on the module's knowledge questions"
            before, after = f"{before}%", f"{after}%"
        elif self.kind == "confidence":
            subject = f"Your {self.name[0].lower()}{self.name[1:]}"
        else:  # how many times in the last 3 months
            return (
                f"{self.name}: {before} before the module, {after} at the end "
                "(times in the last 3 months)"
            )
        if before == after:
            return f"{subject} stayed at {after}"
        return f"{subject} went from {before} to {after}"


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def changes_for(user, course_ids) -> dict[int, list[Change]]:
    """{module id: the learner's own changes}, for each measure they answered in both
    their sent 'before' and 'after' surveys of that module. Two queries. Call it only for
    the signed-in learner: it reads their answers."""
    course_ids = list(course_ids)
    if not user.is_authenticated or not course_ids:
        return {}
    mine = Q(
        response__user=user,
        response__course_id__in=course_ids,
        response__wave__in=BEFORE_AND_AFTER_WAVES,
        response__status=ResponseStatus.SUBMITTED,
    )
    values: dict[tuple, dict[str, int]] = {}
    names: dict[tuple, tuple[str, str, int]] = {}
    rows = (
        SurveyAnswer.objects.filter(mine, measure__isnull=False, number_value__isnull=False)
        .values_list(
            "response__course_id",
            "response__wave",
            "measure_id",
            "measure__name",
            "measure__kind",
            "question__position",
            "number_value",
        )
        .order_by("question__position")
    )
    for course_id, wave, measure_id, name, kind, position, value in rows:
        key = (course_id, measure_id)
        values.setdefault(key, {})[wave] = value
        names.setdefault(key, (name, kind, position))
    changes: dict[int, list[Change]] = {}
    for key, by_wave in values.items():
        if len(by_wave) == 2:
            course_id = key[0]
            name, kind, _position = names[key]
            changes.setdefault(course_id, []).append(
                Change(name, kind, by_wave[WaveKind.BASELINE], by_wave[WaveKind.POST])
            )
    scores: dict[int, dict[str, int]] = {}
    for course_id, wave, score in SurveyResponse.objects.filter(
        user=user,
        course_id__in=course_ids,
        wave__in=BEFORE_AND_AFTER_WAVES,
        status=ResponseStatus.SUBMITTED,
        knowledge_score__isnull=False,
    ).values_list("course_id", "wave", "knowledge_score"):
        scores.setdefault(course_id, {})[wave] = score
    for course_id, by_wave in scores.items():
        if len(by_wave) == 2:
            changes.setdefault(course_id, []).append(
                Change("Knowledge", "knowledge", by_wave[WaveKind.BASELINE], by_wave[WaveKind.POST])
            )
    return changes
