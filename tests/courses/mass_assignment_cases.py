"""Modules, lesson reflections and the journal (see tests/mass_assignment.py)."""

from tests.mass_assignment import FormCase, NotAForm, unique


def build_world(world):
    from courses import services
    from courses.models import JournalEntry
    from tests.courses.conftest import build_course

    # Enrolled and started: the lesson's reflection is open, and the other learner is on
    # the same module.
    course, lesson, _ = build_course(world.home, slug="mass-assignment-module")
    enrolment = services.enrol(world.learner, course)
    services.record_visit(enrolment, lesson)
    world.other_enrolment = services.enrol(world.other_learner, course)
    world.course, world.lesson = course, lesson
    # Not enrolled.
    world.new_course = build_course(world.home, slug="mass-assignment-new")[0]
    world.entry = services.save_journal_entry(
        JournalEntry(author=world.learner), title="Mine", body="My words."
    )
    world.other_entry = services.save_journal_entry(
        JournalEntry(author=world.other_learner), title="Theirs", body="Their words."
    )


def _entries_are_their_authors(world):
    from courses.models import JournalEntry

    other = JournalEntry.objects.get(pk=world.other_entry.pk)
    assert other.author == world.other_learner and other.body == "Their words."
    assert set(
        JournalEntry.objects.exclude(pk=world.other_entry.pk).values_list("author", flat=True)
    ) <= {world.learner.pk}


def _journal_entry(world):
    return {"title": unique("Entry "), "body": "What I noticed today."}


def _entry_saved_as_theirs(world):
    from courses.models import JournalEntry

    _entries_are_their_authors(world)
    assert JournalEntry.objects.get(title=world.posted["title"]).author == world.learner


def _enrolments_are_their_own(world):
    from courses.models import Enrolment

    assert not Enrolment.objects.filter(user=world.other_learner, course=world.new_course).exists()
    world.other_enrolment.refresh_from_db()
    assert world.other_enrolment.user == world.other_learner
    assert world.other_enrolment.left_at is None


def _enrolled(world):
    from courses.models import Enrolment

    _enrolments_are_their_own(world)
    assert Enrolment.objects.filter(user=world.learner, course=world.new_course).exists()


def _reflection(world):
    return {"reflection-day-in-the-life-text": "She gets herself up and finds cereal."}


def _reflection_is_theirs(world):
    from courses.models import JournalEntry

    _entries_are_their_authors(world)
    saved = JournalEntry.objects.get(reflection_key="day-in-the-life", course=world.course)
    assert saved.author == world.learner


GET_ONLY = "A page or a download: it reads nothing from a POST body and saves nothing."

CASES = {
    "course_enrol": FormCase(
        who="learner",
        kwargs=lambda w: {"course_id": w.new_course.pk},
        data=lambda w: {},
        check=_enrolled,
    ),
    "course_leave": FormCase(
        who="learner",
        kwargs=lambda w: {"course_id": w.course.pk},
        data=lambda w: {},
        check=_enrolments_are_their_own,
    ),
    # Lesson reflections are posted to the lesson page's own route for them.
    "page:courses.LessonPage": FormCase(
        who="learner",
        url=lambda w: w.lesson.subpage_url("reflection", "day-in-the-life"),
        data=_reflection,
        check=_reflection_is_theirs,
    ),
    "journal_new": FormCase(who="learner", data=_journal_entry, check=_entry_saved_as_theirs),
    "journal_edit": FormCase(
        who="learner",
        kwargs=lambda w: {"entry_id": w.entry.pk},
        data=_journal_entry,
        check=_entry_saved_as_theirs,
    ),
    # Deleting their own entry: another person's id in the form deletes nothing of theirs.
    "journal_delete": FormCase(
        who="learner",
        kwargs=lambda w: {"entry_id": w.entry.pk},
        data=lambda w: {},
        accepted=(302, 404),
        check=_entries_are_their_authors,
    ),
    "my_learning": NotAForm(GET_ONLY),
    "journal": NotAForm(GET_ONLY),
    "journal_entry": NotAForm(GET_ONLY),
    "certificate_pdf": NotAForm(GET_ONLY),
    "certificate_verify": NotAForm(GET_ONLY),
    "cpd_record": NotAForm(GET_ONLY),
    "cpd_record_csv": NotAForm(GET_ONLY),
    "cpd_record_pdf": NotAForm(GET_ONLY),
}
