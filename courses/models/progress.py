import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from learning_site.files import private_storage


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(left_at__isnull=True)

    def for_partnership(self, partnership):
        return self.filter(user__partnership=partnership)

    def completed(self):
        return self.filter(completion__isnull=False)


class Enrolment(models.Model):
    """A learner on a module. Leaving keeps the row (and progress) so re-joining resumes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    # PROTECT: a module learners have records of is unpublished, never deleted
    # (learning_site/page_deletion.py refuses it in the admin with a message).
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="one_enrolment_per_course")
        ]
        indexes = [models.Index(fields=["course", "enrolled_at"])]

    def __str__(self) -> str:
        return f"{self.user} on {self.course}"

    @property
    def is_active(self) -> bool:
        return self.left_at is None


class LessonVisit(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="visits")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    first_visited_at = models.DateTimeField(default=timezone.now)
    last_visited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="one_visit_row_per_lesson")
        ]

    def __str__(self) -> str:
        return f"Visit to lesson {self.lesson_id}"


class CheckAttempt(models.Model):
    """Every answer to a knowledge check is kept: the first and the best are both derivable."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="check_attempts"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    check_key = models.CharField(max_length=60)
    attempt_number = models.PositiveSmallIntegerField()
    selected = models.JSONField(help_text="Indexes of the options chosen.")
    correct = models.BooleanField()
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["answered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson", "check_key", "attempt_number"],
                name="attempt_numbers_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.check_key} attempt {self.attempt_number}"


class CourseCompletion(models.Model):
    """Written once, when the completion rules are first met. Sends ``module_completed``."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="completion")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="completions"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="completions"
    )
    completed_at = models.DateTimeField(default=timezone.now)
    knowledge_score = models.PositiveSmallIntegerField(help_text="Best-attempt percentage.")

    class Meta:
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.user} completed {self.course} on {self.completed_at:%d %B %Y}"


CERTIFICATE_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CERTIFICATE_CODE_LENGTH = 12


def new_certificate_code() -> str:
    raw = "".join(secrets.choice(CERTIFICATE_CODE_ALPHABET) for _ in range(CERTIFICATE_CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def certificate_upload_to(instance, filename: str) -> str:
    return f"certificates/{instance.code}/{filename}"


def normalised_certificate_code(typed: str) -> str:
    """A code as someone copied it off a printed certificate (spaces, hyphens anywhere,
    small letters), written the way it is stored: ABCD-EFGH-JKLM. Text that cannot be a
    code comes back as its letters and digits only, in capitals."""
    raw = "".join(c for c in typed.upper() if c.isascii() and c.isalnum())
    if len(raw) != CERTIFICATE_CODE_LENGTH:
        return raw
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Certificate(models.Model):
    completion = models.OneToOneField(
        CourseCompletion, on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(max_length=14, unique=True, default=new_certificate_code)
    issued_at = models.DateTimeField(default=timezone.now)
    # Copied at issue so the certificate stays true if the module is renamed later.
    learner_name = models.CharField(max_length=150)
    course_title = models.CharField(max_length=255)
    cpd_hours = models.DecimalField(max_digits=4, decimal_places=1)
    # The PDF as issued, drawn once (by a Celery worker after completion, or at the first
    # download) and kept in private storage: only the learner's own download view sends it.
    file = models.FileField(
        upload_to=certificate_upload_to, blank=True, storage=private_storage, editable=False
    )

    def __str__(self) -> str:
        return self.code

    @property
    def filename(self) -> str:
        return f"certificate-{self.code}.pdf"
