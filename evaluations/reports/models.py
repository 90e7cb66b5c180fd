"""What the reports store: a partnership's local outcome indicators with their quarterly
figures, and the exports people ask for.

Everything else on a report is computed from other apps' rows when it is asked for.
"""

import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from learning_site.files import private_storage

QUARTER_START_MONTHS = (1, 4, 7, 10)


def quarter_start(day: datetime.date) -> datetime.date:
    """The first day of the calendar quarter holding ``day``."""
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_label(start: datetime.date) -> str:
    """ "Jan to Mar 2025": plain words rather than "2025 Q1", which boards read as the
    financial year in some places and the calendar year in others."""
    end = datetime.date(start.year, start.month + 2, 1)
    return f"{start:%b} to {end:%b} {start.year}"


class OutcomeIndicatorQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)


class OutcomeIndicator(models.Model):
    """A local figure the board watches beside training reach (for example re-referrals
    for neglect). Shown as context: the report never says training caused a change."""

    partnership = models.ForeignKey(
        "learning_site.Partnership", on_delete=models.CASCADE, related_name="outcome_indicators"
    )
    slug = models.SlugField(max_length=80, help_text="A short stable name used in exports.")
    name = models.CharField(max_length=200, help_text="As the board knows it.")
    description = models.TextField(
        blank=True, help_text="What is counted, and where the figure comes from."
    )
    unit = models.CharField(
        max_length=60,
        default="children",
        help_text="What one unit of the figure is, for example “children” or “per cent”.",
    )
    higher_is_better = models.BooleanField(
        default=False,
        help_text="Tick if the partnership wants this figure to go up (for example uptake "
        "of the two-year-old offer).",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = OutcomeIndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "slug"], name="impact_reports_indicator_slug_unique"
            )
        ]
        permissions = [
            (
                "manage_outcome_indicators",
                "Can edit the local outcome indicators of own partnership",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def direction_label(self) -> str:
        return "Higher is better" if self.higher_is_better else "Lower is better"


class IndicatorValue(models.Model):
    """One quarter's figure for one indicator."""

    indicator = models.ForeignKey(OutcomeIndicator, on_delete=models.CASCADE, related_name="values")
    quarter_start = models.DateField(
        help_text="The first day of the quarter: 1 January, 1 April, 1 July or 1 October."
    )
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.CharField(
        max_length=255, blank=True, help_text="Optional: anything a reader should know."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "quarter_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "quarter_start"], name="impact_reports_one_value_per_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {quarter_label(self.quarter_start)}"

    def clean(self):
        if self.quarter_start and (
            self.quarter_start.day != 1 or self.quarter_start.month not in QUARTER_START_MONTHS
        ):
            raise ValidationError(
                {
                    "quarter_start": "Enter the first day of a quarter (1 January, 1 April, "
                    "1 July or 1 October)."
                }
            )
        if self.value is not None and self.value < Decimal(0):
            raise ValidationError({"value": "The figure cannot be negative."})

    @property
    def quarter_label(self) -> str:
        return quarter_label(self.quarter_start)


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV (one row per figure)"
    PDF = "pdf", "PDF annual training-impact report"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being prepared"
    READY = "ready", "Ready to download"
    FAILED = "failed", "Failed"


class ReportExportQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(requested_by=user)


def export_upload_to(instance, filename: str) -> str:
    return f"impact_reports/exports/{instance.pk}/{filename}"


class ReportExport(models.Model):
    """A requested export, built by a Celery task. The row is the progress record: the
    page showing it reads ``status`` and ``progress``, so it needs no result backend."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_exports"
    )
    partnership = models.ForeignKey(
        "learning_site.Partnership", on_delete=models.CASCADE, related_name="report_exports"
    )
    export_format = models.CharField(max_length=10, choices=ExportFormat.choices)
    filters = models.JSONField(default=dict, help_text="The report filters, as query values.")
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    step = models.CharField(max_length=120, blank=True)
    # Private storage: outside MEDIA_ROOT and without a URL, so a board pack is only ever
    # sent by the download view, which checks who asks.
    file = models.FileField(upload_to=export_upload_to, blank=True, storage=private_storage)
    error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ReportExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_export_format_display()} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ExportStatus.READY, ExportStatus.FAILED)

    @property
    def filename(self) -> str:
        stamp = self.created_at.astimezone(timezone.get_current_timezone()).strftime("%Y-%m-%d")
        return f"training-impact-{self.partnership.slug}-{stamp}.{self.export_format}"


class ApprovedCommentQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(partnership=partnership)


class ApprovedComment(models.Model):
    """A trainer's decision that one free-text survey answer may appear, without a name,
    in the board's report. Withdrawing the approval deletes the row."""

    answer = models.OneToOneField(
        "evaluations.SurveyAnswer", on_delete=models.CASCADE, related_name="report_approval"
    )
    partnership = models.ForeignKey(
        "learning_site.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now)

    objects = ApprovedCommentQuerySet.as_manager()

    class Meta:
        ordering = ["-approved_at"]

    def __str__(self) -> str:
        return f"Comment {self.answer_id} approved for the report"


class ResponseFigure(models.Model):
    """The report's summary of the survey answers: one row per submitted later-wave
    response (end of module or a follow-up) and figure, with the same person's baseline
    value for the same module beside it.

    A figure is either the response's learning pair (``LEARNING``: knowledge score in
    ``value``/``baseline`` and mean confidence in ``confidence``/``baseline_confidence``,
    present only when the response and its baseline carry both) or one measure's answers
    (``MEASURE``: their mean in ``value``, the baseline answers' mean in ``baseline``).

    The report pairs these rows instead of joining half a million raw answers on every
    add-up. ``evaluations.reports.summary`` keeps them up to date whenever a response or
    an answer is saved or deleted; ``manage.py rebuild_report_summary`` rebuilds them
    (after a bulk load, which sends no signals).
    """

    LEARNING = "learning"
    MEASURE = "measure"

    response = models.ForeignKey(
        "evaluations.SurveyResponse", on_delete=models.CASCADE, related_name="+"
    )
    person = models.UUIDField(help_text="The response's respondent key.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    wave = models.CharField(max_length=20)
    submitted_at = models.DateTimeField()
    # Where the answers were given, as on the response and on its baseline: a pair
    # counts for a partnership or agency only when both were given there.
    partnership = models.ForeignKey(
        "learning_site.Partnership", null=True, on_delete=models.CASCADE, related_name="+"
    )
    agency = models.CharField(max_length=40, blank=True)
    baseline_partnership = models.ForeignKey(
        "learning_site.Partnership", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    baseline_agency = models.CharField(max_length=40, blank=True)
    figure = models.CharField(max_length=10)
    measure = models.ForeignKey(
        "evaluations.Measure", null=True, on_delete=models.CASCADE, related_name="+"
    )
    value = models.FloatField(null=True)
    baseline = models.FloatField(null=True)
    confidence = models.FloatField(null=True)
    baseline_confidence = models.FloatField(null=True)
    # For "reported applying the learning": the highest number answered, and whether a
    # choice answer was "yes".
    highest = models.IntegerField(null=True)
    said_yes = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["partnership", "figure", "wave"]),
            models.Index(fields=["person", "course"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "figure", "measure"],
                name="one_summary_row_per_response_figure_measure",
            )
        ]

    def __str__(self) -> str:
        return f"{self.figure} {self.wave} {self.value}"


class PersonFigure(models.Model):
    """One person's pairs of one figure and wave in one partnership, already combined:
    the mean before, after and change over their modules (``pairs`` of them).

    The whole partnership's report reads these (tens of thousands of rows, one per person)
    instead of grouping hundreds of thousands of ``ResponseFigure`` rows per person on
    every add-up; a filtered report groups the ``ResponseFigure`` rows it needs. Both are
    kept by ``evaluations.reports.summary`` from the same rows, and a test checks that
    they give the same figures.

    ``figure`` is ``knowledge`` or ``confidence`` (the module's before/after survey) or
    ``measure`` (one measure of the follow-up surveys, ``measure`` set). A pair counts for a
    partnership when its later answer and its baseline were both given there. ``applied``
    rows hold whether the person reported applying the learning at a follow-up wave.
    ``answered`` rows say only that the person sent a survey of that wave (any wave,
    baseline included) in that partnership: the report's "people who answered".
    """

    KNOWLEDGE = "knowledge"
    CONFIDENCE = "confidence"
    MEASURE = "measure"
    APPLIED = "applied"
    ANSWERED = "answered"

    partnership = models.ForeignKey(
        "learning_site.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    person = models.UUIDField()
    figure = models.CharField(max_length=10)
    measure = models.ForeignKey(
        "evaluations.Measure", null=True, on_delete=models.CASCADE, related_name="+"
    )
    wave = models.CharField(max_length=20)
    pairs = models.PositiveIntegerField(default=0)
    before = models.FloatField(null=True)
    after = models.FloatField(null=True)
    change = models.FloatField(null=True)
    # ``applied`` rows (one per person and follow-up wave): whether the person was asked
    # the applied-learning measure and agreed, and whether they answered a practice
    # measure and did at least one of the things it asks about. Which measure is which is
    # read from the measures when the row is made, so editing a measure's kind or slug
    # remakes every person's rows (``summary``).
    asked = models.BooleanField(default=False)
    agreed = models.BooleanField(default=False)
    reported = models.BooleanField(default=False)
    acted = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["partnership", "figure"]),
            models.Index(fields=["person"]),
        ]

    def __str__(self) -> str:
        return f"{self.figure} {self.wave} over {self.pairs} pairs"
