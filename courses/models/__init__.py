"""Neglect modules: pages, progress, completion, certificates and the private journal."""

from .journal import GIBBS_HEADINGS, JournalEntry, JournalEntryVersion
from .pages import CourseIndexPage, CoursePage, LearningOutcome, LessonPage
from .progress import (
    Certificate,
    CheckAttempt,
    CourseCompletion,
    Enrolment,
    LessonVisit,
)

__all__ = [
    "GIBBS_HEADINGS",
    "Certificate",
    "CheckAttempt",
    "CourseCompletion",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "JournalEntry",
    "JournalEntryVersion",
    "LearningOutcome",
    "LessonPage",
    "LessonVisit",
]
