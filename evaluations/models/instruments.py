"""Survey instruments, their questions and measures, frozen versions, and which instrument
each wave of a module uses.

Questions are ordered children of an instrument (``Orderable`` + ``ParentalKey`` edited
with ``InlinePanel``): each is one flat row, so an ``InlinePanel`` is the natural editor
and reports can join a frozen question to its measure.

Editing a live instrument never changes answers already given: the first time an
instrument's current content is used, it is frozen into an ``InstrumentVersion`` with one
``FrozenQuestion`` row per question, and answers point at those rows.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from evaluations.admin_forms import PartnershipScopedAdminForm


class WaveKind(models.TextChoices):
    """When in a learner's journey through a module a survey is taken."""

    BASELINE = "baseline", "Before the module (baseline)"
    POST = "post", "At the end of the module"
    THREE_MONTHS = "three_months", "3 months after completion"
    TWELVE_MONTHS = "twelve_months", "12 months after completion"


# The module's one before/after instrument: answered before lesson 1 and at the end.
BEFORE_AND_AFTER_WAVES = (WaveKind.BASELINE, WaveKind.POST)

# Everything else about the waves is read from here, so a new wave (say 6 months) is a
# member above, a line in each table below, and a migration for the choices.

# Calendar months after completion for the waves that are sent by email.
FOLLOW_UP_MONTHS = {WaveKind.THREE_MONTHS: 3, WaveKind.TWELVE_MONTHS: 12}
FOLLOW_UP_WAVES = tuple(FOLLOW_UP_MONTHS)

# Short labels for tables, charts and the CSV.
WAVE_SHORT_LABELS = {
    WaveKind.BASELINE: "Before the module",
    WaveKind.POST: "End of the module",
    **{wave: f"{months} months after" for wave, months in FOLLOW_UP_MONTHS.items()},
}
# The waves compared with the baseline in the board report.
LATER_WAVES = (WaveKind.POST, *FOLLOW_UP_WAVES)


def wave_months(wave: str) -> int | None:
    """Calendar months after completion at which ``wave`` is sent (None: not emailed)."""
    return FOLLOW_UP_MONTHS.get(wave)


def wave_label(wave: str) -> str:
    return WAVE_SHORT_LABELS.get(wave, "")


def follow_up_months_text() -> str:
    """The follow-up months in words, for sentences: "3 and 12"."""
    months = [str(m) for m in FOLLOW_UP_MONTHS.values()]
    return months[0] if len(months) == 1 else ", ".join(months[:-1]) + " and " + months[-1]


class QuestionKind(models.TextChoices):
    LIKERT = "likert", "Scale of 1 to 5"
    SINGLE = "single", "Choose one"
    MULTIPLE = "multiple", "Choose any that apply"
    NUMBER = "number", "Number"
    TEXT = "text", "Free text"


# Question kinds whose answer is stored as a number (and so can be averaged in reports).
NUMERIC_KINDS = (QuestionKind.LIKERT, QuestionKind.NUMBER)
DEFAULT_LIKERT_LABELS = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
]


