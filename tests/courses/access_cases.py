from courses import services
from courses.models import Certificate, CourseCompletion, JournalEntry
from tests.access import NOT_ALLOWED, NOT_FOUND, OK, AccessCase, everyone, signed_in_only


def build_world(world):
    from tests.courses.conftest import build_course

    course, lesson1, _ = build_course(world.home)
    world.course = course
    enrolment = services.enrol(world.learner, course)
    world.entry = services.save_journal_entry(
        JournalEntry(author=world.learner), body="Private words."
    )
    completion = CourseCompletion.objects.create(
        enrolment=enrolment, user=world.learner, course=course, knowledge_score=100
    )
    world.certificate = Certificate.objects.create(
        completion=completion, learner_name="Lee", course_title=course.title, cpd_hours=1
    )


def owner_only(**overrides):
    return signed_in_only(NOT_FOUND, learner=OK, **overrides)


CASES = {
    "my_learning": AccessCase(signed_in_only(OK)),
    "course_enrol": AccessCase(
        signed_in_only(NOT_ALLOWED), kwargs=lambda w: {"course_id": w.course.pk}
    ),
    "course_leave": AccessCase(
        signed_in_only(NOT_ALLOWED), kwargs=lambda w: {"course_id": w.course.pk}
    ),
    "journal": AccessCase(signed_in_only(OK)),
    "journal_new": AccessCase(signed_in_only(OK)),
    "journal_entry": AccessCase(owner_only(), kwargs=lambda w: {"entry_id": w.entry.pk}),
    "journal_edit": AccessCase(owner_only(), kwargs=lambda w: {"entry_id": w.entry.pk}),
    "journal_delete": AccessCase(owner_only(), kwargs=lambda w: {"entry_id": w.entry.pk}),
    "certificate_pdf": AccessCase(owner_only(), kwargs=lambda w: {"code": w.certificate.code}),
    "certificate_verify": AccessCase(everyone(OK)),
    "cpd_record": AccessCase(signed_in_only(OK)),
    "cpd_record_csv": AccessCase(signed_in_only(OK)),
    "cpd_record_pdf": AccessCase(signed_in_only(OK)),
}
