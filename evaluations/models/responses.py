"""Survey responses and their answers, one row per answer, shaped for SQL aggregates.

A report joins ``SurveyAnswer`` → ``SurveyResponse`` (wave, module, partnership, agency,
instrument version) and filters on ``SurveyAnswer.measure``; Likert and number answers are
in ``number_value`` so ``Avg``/``Sum`` work without touching Python.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from evaluations.models.instruments import FrozenQuestion, InstrumentVersion, Measure, WaveKind


class Respondent(models.Model):
    """A random key per learner that pairs their answers across waves (baseline with 12
    months) without naming them. Deleted with the account, so the key left on their
    answers then points at nobody."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_respondent"
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    def __str__(self) -> str:
        return str(self.key)

    @classmethod
    def key_for(cls, user) -> uuid.UUID:
        return cls.objects.get_or_create(user=user)[0].key


class ResponseStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "Started"
    SUBMITTED = "submitted", "Submitted"


class SurveyResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=ResponseStatus.SUBMITTED)

    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)

    def owned_by(self, user):
        return self.filter(user=user)


class SurveyResponse(models.Model):
    """One learner's answers to one wave of one module.

    ``partnership``, ``agency`` and ``completed_at`` are copied when the response starts,
    so they describe the learner at the time and survive account deletion."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    respondent_key = models.UUIDField(
        db_index=True, help_text="Pairs one learner's answers across waves, without a name."
    )
    # Empty only on before/after answers moved from the module's own questions (migration
    # 0004) of a learner outside any partnership: no report counts them, the learner keeps them.
    partnership = models.ForeignKey(
        "learning_site.Partnership", null=True, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.CharField(max_length=40, blank=True)
    course = models.ForeignKey(
        "courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    wave = models.CharField(max_length=20, choices=WaveKind.choices)
    instrument_version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="responses"
    )
    invitation = models.OneToOneField(
        "evaluations.FollowUpInvitation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="response",
    )
    status = models.CharField(
        max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.IN_PROGRESS
    )
    # Before and after the module (baseline and post waves) the survey also asks the
    # module's knowledge questions, without feedback: kept here, scored, so the board
    # report pairs a learner's score before with after. Empty on other waves.
    knowledge_answers = models.JSONField(
        default=dict, blank=True, help_text="{'lesson id:check key': [option indexes]}"
    )
    knowledge_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Per cent of the module's knowledge questions right."
    )
    # The mean of the confidence ratings (measures of kind "confidence") in this response,
    # kept with it so the report pairs before with after without adding up answers again.
    mean_confidence = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    saved_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = SurveyResponseQuerySet.as_manager()

    class Meta:
        ordering = ["started_at", "pk"]
        constraints = [
            # One response per learner, module and wave while the learner is known.
            models.UniqueConstraint(
                fields=["user", "course", "wave"],
                condition=Q(user__isnull=False),
                name="one_response_per_learner_module_wave",
            )
        ]
        indexes = [
            models.Index(fields=["partnership", "course", "wave", "status"]),
            models.Index(fields=["partnership", "submitted_at"]),
            models.Index(fields=["respondent_key", "course", "wave"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_wave_display()} response ({self.get_status_display()})"

    @property
    def is_submitted(self) -> bool:
        return self.status == ResponseStatus.SUBMITTED


class SurveyAnswer(models.Model):
    """One answer. Likert (1 to 5) and number answers are in ``number_value``; a single
    choice in ``choice``; several choices in ``choices``; free text in ``text_value``."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(FrozenQuestion, on_delete=models.PROTECT, related_name="answers")
    # Copied from the question so reports filter answers by measure without a join.
    measure = models.ForeignKey(
        Measure, null=True, blank=True, on_delete=models.PROTECT, related_name="answers"
    )
    number_value = models.IntegerField(null=True, blank=True)
    choice = models.CharField(max_length=300, blank=True)
    choices = models.JSONField(default=list, blank=True)
    text_value = models.TextField(blank=True)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["response", "question__position"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]
        indexes = [models.Index(fields=["measure", "response"])]

    def __str__(self) -> str:
        return f"Answer to {self.question_id}"

    def display_value(self) -> str:
        if self.number_value is not None:
            labels = self.question.scale_labels or []
            if self.question.kind == "likert" and 1 <= self.number_value <= len(labels):
                return f"{self.number_value} ({labels[self.number_value - 1]})"
            return str(self.number_value)
        if self.choices:
            return "; ".join(self.choices)
        return self.choice or self.text_value
