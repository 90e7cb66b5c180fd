"""The report's summary of survey answers stays true to the answers.

The board report pairs later answers with baseline answers from ``ResponseFigure`` rows
instead of half a million raw answers. These tests change answers the ways the site does
(a survey saved as a draft and then sent, a baseline sent after a follow-up, a response
deleted, a learner anonymised, answers loaded in bulk) and check that the rows, and so
the report's figures, follow; and that the rows kept up to date one change at a time are
exactly the rows a rebuild from scratch makes.
"""

import uuid

import pytest
from django.core.management import CommandError, call_command

from evaluations.models import Measure, Respondent, SurveyAnswer, SurveyResponse
from evaluations.reports import summary
from evaluations.reports.filters import ReportFilters
from evaluations.reports.models import PersonFigure, ResponseFigure
from evaluations.reports.sections import practice
from evaluations.reports.sections.learning import learning_section
from evaluations.reports.sections.practice import practice_section
from evaluations.services import anonymise_user, save_answers
from tests.impact_reports.evaluation_rows import Survey
from tests.impact_reports.factories import at, enrol, learner, questionnaire

pytestmark = pytest.mark.django_db


def rows(model=ResponseFigure):
    """Every summary row (or every person's combined row), as comparable values (without
    ids)."""
    fields = [f.attname for f in model._meta.concrete_fields if f.name != "id"]
    return sorted(tuple(str(v) for v in values) for values in model.objects.values_list(*fields))


def chronology_change(partnership, wave="three_months"):
    """(people, mean change) of the 'used chronology' measure at ``wave``."""
    section = practice_section(ReportFilters(partnership))
    for item in section.measures:
        if wave in item.waves:
            paired = item.waves[wave]
            return paired.people, paired.change.value
    return 0, None


def test_a_draft_adds_nothing_and_sending_it_pairs_it_with_the_baseline(partnership, course):
    survey = Survey("used-chronology")
    question = survey.questions["used-chronology"]
    user = learner(partnership)
    key = uuid.uuid4()
    survey.respond(user, course, "baseline", {"used-chronology": 2}, key=key)
    later = SurveyResponse.objects.create(
        user=user, respondent_key=key, partnership=partnership, agency=user.agency,
        course=course, wave="three_months", instrument_version=survey.version,
    )  # fmt: skip

    save_answers(later, [question], {question.field_name: "4"}, submit=False, now=at(2025, 10))
    assert not ResponseFigure.objects.filter(response=later).exists()

    save_answers(later, [question], {question.field_name: "5"}, submit=True, now=at(2025, 10))
    row = ResponseFigure.objects.get(response=later)
    assert (row.baseline, row.value, row.wave) == (2.0, 5.0, "three_months")
    assert row.submitted_at == at(2025, 10)


def test_a_baseline_sent_after_the_follow_up_pairs_them(partnership, course):
    survey = Survey("used-chronology")
    user = learner(partnership)
    key = uuid.uuid4()
    survey.respond(user, course, "three_months", {"used-chronology": 4}, key=key)
    assert ResponseFigure.objects.get().baseline is None

    survey.respond(user, course, "baseline", {"used-chronology": 1}, key=key)
    assert ResponseFigure.objects.get().baseline == 1.0
    # One learner: the figure exists but is hidden as fewer than 5 people.
    assert chronology_change(partnership)[0] == 1


def test_changing_or_deleting_a_baseline_changes_the_report(partnership, course):
    survey = Survey("used-chronology")
    baselines = []
    for _ in range(6):
        user = learner(partnership)
        key = uuid.uuid4()
        baselines.append(survey.respond(user, course, "baseline", {"used-chronology": 2}, key=key))
        survey.respond(user, course, "three_months", {"used-chronology": 4}, key=key)
    assert chronology_change(partnership) == (6, 2.0)

    # An answer corrected in the admin: the pair follows.
    answer = SurveyAnswer.objects.get(response=baselines[0])
    answer.number_value = 1
    answer.save()
    people, change = chronology_change(partnership)
    assert people == 6
    assert change == pytest.approx((3 + 2 * 5) / 6)

    # A deleted baseline leaves its follow-up without a pair.
    baselines[1].delete()
    people, change = chronology_change(partnership)
    assert people == 5
    assert change == pytest.approx((3 + 2 * 4) / 5)