class Measure(models.Model):
    """What a question measures, so reports can compare the same thing across waves,
    modules and instruments (Kirkpatrick level 3: what people do in practice)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200, help_text="Short, as it should read in a report table.")
    description = models.TextField(blank=True, help_text="What a higher answer means.")
    kind = models.CharField(
        max_length=20,
        choices=[("confidence", "Confidence (1 to 5)"), ("practice", "Practice (how often)")],
        default="practice",
        help_text="Confidence measures are averaged; practice measures count how often.",
    )
    partnership = models.ForeignKey(
        "learning_site.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_measures",
        help_text=(
            "Leave empty to share the measure with every partnership. Shared measures are "
            "what reports compare across partnerships, so only administrators change them."
        ),
    )

    base_form_class = PartnershipScopedAdminForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("partnership"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InstrumentQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        """Instruments a partnership may use: its own and the shared ones."""
        return self.filter(Q(partnership=partnership) | Q(partnership__isnull=True))


class Instrument(index.Indexed, ClusterableModel):
    """A survey: an ordered list of questions, written by a trainer in the admin."""

    title = models.CharField(max_length=200, help_text="Learners see this as the survey title.")
    slug = models.SlugField(max_length=80, unique=True)
    partnership = models.ForeignKey(
        "learning_site.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_instruments",
        help_text="Leave empty to share the survey with every partnership.",
    )
    intro = models.TextField(
        blank=True, help_text="Shown above the questions: why the survey matters."
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        default=5, help_text="How long it takes, said in the invitation email."
    )

    objects = InstrumentQuerySet.as_manager()

    base_form_class = PartnershipScopedAdminForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel("partnership"),
                FieldPanel("intro"),
                FieldPanel("estimated_minutes"),
            ],
            heading="Survey",
        ),
        InlinePanel("questions", heading="Questions", label="Question", min_num=1),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        # The admin's chooser searches only the trainer's partnership's and shared rows.
        index.FilterField("partnership"),
    ]

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def content(self) -> list[dict]:
        """The questions as plain data: what a version freezes."""
        return [q.as_data() for q in self.questions.all().order_by("sort_order", "pk")]

    def current_version(self) -> "InstrumentVersion":
        """The frozen version matching the instrument's content now, made on first use."""
        data = self.content()
        digest = hashlib.sha256(
            json.dumps(
                {"title": self.title, "intro": self.intro, "questions": data}, sort_keys=True
            ).encode()
        ).hexdigest()
        with transaction.atomic():
            # Lock the instrument row so two first uses do not freeze the same content twice.
            Instrument.objects.select_for_update().filter(pk=self.pk).first()
            existing = self.versions.filter(content_hash=digest).order_by("-number").first()
            if existing:
                return existing
            last = self.versions.order_by("-number").values_list("number", flat=True).first()
            version = InstrumentVersion.objects.create(
                instrument=self,
                number=(last or 0) + 1,
                title=self.title,
                intro=self.intro,
                estimated_minutes=self.estimated_minutes,
                content_hash=digest,
                questions=data,
            )
            measures = {
                m.slug: m for m in Measure.objects.filter(slug__in=[q["measure"] for q in data])
            }
            FrozenQuestion.objects.bulk_create(
                FrozenQuestion(
                    version=version,
                    position=position,
                    key=q["key"],
                    kind=q["kind"],
                    text=q["text"],
                    help_text=q["help_text"],
                    choices=q["choices"],
                    scale_labels=q["scale_labels"],
                    min_value=q["min_value"],
                    max_value=q["max_value"],
                    required=q["required"],
                    measure=measures.get(q["measure"]),
                )
                for position, q in enumerate(data, start=1)
            )
        return version


