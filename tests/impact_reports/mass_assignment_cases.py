"""Board packs, local indicators and comment approval (see tests/mass_assignment.py)."""

from django.urls import reverse

from tests.mass_assignment import FormCase


def build_world(world):
    from tests.courses.conftest import build_course
    from tests.impact_reports.evaluation_rows import Survey

    course = build_course(world.home, slug="mass-assignment-report")[0]
    survey = Survey("used-chronology")
    survey.respond(world.learner, course, "three_months", {}, text="I start a chronology.")
    survey.respond(world.other_learner, course, "three_months", {}, text="Riverside words.")
    world.own_answer = survey.text_question.answers.get(response__user=world.learner)
    world.indicator = world.partnership.outcome_indicators.first()
    world.indicators_before = _indicators()


def _indicators():
    from evaluations.reports.models import IndicatorValue, OutcomeIndicator

    return (
        sorted(OutcomeIndicator.objects.values_list("pk", "partnership", "name")),
        IndicatorValue.objects.count(),
    )


def _exports_are_their_own(world):
    from evaluations.reports.models import ReportExport

    exports = ReportExport.objects.all()
    assert exports.exists()
    assert set(exports.values_list("partnership", flat=True)) == {world.partnership.pk}
    assert set(exports.values_list("requested_by", flat=True)) == {world.board_member.pk}


def _approved_by_the_trainer(world):
    from evaluations.reports.models import ApprovedComment

    approval = ApprovedComment.objects.get()
    assert approval.answer == world.own_answer
    assert approval.approved_by == world.trainer and approval.partnership == world.partnership


def _indicators_unchanged(world):
    assert _indicators() == world.indicators_before


# Only platform administrators edit indicators (their choice of partnership is recorded:
# tests/learning_site/test_access_log.py); anyone else posting is refused.
INDICATORS = {"who": "trainer", "accepted": (403,), "check": _indicators_unchanged}

CASES = {
    # A board member's pack is of their own partnership, whatever the address or form say.
    "reports_export_new": FormCase(
        who="board_member",
        url=lambda w: reverse("reports_export_new") + f"?partnership={w.other_partnership.pk}",
        data=lambda w: {"export_format": "csv"},
        check=_exports_are_their_own,
    ),
    "reports_comment_approval": FormCase(
        who="trainer",
        kwargs=lambda w: {"answer_id": w.own_answer.pk},
        data=lambda w: {"decision": "approve"},
        check=_approved_by_the_trainer,
    ),
    "reports_indicator_new": FormCase(
        **INDICATORS,
        data=lambda w: {"name": "Smuggled", "description": "", "unit": "", "sort_order": 1},
    ),
    "reports_indicator": FormCase(
        **INDICATORS,
        kwargs=lambda w: {"indicator_id": w.indicator.pk},
        data=lambda w: {"action": "details", "name": "Renamed", "sort_order": 1},
    ),
    "reports_indicator_value_delete": FormCase(
        **INDICATORS,
        kwargs=lambda w: {"indicator_id": w.indicator.pk, "value_id": 1},
        data=lambda w: {},
    ),
}
