"""Migration evaluations 0004: the module's old before/after answers move onto the
baseline and post survey responses, so nothing is lost and the report still pairs them."""

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from courses.models import Enrolment
from evaluations.models import SurveyResponse
from evaluations.reports.filters import ReportFilters
from evaluations.reports.sections.learning import learning_section
from tests.courses.conftest import build_course
from tests.evaluations.factories import make_instrument

BEFORE = [
    ("courses", "0005_journal_entry_submission_key"),
    ("evaluations", "0003_before_after_on_the_survey"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# serialized_rollback as for every transactional test here: a plain one ends with a
# flush that re-runs post_migrate, which makes the concept topics again under new ids,
# and the next serialized test then cannot put the originals back (slug taken).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_before_and_after_answers_move_onto_the_survey_responses(
    learner, other_learner, home_page, partnership
):
    course, _, _ = build_course(home_page, slug="migrated-module")
    outcome = course.outcomes.first()
    mine = Enrolment.objects.create(user=learner, course=course)
    theirs = Enrolment.objects.create(user=other_learner, course=course)
    # The other learner had also started the evaluation's own 'before' survey.
    version = make_instrument().current_version()
    started = SurveyResponse.objects.create(
        user=other_learner,
        respondent_key=uuid.uuid4(),
        partnership=other_learner.partnership,
        course=course,
        wave="baseline",
        instrument_version=version,
    )

    old_apps = migrate(BEFORE)
    try:
        Old = old_apps.get_model("courses", "CourseQuestionnaireResponse")
        for enrolment, stage, score, rating in (
            (mine, "baseline", 40, 2),
            (mine, "post", 80, 4),
            (theirs, "baseline", 60, 3),
        ):
            Old.objects.create(
                enrolment_id=enrolment.pk,
                stage=stage,
                confidence={str(outcome.pk): rating},
                knowledge_answers={"1:definition": [0]},
                knowledge_score=score,
                mean_confidence=Decimal(rating),
            )
    finally:
        executor = MigrationExecutor(connection)
        migrate(executor.loader.graph.leaf_nodes())

    before = SurveyResponse.objects.get(user=learner, wave="baseline")
    after = SurveyResponse.objects.get(user=learner, wave="post")
    assert (before.knowledge_score, before.mean_confidence) == (40, 2)
    assert (after.knowledge_score, after.mean_confidence) == (80, 4)
    assert before.status == "submitted" and before.knowledge_answers == {"1:definition": [0]}
    # Each rating of a learning outcome is kept as an answer naming the outcome.
    [rating] = before.answers.select_related("question")
    assert rating.number_value == 2 and outcome.text in rating.question.text
    # A survey response the learner already had takes the old answers; theirs stay.
    started.refresh_from_db()
    assert started.knowledge_score == 60 and started.instrument_version == version
    assert SurveyResponse.objects.filter(user=other_learner).count() == 1
    # The board's Learning section pairs them as before.
    assert learning_section(ReportFilters(partnership)).knowledge.pairs == 1
