from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.admin_forms import CoursePageForm
from courses.blocks import KnowledgeCheckBlock, LessonStreamBlock
from learning_site.fields import MultipleChoiceField
from learning_site.models import Agency


class CourseIndexPage(Page):
    """The list of neglect modules."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["learning_site.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = "module index"

    def get_context(self, request, *args, **kwargs):
        from courses import progress_rows
        from learning_site.content_version import cached_for_readers

        context = super().get_context(request, *args, **kwargs)
        # The list is the same for every reader: kept until content changes.
        modules = cached_for_readers(
            f"module-index:{self.pk}",
            lambda: list(CoursePage.objects.live().public().child_of(self).order_by("path")),
        )
        context["modules"] = modules
        context["enrolled_ids"] = (
            {
                course_id
                for course_id, enrolment in progress_rows.rows_for(request.user).enrolments.items()
                if enrolment.left_at is None
            }
            if request.user.is_authenticated
            else set()
        )
        return context


class LearningOutcome(Orderable):
    """One learning outcome, as rows with stable ids rather than lines of text (answers
    moved from the module's old before/after questions still name them)."""

    course = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="outcomes")
    text = models.CharField(
        max_length=255, help_text="Start with a verb: 'Recognise…', 'Use…', 'Explain…'."
    )

    panels = [FieldPanel("text")]

    def __str__(self) -> str:
        return self.text


