"""Every figure of reach and learning on a small hand-built partnership, against numbers
worked out by hand."""

import pytest

from evaluations.models import SurveyResponse
from evaluations.models import WaveKind as QuestionnaireStage
from evaluations.reports import summary
from evaluations.reports.filters import ReportFilters
from evaluations.reports.sections.learning import learning_section
from evaluations.reports.sections.reach import reach_section
from learning_site.models import Agency
from tests.impact_reports.factories import at, enrol, learner, questionnaire

pytestmark = pytest.mark.django_db

BASELINE, POST = QuestionnaireStage.BASELINE, QuestionnaireStage.POST
# Six paired social-care learners: knowledge before/after and confidence before/after.
PAIRS = [
    (40, 70, 2.0, 3.5),
    (50, 80, 2.5, 4.0),
    (60, 60, 3.0, 3.0),
    (50, 90, 2.0, 4.0),
    (40, 60, 3.0, 4.0),
    (60, 80, 2.5, 3.5),
]


@pytest.fixture
def world(partnership, other_partnership, course):
    """18 learners: 10 social care (6 completed), 6 health (all completed), 2 police (1)."""
    done = at(2025, 7)
    social = [learner(partnership) for _ in range(10)]
    health = [learner(partnership, Agency.HEALTH, "Health Visitor ") for _ in range(6)]
    police = [learner(partnership, Agency.POLICE, "police officer") for _ in range(2)]
    enrolments = {}
    for i, user in enumerate(social):
        enrolments[user] = enrol(user, course, completed=done if i < 6 else None)
    for user in health:
        enrol(user, course, completed=done)
    enrol(police[0], course, completed=done)
    enrol(police[1], course)
    for user, (k0, k1, c0, c1) in zip(social, PAIRS, strict=False):
        questionnaire(enrolments[user], BASELINE, k0, c0)
        questionnaire(enrolments[user], POST, k1, c1)
    # A post questionnaire without a baseline is not a pair.
    questionnaire(enrolments[social[6]], POST, 100, 5.0)
    # Another partnership's learners never count.
    for _ in range(7):
        other = learner(other_partnership)
        e = enrol(other, course, completed=done)
        questionnaire(e, BASELINE, 0, 1.0)
        questionnaire(e, POST, 100, 5.0)
    return {"social": social, "health": health, "police": police}


def test_reach_totals(world, partnership):
    total = reach_section(ReportFilters(partnership)).total
    assert total.learners.value == 18
    assert total.completers.value == 13
    assert total.enrolments.value == 18
    assert total.completions.value == 13
    assert total.completion_rate.display == "72%"  # 13 / 18 = 72.2%


def test_completions_are_hidden_when_the_non_completers_are_few(world, partnership):
    world["social"][9].enrolments.all().delete()
    world["social"][8].enrolments.all().delete()
    total = reach_section(ReportFilters(partnership)).total
    # 13 of 16 completed: the 3 who did not could be worked out, so completers are hidden.
    assert total.learners.display == "16"
    # 13 is not "fewer than 5": it is hidden to protect the 3, and says so.
    assert total.completers.display == "not shown"
    assert total.completion_rate.display == "not shown"


def test_reach_by_agency_with_primary_and_complementary_suppression(world, partnership):
    rows = {row.key: row for row in reach_section(ReportFilters(partnership)).by_agency}
    # Police: 2 learners -> hidden; health (6, the next smallest non-zero) hidden too,
    # and labelled for what it is: not fewer than 5, but not shown.
    assert rows[Agency.POLICE].learners.display == "fewer than 5"
    assert rows[Agency.HEALTH].learners.display == "not shown"
    assert rows[Agency.CHILDRENS_SOCIAL_CARE].learners.display == "10"
    # 6 of 10 completed: the 2 who did not could be derived, so completers are hidden.
    assert rows[Agency.CHILDRENS_SOCIAL_CARE].completers.hidden
    assert rows[Agency.CHILDRENS_SOCIAL_CARE].completion_rate.hidden
    # Agencies with nobody are shown as 0 and named as not reached.
    assert rows[Agency.HOUSING].learners.display == "0"
    assert rows[Agency.HOUSING].not_reached and rows[Agency.HOUSING].named_by_ofsted


def test_agencies_not_reached_are_named(world, partnership):
    reach = reach_section(ReportFilters(partnership))
    names = [row.label for row in reach.agencies_not_reached]
    assert "Housing" in names and "Drug and alcohol services" in names
    assert "Police" not in names and "Health" not in names


def test_job_roles_are_grouped_on_a_normalised_value(world, partnership, settings):
    settings.REPORT_TOP_JOB_ROLES = 2
    reach = reach_section(ReportFilters(partnership))
    labels = [row.label for row in reach.by_role]
    assert labels == ["Social worker", "Health visitor", "Other roles"]
    other = reach.by_role[-1]
    assert other.learners.value == 2  # the police officers, folded into "Other roles"
    assert other.learners.hidden


def test_filters_on_agency_job_role_module_and_period(world, partnership, second_course):
    assert reach_section(ReportFilters(partnership, agency=Agency.HEALTH)).total.learners.value == 6
    assert (
        reach_section(ReportFilters(partnership, job_role="health visitor")).total.learners.value
        == 6
    )
    assert (
        reach_section(ReportFilters(partnership, course_id=second_course.pk)).total.learners.value
        == 0
    )
    import datetime

    later = ReportFilters(partnership, date_from=datetime.date(2025, 6, 1))
    assert reach_section(later).total.learners.value == 0
    window = ReportFilters(
        partnership, date_from=datetime.date(2025, 5, 1), date_to=datetime.date(2025, 5, 1)
    )
    assert reach_section(window).total.learners.value == 18


