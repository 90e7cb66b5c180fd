from django.core.files.base import ContentFile

from tests.access import FORBIDDEN, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, AccessCase, everyone

# Board members, trainers and administrators read reports; learners may not.
READERS = {
    "anonymous": REDIRECT,
    "learner": FORBIDDEN,
    "other_learner": FORBIDDEN,
    "trainer": OK,
    "board_member": OK,
    "administrator": OK,
}
# Only administrators edit the local outcome indicators.
MANAGERS = {**READERS, "trainer": FORBIDDEN, "board_member": FORBIDDEN}
# Trainers (and administrators) approve free-text comments for sharing.
MODERATORS = {**READERS, "board_member": FORBIDDEN}
# An export belongs to the person who asked for it (others get 404, as for any
# object that is not theirs).
EXPORT_OWNER = {**READERS, "trainer": NOT_FOUND, "administrator": NOT_FOUND}


def build_world(world):
    from evaluations.reports.models import ExportStatus, ReportExport

    export = ReportExport.objects.create(
        requested_by=world.board_member,
        partnership=world.partnership,
        export_format="csv",
        status=ExportStatus.READY,
        progress=100,
    )
    export.file.save("report.csv", ContentFile(b"section\n"), save=True)
    world.report_export = export
    world.indicator = world.partnership.outcome_indicators.first()


CASES = {
    "reports_home": AccessCase(READERS),
    "reports_csv": AccessCase(READERS),
    "reports_export_new": AccessCase(everyone(NOT_ALLOWED)),
    "reports_export": AccessCase(EXPORT_OWNER, kwargs=lambda w: {"export_id": w.report_export.pk}),
    "reports_export_download": AccessCase(
        EXPORT_OWNER, kwargs=lambda w: {"export_id": w.report_export.pk}
    ),
    "reports_indicators": AccessCase(MANAGERS),
    "reports_indicator_new": AccessCase(MANAGERS),
    "reports_indicator": AccessCase(MANAGERS, kwargs=lambda w: {"indicator_id": w.indicator.pk}),
    "reports_comments": AccessCase(MODERATORS),
    "reports_comment_approval": AccessCase(
        everyone(NOT_ALLOWED), kwargs=lambda w: {"answer_id": 1}
    ),
    "reports_indicator_value_delete": AccessCase(
        everyone(NOT_ALLOWED),
        kwargs=lambda w: {"indicator_id": w.indicator.pk, "value_id": 1},
    ),
}