class CoursePage(Page):
    """A neglect module: ordered lessons (child pages), outcomes and completion rules."""

    summary = models.TextField(help_text="One or two sentences shown in the module list.")
    audience = MultipleChoiceField(
        max_length=400,
        choices=Agency.choices,
        verbose_name="intended audience",
        help_text="The agencies this module is written for.",
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(5), MaxValueValidator(600)],
        help_text="How long the whole module takes, in minutes.",
    )
    cpd_hours = models.DecimalField(
        "CPD hours",
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text="Continuing professional development hours shown on the certificate.",
    )
    pass_mark = models.PositiveSmallIntegerField(
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Percentage of knowledge checks a learner must get right (retries allowed).",
    )
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage",
        blank=True,
        related_name="required_by",
        help_text="Modules a learner must complete before enrolling on this one.",
    )
    before_questions_required = models.BooleanField(
        "lessons wait for the 'before' questions",
        default=False,
        help_text="Tick to open lessons only after the learner has sent the 'before' "
        "survey set for this module. Untick to let them skip it for now.",
    )
    # The module's own before/after questions: asked without feedback before lesson 1 and
    # at the end, so a learner's change is measured on questions they have not already
    # met, answered and seen explained inside a lesson.
    before_after_questions = StreamField(
        [("question", KnowledgeCheckBlock())],
        blank=True,
        verbose_name="before and after questions",
        help_text="Knowledge questions asked in the module's 'before' and 'after' survey. "
        "Test the same learning outcomes as the lessons' knowledge checks, with different "
        "cases and wording. Leave empty to ask the lessons' knowledge checks instead.",
    )
    sources = RichTextField(
        blank=True, features=["italic", "link", "ul"], help_text="Citations for the module."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("outcomes", label="Learning outcomes", min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("estimated_minutes"),
                FieldPanel("cpd_hours"),
                FieldPanel("pass_mark"),
                FieldPanel("prerequisites"),
                FieldPanel("before_questions_required"),
            ],
            heading="Audience and completion",
        ),
        FieldPanel("before_after_questions"),
        FieldPanel("sources"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    base_form_class = CoursePageForm

    class Meta:
        verbose_name = "module"

    def clean(self):
        super().clean()
        if self.pk and self.pk in [p.pk for p in self.prerequisites.all()]:
            raise ValidationError({"prerequisites": "A module cannot be its own prerequisite."})

    def lessons(self):
        return LessonPage.objects.live().child_of(self).order_by("path")

    def live_lessons(self) -> list["LessonPage"]:
        """The module's live lessons in order, as ``lessons()``: the same for every
        reader, so kept in the shared cache under the site's content version (any page
        saved, published or moved gives a new one). The list is shared: copy it."""
        from learning_site.content_version import cached_for_readers

        return list(cached_for_readers(f"module-lessons:{self.pk}", lambda: list(self.lessons())))

    def audience_labels(self) -> list[str]:
        labels = dict(Agency.choices)
        return [labels.get(key, key) for key in self.audience]

    def get_context(self, request, *args, **kwargs):
        from courses.services import add_before_after, course_status_for, evaluate_completion

        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = self.live_lessons()
        status = course_status_for(request.user, self, context["lessons"])
        # Requirements met elsewhere (a scenario) record completion where they are met;
        # this catches any progress recorded before that was so. No query once complete.
        evaluate_completion(request.user, self, status)
        if status.enrolled or status.completion:
            add_before_after(request.user, [status])
        context["status"] = status
        return context


class LessonPage(RoutablePageMixin, Page):
    """One lesson: a short sitting of content, checks and reflections.

    Routable: the lesson at its own address, and an address for each knowledge check
    and reflection that its form posts to (``courses/lesson_flow.py``).
    """

    intro = models.CharField(max_length=300, blank=True, help_text="One sentence on the lesson.")
    body = StreamField(LessonStreamBlock(), use_json_field=True)
    requirements = models.JSONField(
        null=True,
        editable=False,
        help_text="What the lesson asks of a learner (checks, reflections, scenarios), read "
        "from its blocks on every save. Empty until first read for lessons saved before.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = "lesson"

    def clean(self):
        super().clean()
        keys = [
            block.value["key"]
            for block in self.body
            if block.block_type in ("knowledge_check", "reflection")
        ]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValidationError(
                {
                    "body": f"Each check and reflection needs its own key. Repeated: {', '.join(duplicates)}."
                }
            )

    def save(self, *args, **kwargs):
        from courses.requirements import read_lesson_requirements

        # Publishing saves the page from its revision, so the live lesson's requirements
        # always match its live blocks. A save of other fields only (a draft's revision
        # pointer) leaves them as they are.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.requirements = read_lesson_requirements(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "requirements"}
        return super().save(*args, **kwargs)

    @cached_property
    def course(self) -> "CoursePage":
        from learning_site.content_version import cached_for_readers

        parent = self.get_parent()
        # The module as every reader sees it, kept until content changes.
        return cached_for_readers(f"specific-page:{parent.pk}", lambda: parent.specific)

    def blocks_of(self, block_type: str):
        return [block for block in self.body if block.block_type == block_type]

    def requires_scenario(self, scenario_id: int) -> bool:
        """Whether this lesson asks the learner to complete the scenario (read from the
        stored blocks, no query). The scenario's debrief links back to such a lesson."""
        return any(
            block["type"] == "scenario" and block["value"].get("scenario") == scenario_id
            for block in self.body.raw_data
        )

    # --- routes ----------------------------------------------------------------------
    @path("")
    def lesson_route(self, request):
        from courses import lesson_flow

        if request.method == "POST":
            return lesson_flow.answer_from_earlier_form(self, request)
        return lesson_flow.show(self, request)

    @path("checks/<slug:key>/", name="check")
    def check_route(self, request, key: str):
        from courses import lesson_flow

        return lesson_flow.answer_check(self, request, key)

    @path("reflections/<slug:key>/", name="reflection")
    def reflection_route(self, request, key: str):
        from courses import lesson_flow

        return lesson_flow.save_reflection(self, request, key)

    def serve_preview(self, request, mode_name):
        """The admin's preview draws the lesson as it is being edited (perhaps a draft,
        perhaps not saved yet), whoever previews it, and records nothing."""
        from courses import lesson_flow

        return lesson_flow.preview(self, request)

    def subpage_url(self, name: str, *args) -> str:
        return self.url + self.reverse_subpage(name, args=args)

    def render_lesson(self, request, extra_context: dict, status: int = 200):
        context = self.get_context(request)
        context.update(extra_context)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def redirect_to(self, fragment: str = ""):
        return redirect(self.url + (f"#{fragment}" if fragment else ""))
