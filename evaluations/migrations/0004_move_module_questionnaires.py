"""Move the module's own before/after answers (courses.CourseQuestionnaireResponse) onto
the baseline and post survey responses, so one instrument holds them and nothing is lost.

Each old row becomes, for the same learner, module and wave ("baseline" or "post"):
- its knowledge answers, knowledge score and mean confidence on the learner's survey
  response of that wave, if they had one (their answers there are kept as they are);
- otherwise a sent response of a frozen record-only survey, "The module's own before and
  after questions", which no wave offers to learners.
Each rating of a learning outcome becomes an answer to a question of that record-only
survey naming the outcome, so the learner's per-outcome ratings are kept too.
"""

import hashlib
import json
import uuid

from django.db import migrations

LEGACY_SLUG = "module-before-after-questions"
LEGACY_TITLE = "The module's own before and after questions"


def _legacy_version(apps, outcome_texts):
    Instrument = apps.get_model("evaluations", "Instrument")
    InstrumentVersion = apps.get_model("evaluations", "InstrumentVersion")
    FrozenQuestion = apps.get_model("evaluations", "FrozenQuestion")
    instrument, _ = Instrument.objects.get_or_create(
        slug=LEGACY_SLUG,
        defaults={
            "title": LEGACY_TITLE,
            "intro": "Answers given before the module's questions moved into its survey.",
        },
    )
    questions = [
        {
            "key": f"outcome-{outcome_id}",
            "kind": "likert",
            "text": f"How confident are you that you can: {text}",
        }
        for outcome_id, text in sorted(outcome_texts.items())
    ]
    digest = hashlib.sha256(json.dumps(questions, sort_keys=True).encode()).hexdigest()
    version, _ = InstrumentVersion.objects.get_or_create(
        instrument=instrument,
        number=1,
        defaults={"title": LEGACY_TITLE, "content_hash": digest, "questions": questions},
    )
    by_key = {}
    for position, q in enumerate(questions, start=1):
        by_key[q["key"]], _ = FrozenQuestion.objects.get_or_create(
            version=version,
            key=q["key"],
            defaults={
                "position": position,
                "kind": "likert",
                "text": q["text"][:500],
                "scale_labels": [
                    "Not at all confident",
                    "Slightly confident",
                    "Fairly confident",
                    "Confident",
                    "Very confident",
                ],
                "required": False,
            },
        )
    return version, by_key


def move(apps, schema_editor):
    Old = apps.get_model("courses", "CourseQuestionnaireResponse")
    LearningOutcome = apps.get_model("courses", "LearningOutcome")
    Respondent = apps.get_model("evaluations", "Respondent")
    SurveyResponse = apps.get_model("evaluations", "SurveyResponse")
    SurveyAnswer = apps.get_model("evaluations", "SurveyAnswer")
    if not Old.objects.exists():
        return
    outcome_ids = {int(k) for row in Old.objects.all() for k in row.confidence}
    texts = dict(LearningOutcome.objects.filter(pk__in=outcome_ids).values_list("pk", "text"))
    outcome_texts = {
        pk: texts.get(pk, "a learning outcome no longer in the module") for pk in outcome_ids
    }
    version, questions = _legacy_version(apps, outcome_texts)
    for old in Old.objects.select_related("enrolment__user").iterator():
        user = old.enrolment.user
        moved = {
            "knowledge_answers": old.knowledge_answers,
            "knowledge_score": old.knowledge_score,
            "mean_confidence": old.mean_confidence,
        }
        response = SurveyResponse.objects.filter(
            user=user, course_id=old.enrolment.course_id, wave=old.stage
        ).first()
        if response is not None:
            SurveyResponse.objects.filter(pk=response.pk).update(**moved)
            continue
        respondent, _ = Respondent.objects.get_or_create(user=user, defaults={"key": uuid.uuid4()})
        response = SurveyResponse.objects.create(
            user=user,
            respondent_key=respondent.key,
            partnership_id=user.partnership_id,
            agency=user.agency,
            course_id=old.enrolment.course_id,
            wave=old.stage,
            instrument_version=version,
            status="submitted",
            started_at=old.submitted_at,
            saved_at=old.submitted_at,
            submitted_at=old.submitted_at,
            **moved,
        )
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(
                response=response,
                question=questions[f"outcome-{outcome_id}"],
                number_value=int(rating),
                answered_at=old.submitted_at,
            )
            for outcome_id, rating in old.confidence.items()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0003_before_after_on_the_survey"),
        ("courses", "0005_journal_entry_submission_key"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