class Question(Orderable):
    """One question of an instrument, as the trainer is editing it now."""

    instrument = ParentalKey(Instrument, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        max_length=60,
        help_text="A short fixed name for the question (e.g. 'used-chronology'). Keep it "
        "when you reword the question so reports can follow it.",
    )
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    text = models.CharField(max_length=500, help_text="The question as learners read it.")
    help_text = models.CharField(
        "hint", max_length=300, blank=True, help_text="Optional hint shown under the question."
    )
    measure = models.ForeignKey(
        Measure,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="What the answer measures, for reports across waves.",
    )
    choices = models.TextField(
        blank=True,
        help_text="For 'choose one' and 'choose any': one option per line.",
    )
    scale_labels = models.TextField(
        blank=True,
        help_text="For a 1 to 5 scale: five labels, one per line, from 1 to 5. Leave empty "
        "for 'Strongly disagree' to 'Strongly agree'.",
    )
    min_value = models.PositiveIntegerField(
        null=True, blank=True, help_text="For a number: the smallest allowed (default 0)."
    )
    max_value = models.PositiveIntegerField(
        null=True, blank=True, help_text="For a number: the largest allowed (default 999)."
    )
    required = models.BooleanField(default=True)

    panels = [
        FieldPanel("key"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("measure"),
        FieldPanel("choices"),
        FieldPanel("scale_labels"),
        FieldPanel("min_value"),
        FieldPanel("max_value"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["instrument", "key"], name="question_key_unique")
        ]

    def __str__(self) -> str:
        return self.text

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        if (
            self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
            and len(self.choice_list()) < 2
        ):
            raise ValidationError({"choices": "Give at least two options, one per line."})
        labels = [line.strip() for line in self.scale_labels.splitlines() if line.strip()]
        if self.kind == QuestionKind.LIKERT and labels and len(labels) != 5:
            raise ValidationError({"scale_labels": "Give exactly five labels, or none."})
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            raise ValidationError({"max_value": "The largest must not be below the smallest."})

    def as_data(self) -> dict:
        labels = [line.strip() for line in self.scale_labels.splitlines() if line.strip()]
        return {
            "key": self.key,
            "kind": self.kind,
            "text": self.text,
            "help_text": self.help_text,
            "measure": self.measure.slug if self.measure_id else "",
            "choices": self.choice_list() if self.kind in ("single", "multiple") else [],
            "scale_labels": (labels or DEFAULT_LIKERT_LABELS) if self.kind == "likert" else [],
            "min_value": (self.min_value if self.min_value is not None else 0)
            if self.kind == "number"
            else None,
            "max_value": (self.max_value if self.max_value is not None else 999)
            if self.kind == "number"
            else None,
            "required": self.required,
        }


class InstrumentVersion(models.Model):
    """An instrument's content frozen when first used. Never edited afterwards."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(default=5)
    content_hash = models.CharField(max_length=64)
    questions = models.JSONField(help_text="The questions as they were, for the record.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["instrument", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="instrument_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.number})"


class FrozenQuestion(models.Model):
    """A question of one frozen version: what answers point at."""

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="frozen_questions"
    )
    position = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=60)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    text = models.CharField(max_length=500)
    help_text = models.CharField(max_length=300, blank=True)
    choices = models.JSONField(default=list, blank=True)
    scale_labels = models.JSONField(default=list, blank=True)
    min_value = models.IntegerField(null=True, blank=True)
    max_value = models.IntegerField(null=True, blank=True)
    required = models.BooleanField(default=True)
    measure = models.ForeignKey(
        Measure, null=True, blank=True, on_delete=models.PROTECT, related_name="frozen_questions"
    )

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="frozen_question_key_unique")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def field_name(self) -> str:
        return f"q_{self.pk}"


class WaveInstrumentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class WaveInstrument(models.Model):
    """Which instrument a wave uses. Leave the module empty for a partnership default;
    leave the partnership empty for the default everywhere. The most specific row wins:
    this partnership and module, this partnership, this module, then everywhere."""

    wave = models.CharField(max_length=20, choices=WaveKind.choices)
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="waves")
    partnership = models.ForeignKey(
        "learning_site.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: every partnership.",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="module",
        help_text="Empty: every module (the default).",
    )
    is_active = models.BooleanField(
        default=True, help_text="Switch off to stop new surveys for this wave."
    )

    objects = WaveInstrumentQuerySet.as_manager()

    base_form_class = PartnershipScopedAdminForm
    panels = [
        FieldPanel("wave"),
        FieldPanel("instrument"),
        FieldPanel("course"),
        FieldPanel("partnership"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = "survey schedule"
        indexes = [models.Index(fields=["wave", "course", "partnership"])]

    def __str__(self) -> str:
        where = self.course.title if self.course_id else "every module"
        who = self.partnership.name if self.partnership_id else "every partnership"
        return f"{self.get_wave_display()}: {self.instrument} ({where}, {who})"

    def clean(self):
        # A unique constraint cannot say "empty equals empty" on every database, so the
        # one-row-per-wave-module-partnership rule is checked here.
        clash = WaveInstrument.objects.filter(
            wave=self.wave, course=self.course, partnership=self.partnership
        ).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError(
                "There is already a survey for this wave, module and partnership. Edit that one."
            )

    @classmethod
    def resolve(cls, wave: str, course, partnership) -> "Instrument | None":
        """The instrument for one wave of one module for one partnership, or None."""
        key = (wave, course.pk if course else None, partnership.pk if partnership else None)
        return cls.resolve_many([key])[key]

    @classmethod
    def resolve_many(cls, keys) -> dict[tuple, "Instrument | None"]:
        """:meth:`resolve` for many ``(wave, course id, partnership id)`` at once, with one
        query: each key's instrument, or None."""
        keys = set(keys)
        if not keys:
            return {}
        waves = {wave for wave, _, _ in keys}
        courses = {course for _, course, _ in keys if course is not None}
        partnerships = {partnership for _, _, partnership in keys if partnership is not None}
        rows = list(
            cls.objects.active()
            .filter(wave__in=waves)
            .filter(Q(course_id__in=courses) | Q(course__isnull=True))
            .filter(Q(partnership_id__in=partnerships) | Q(partnership__isnull=True))
            .select_related("instrument")
        )

        def rank(row):
            return (row.partnership_id is None, row.course_id is None)

        found = {}
        for key in keys:
            wave, course, partnership = key
            best = min(
                (
                    row
                    for row in rows
                    if row.wave == wave
                    and row.course_id in (course, None)
                    and row.partnership_id in (partnership, None)
                ),
                key=rank,
                default=None,
            )
            found[key] = best.instrument if best else None
        return found