def test_an_anonymised_learner_still_counts_but_is_no_longer_linked(partnership, course):
    """Anonymising keeps sent answers so totals do not change; the summary forgets who."""
    users = []
    for knowledge in (40, 50, 60, 50, 40, 60):
        user = learner(partnership)
        enrolment = enrol(user, course, at(2025, 5), completed=at(2025, 6))
        questionnaire(enrolment, "baseline", knowledge, 2)
        questionnaire(enrolment, "post", knowledge + 30, 4)
        users.append(user)
    before = learning_section(ReportFilters(partnership))
    assert before.knowledge.people == 6

    anonymise_user(users[0])
    after = learning_section(ReportFilters(partnership))
    assert after.knowledge.people == 6
    assert after.knowledge.change.value == before.knowledge.change.value == 30
    assert not ResponseFigure.objects.filter(user=users[0]).exists()


def test_rows_kept_one_change_at_a_time_are_the_rows_a_rebuild_makes(
    partnership, other_partnership, course, second_course
):
    survey = Survey("used-chronology", "applied-learning")
    responses = []
    for i in range(8):
        home = partnership if i % 3 else other_partnership
        user = learner(home)
        key = Respondent.key_for(user)
        for module in (course, second_course)[: 1 + i % 2]:
            enrolment = enrol(user, module, at(2025, 5), completed=at(2025, 6))
            questionnaire(enrolment, "baseline", 40 + i, 2)
            questionnaire(enrolment, "post", 70 + i, 4)
            survey.respond(user, module, "baseline", {"used-chronology": 1 + i % 3}, key=key)
            responses.append(
                survey.respond(
                    user, module, "three_months",
                    {"used-chronology": 3, "applied-learning": 2 + i % 4}, key=key,
                )
            )  # fmt: skip
            survey.respond(user, module, "twelve_months", {"used-chronology": 4}, key=key)
    responses[2].delete()
    kept, people = rows(), rows(PersonFigure)
    assert len(kept) > 30
    # Everyone answered the baseline, post and 12-month surveys in their partnership.
    answered = PersonFigure.objects.filter(figure=PersonFigure.ANSWERED)
    assert answered.filter(partnership=partnership, wave="twelve_months").count() == 5
    assert answered.filter(partnership=other_partnership, wave="baseline").count() == 3

    assert summary.rebuild() == len(kept)
    assert rows() == kept
    assert rows(PersonFigure) == people
    summary.rebuild(partnership)
    assert rows(PersonFigure) == people


def test_answers_loaded_in_bulk_are_summarised_by_the_rebuild_command(partnership, course):
    survey = Survey("used-chronology")
    question = survey.questions["used-chronology"]
    user = learner(partnership)
    key = uuid.uuid4()
    made = [
        SurveyResponse.objects.create(
            user=user, respondent_key=key, partnership=partnership, agency=user.agency,
            course=course, wave=wave, instrument_version=survey.version, status="in_progress",
        )
        for wave in ("baseline", "twelve_months")
    ]  # fmt: skip
    # A bulk load (bulk_create and update) sends no signals: nothing is summarised yet.
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=r, question=question, measure=question.measure, number_value=v)
        for r, v in zip(made, (2, 5), strict=True)
    )
    SurveyResponse.objects.filter(user=user).update(status="submitted", submitted_at=at(2025, 9))
    assert not ResponseFigure.objects.exists()

    call_command("rebuild_report_summary", "--partnership", partnership.slug)
    row = ResponseFigure.objects.get()
    assert (row.wave, row.baseline, row.value) == ("twelve_months", 2.0, 5.0)

    with pytest.raises(CommandError, match="No partnership has the slug 'nowhere'"):
        call_command("rebuild_report_summary", "--partnership", "nowhere")


