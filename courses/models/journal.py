from django.conf import settings
from django.db import models
from django.utils import timezone

GIBBS_HEADINGS = [
    ("what_happened", "What happened?", "Describe the situation or learning."),
    ("feelings", "What were you thinking and feeling?", ""),
    ("evaluation", "What was good and bad about it?", ""),
    ("analysis", "What sense can you make of it?", "Link it to research, guidance or theory."),
    ("conclusion", "What else could you have done?", ""),
    (
        "action_plan",
        "What will you do differently?",
        "This becomes 'impact on practice' in your CPD record.",
    ),
]


def first_words(text: str, count: int = 8) -> str:
    words = (text or "").split()
    if not words:
        return ""
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


class JournalEntryQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(author=user)


class JournalEntry(models.Model):
    """A private reflection. Only its author ever sees it: no admin, trainer or board page
    shows journal entries, and there is no snippet or model admin for them.

    All text is plain text, cleaned with ``sanitise_text`` on the way in.
    """

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    what_happened = models.TextField(blank=True)
    feelings = models.TextField(blank=True)
    evaluation = models.TextField(blank=True)
    analysis = models.TextField(blank=True)
    conclusion = models.TextField(blank=True)
    action_plan = models.TextField(blank=True)
    # Where it came from: a lesson prompt, a scenario debrief, or a free entry.
    prompt = models.TextField(blank=True)
    source_label = models.CharField(max_length=255, blank=True)
    source_url = models.CharField(max_length=500, blank=True)
    course = models.ForeignKey(
        "courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reflection_key = models.CharField(max_length=60, blank=True)
    include_in_cpd = models.BooleanField("Include in my CPD record", default=True)
    discussed_with_peer = models.BooleanField(
        "I have discussed this with a peer or supervisor", default=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # One-time key from the new-entry form: the same form sent twice saves one entry.
    submission_key = models.CharField(max_length=64, blank=True, editable=False)

    objects = JournalEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name_plural = "journal entries"
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                condition=~models.Q(submission_key=""),
                name="journal_entry_one_per_submission",
            )
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """The learner's title; else where it came from (lesson or scenario), the prompt
        it answers, or its first words. The date is shown beside it, never as the title."""
        if self.title:
            return self.title
        if self.source_label:
            return self.source_label
        return first_words(self.prompt) or first_words(self.text()) or "Untitled entry"

    def text(self) -> str:
        """All the learner's words: the reflection, then each heading answered."""
        parts = [self.body, *(getattr(self, name) for name, _, _ in GIBBS_HEADINGS)]
        return "\n\n".join(part for part in parts if part)

    def gibbs_sections(self):
        return [
            (label, getattr(self, name)) for name, label, _ in GIBBS_HEADINGS if getattr(self, name)
        ]


class JournalEntryVersion(models.Model):
    """The text as it was before an edit. Editing never loses earlier words."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="versions")
    snapshot = models.JSONField()
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-saved_at", "-id"]

    def __str__(self) -> str:
        return f"Version of {self.saved_at:%d %B %Y %H:%M}"