def test_learning_pairs_means_change_and_confidence_interval(world, partnership):
    learning = learning_section(ReportFilters(partnership))
    k = learning.knowledge
    assert k.pairs == 6 and k.people == 6  # the unpaired post questionnaire is left out
    assert k.before.value == pytest.approx(50.0)
    assert k.after.value == pytest.approx(73.3333, abs=1e-3)
    assert k.change.value == pytest.approx(23.3333, abs=1e-3)
    assert k.ci_low.value == pytest.approx(8.992, abs=0.01)
    assert k.ci_high.value == pytest.approx(37.675, abs=0.01)
    assert k.ci_display == "+9.0 to +37.7"
    c = learning.confidence
    # Differences 1.5, 1.5, 0, 2, 1, 1: mean 1.1667; s = 0.6831; margin 2.571 * s / sqrt 6
    assert c.before.value == pytest.approx(2.5)
    assert c.after.value == pytest.approx(3.6667, abs=1e-3)
    assert c.change.value == pytest.approx(1.1667, abs=1e-3)
    assert c.ci_low.value == pytest.approx(0.4497, abs=0.005)
    assert c.ci_high.value == pytest.approx(1.8837, abs=0.005)
    assert [title for title, *_ in learning.by_module] == ["Recognising neglect (test)"]


def test_learning_from_fewer_than_five_people_is_hidden(world, partnership):
    learning = learning_section(ReportFilters(partnership, agency=Agency.HEALTH))
    assert learning.knowledge.people == 0
    assert learning.knowledge.change.display == "no data"
    # Two of them answered while working in education (answers count for the agency
    # they were given in, as in the practice section).
    social = world["social"]
    SurveyResponse.objects.filter(user__in=social[:2]).update(agency=Agency.EDUCATION)
    summary.rebuild()
    small = learning_section(ReportFilters(partnership, agency=Agency.EDUCATION)).knowledge
    assert small.people == 2
    assert small.before.hidden and small.after.hidden and small.change.hidden
    assert small.ci_display == "not shown: fewer than 5 people"
    assert small.n.display == "fewer than 5"


def test_one_small_module_cannot_be_worked_out_from_the_overall_figures(
    world, partnership, second_course
):
    """Overall pairs and sums are the modules' added up: with one module hidden, its
    mean would be overall minus the rest, so the next smallest module is hidden too."""
    for k0, k1, c0, c1 in PAIRS[:2]:
        e = enrol(learner(partnership), second_course, completed=at(2025, 7))
        questionnaire(e, BASELINE, k0, c0)
        questionnaire(e, POST, k1, c1)
    learning = learning_section(ReportFilters(partnership))
    assert learning.knowledge.pairs == 8 and not learning.knowledge.change.hidden
    # (Both test modules share a title.) Six pairs and two pairs: both hidden.
    shown = sorted((k.pairs, k.change.hidden, c.change.hidden) for _, k, c in learning.by_module)
    assert shown == [(2, True, True), (6, True, True)]

    # With the overall hidden too (a filter down to a few people), nothing is derivable
    # and the rule has nothing to add.
    few = learning_section(ReportFilters(partnership, course_id=second_course.pk))
    assert few.knowledge.change.hidden


def test_one_small_quarter_of_completions_is_not_left_alone(world, partnership, course):
    from evaluations.reports.sections.context import indicator_section

    # World: 13 completions in July 2025. Add 6 in April and 2 in January.
    for month, how_many in ((4, 6), (1, 2)):
        for _ in range(how_many):
            enrol(learner(partnership), course, at(2024, 12), completed=at(2025, month))
    cells = indicator_section(ReportFilters(partnership)).completions_by_quarter
    by_month = {quarter.month: cell for quarter, cell in cells.items()}
    assert by_month[1].hidden  # 2 people: primary
    assert by_month[4].hidden  # 6, the next smallest: complementary
    assert not by_month[7].hidden and by_month[7].value == 13


def test_a_person_in_two_modules_counts_once_with_the_mean_of_their_changes(
    world, partnership, second_course
):
    """The first social worker also took the second module: knowledge 40 -> 80,
    confidence 2.0 -> 4.0. Overall they are one person with the mean of their changes."""
    first = world["social"][0]
    e = enrol(first, second_course, completed=at(2025, 7))
    questionnaire(e, BASELINE, 40, 2.0)
    questionnaire(e, POST, 80, 4.0)
    k = learning_section(ReportFilters(partnership)).knowledge
    assert (k.people, k.pairs) == (6, 7)
    # Changes per person: (30 + 40) / 2 = 35, then 30, 0, 40, 20, 20.
    changes = [35, 30, 0, 40, 20, 20]
    mean = sum(changes) / 6  # 24.1667
    sd = (sum((c - mean) ** 2 for c in changes) / 5) ** 0.5  # 14.289
    margin = 2.571 * sd / 6**0.5  # t with 5 degrees of freedom
    assert k.change.value == pytest.approx(mean)
    assert (k.ci_low.value, k.ci_high.value) == pytest.approx((mean - margin, mean + margin))
    # Before: (40 + 40) / 2 = 40 for them, then 50 60 50 40 60; after: (70 + 80) / 2 = 75.
    assert k.before.value == pytest.approx(300 / 6)
    assert k.after.value == pytest.approx((75 + 80 + 60 + 90 + 60 + 80) / 6)
    assert k.n.display == "6"
    # Each module on its own still has one pair per person.
    by_module = sorted((m.people, m.change.display) for _, m, _ in learning_section(
        ReportFilters(partnership)).by_module)  # fmt: skip
    assert by_module == [(1, "not shown: fewer than 5 people"), (6, "not shown")]