def test_the_whole_partnership_figures_are_the_same_from_people_or_from_modules(
    partnership, other_partnership, course, second_course
):
    """The unfiltered report reads each person's combined rows; filtered reports combine
    per-module rows. On the same answers, both give the same figures, including people
    with two modules and a person whose baseline was given in another partnership."""
    import random

    rng = random.Random(15)
    survey = Survey("used-chronology", "challenged-progress", "applied-learning")
    Measure.objects.filter(slug="challenged-progress").update(kind="confidence")
    for i in range(14):
        user = learner(partnership)
        key = Respondent.key_for(user)
        for module in rng.sample([course, second_course], k=rng.choice([1, 2])):
            enrolment = enrol(user, module, at(2025, 5), completed=at(2025, 6))
            questionnaire(enrolment, "baseline", rng.randint(20, 60), rng.randint(1, 3))
            questionnaire(enrolment, "post", rng.randint(50, 100), rng.randint(2, 5))
            for wave in ("baseline", "post", "three_months", "twelve_months"):
                if rng.random() < 0.85:
                    answers = {m: rng.randint(1, 5) for m in survey.questions}
                    survey.respond(user, module, wave, answers, key=key)
        if i == 0:
            # Their baseline was given in another partnership: never paired here.
            SurveyResponse.objects.filter(user=user, wave="baseline").update(
                partnership=other_partnership
            )
            summary.rebuild()

    filters = ReportFilters(partnership)
    from_people = practice.paired_practice_rows(filters, from_people=True)
    from_modules = practice.paired_practice_rows(filters, from_people=False)
    key = lambda row: (row["measure_key"], row["wave_key"])  # noqa: E731
    assert len(from_people) == len(from_modules) >= 6
    for mine, theirs in zip(
        sorted(from_people, key=key), sorted(from_modules, key=key), strict=True
    ):
        assert key(mine) == key(theirs)
        assert mine == pytest.approx(theirs)

    assert practice.applied_shares(filters, from_people=True) == practice.applied_shares(
        filters, from_people=False
    )
    assert len(practice.applied_shares(filters)) == 2

    answered = practice.people_who_answered(filters, from_people=True)
    assert answered == practice.people_who_answered(filters, from_people=False)
    assert set(answered) == {"baseline", "post", "three_months", "twelve_months"}
    assert answered["baseline"] >= 10

    people = learning_section(filters, from_people=True)
    modules = learning_section(filters, from_people=False)
    for a, b in ((people.knowledge, modules.knowledge), (people.confidence, modules.confidence)):
        assert (a.people, a.pairs) == (b.people, b.pairs)
        assert a.people >= 10
        assert a.change.value == pytest.approx(b.change.value)
        assert a.ci_low.value == pytest.approx(b.ci_low.value)
        assert a.before.value == pytest.approx(b.before.value)


def test_editing_which_measure_asks_about_applying_remakes_the_people_rows(
    partnership, course, django_capture_on_commit_callbacks
):
    """Which measure asks "did you apply it" decides the applied-learning share; editing
    a measure remakes everyone's combined rows once the edit commits."""
    survey = Survey("used-chronology", "put-into-practice")
    for value in (5, 5, 4, 2, 1, 5):
        user = learner(partnership)
        answers = {"used-chronology": 0, "put-into-practice": value}
        survey.respond(user, course, "three_months", answers, key=Respondent.key_for(user))
    filters = ReportFilters(partnership)
    # Nobody did what the practice measures ask (all 0)... unless 'put-into-practice'
    # counts as a practice action answered 1 or more: 6 of 6.
    assert practice.applied_shares(filters)["three_months"].value == 100

    measure = Measure.objects.get(slug="put-into-practice")
    measure.slug = "applied-learning"
    with django_capture_on_commit_callbacks(execute=True):
        measure.save()
    # Now it is the applied-learning question: agree (4) or strongly agree (5), 4 of 6.
    share = practice.applied_shares(filters)["three_months"]
    assert share.value == pytest.approx(4 / 6 * 100)
    assert share == practice.applied_shares(filters, from_people=False)["three_months"]
