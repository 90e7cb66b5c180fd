"""Practice change at the end of the module, 3 and 12 months, paired on the same
learners, with response rates: every figure against hand working."""

import uuid

import pytest

from evaluations.reports.filters import ReportFilters
from evaluations.reports.sections.practice import practice_section
from tests.impact_reports.evaluation_rows import Survey, invite
from tests.impact_reports.factories import learner

pytestmark = pytest.mark.django_db

# learner: (baseline, post, 3 months, 12 months); None = did not answer that wave.
ANSWERS = [
    (2, 3, 4, 4),
    (2, 4, 3, 4),
    (3, 4, 3, 3),
    (1, 3, 3, 2),
    (2, 3, 4, None),
    (3, 4, None, 4),
    (None, None, 5, None),  # no baseline: never paired
]
APPLIED = {"three_months": [5, 4, 4, 2, 4, None, 5], "twelve_months": [4, 4, 4, 4, None, 4, None]}
WAVES = ("baseline", "post", "three_months", "twelve_months")


@pytest.fixture
def survey_world(partnership, other_partnership, course):
    survey = Survey("used-chronology", "applied-learning")
    for i, values in enumerate(ANSWERS):
        user = learner(partnership)
        key = uuid.uuid4()
        for wave, value in zip(WAVES, values, strict=True):
            answers = {} if value is None else {"used-chronology": value}
            applied = APPLIED.get(wave, [None] * 7)[i]
            if applied is not None:
                answers["applied-learning"] = applied
            if answers:
                survey.respond(user, course, wave, answers, key=key)
    # 3 months: 12 invited (6 responded, 5 expired, 1 opted out).
    # 12 months: 10 invited (5 responded, 5 expired) and 2 not sent yet.
    for status, times in (("responded", 6), ("expired", 5), ("opted_out", 1)):
        for _ in range(times):
            invite(learner(partnership), course, "three_months", status)
    for status, times in (("responded", 5), ("expired", 5), ("scheduled", 2)):
        for _ in range(times):
            invite(learner(partnership), course, "twelve_months", status)
    # Another partnership's answers never count.
    for _ in range(6):
        other = learner(other_partnership)
        key = uuid.uuid4()
        survey.respond(other, course, "baseline", {"used-chronology": 5}, key=key)
        survey.respond(other, course, "three_months", {"used-chronology": 1}, key=key)
    return survey


def test_paired_changes_by_wave(survey_world, partnership):
    section = practice_section(ReportFilters(partnership))
    (measure,) = [m for m in section.measures if m.measure == "Used chronology"]
    post, three, twelve = (measure.waves[w] for w in ("post", "three_months", "twelve_months"))
    # End of module: 6 pairs, differences 1 2 1 2 1 1.
    assert post.pairs == 6
    assert post.before.value == pytest.approx(13 / 6) and post.after.value == pytest.approx(3.5)
    assert post.change.value == pytest.approx(1.3333, abs=1e-3)
    assert (post.ci_low.value, post.ci_high.value) == pytest.approx((0.7913, 1.8754), abs=2e-3)
    # 3 months: learners 1-5, differences 2 1 0 2 2 (learner 7 had no baseline).
    assert three.pairs == 5
    assert three.before.value == pytest.approx(2.0) and three.after.value == pytest.approx(3.4)
    assert three.change.value == pytest.approx(1.4)
    assert (three.ci_low.value, three.ci_high.value) == pytest.approx((0.2896, 2.5104), abs=2e-3)
    # 12 months: learners 1-4 and 6, differences 2 2 0 1 1.
    assert twelve.pairs == 5
    assert twelve.change.value == pytest.approx(1.2)
    assert (twelve.ci_low.value, twelve.ci_high.value) == pytest.approx((0.1613, 2.2387), abs=2e-3)


def test_a_person_in_two_modules_is_paired_once(survey_world, partnership, second_course):
    """Learner 1 also answered for a second module: baseline 1, 3 months 4. Their
    change at 3 months is the mean of their two modules' changes, (2 + 3) / 2 = 2.5,
    and they are still one of the 5 people."""
    from evaluations.models import SurveyResponse

    first = SurveyResponse.objects.filter(wave="baseline", partnership=partnership).earliest("pk")
    for wave, value in (("baseline", 1), ("three_months", 4)):
        survey_world.respond(first.user, second_course, wave, {"used-chronology": value},
                             key=first.respondent_key)  # fmt: skip
    section = practice_section(ReportFilters(partnership))
    (measure,) = [m for m in section.measures if m.measure == "Used chronology"]
    three = measure.waves["three_months"]
    assert (three.people, three.pairs) == (5, 6)
    changes = [2.5, 1, 0, 2, 2]
    mean = sum(changes) / 5
    sd = (sum((c - mean) ** 2 for c in changes) / 4) ** 0.5
    margin = 2.776 * sd / 5**0.5  # t with 4 degrees of freedom
    assert three.change.value == pytest.approx(1.5)
    assert (three.ci_low.value, three.ci_high.value) == pytest.approx(
        (mean - margin, mean + margin), abs=1e-3
    )
    # Baseline per person: (2 + 1) / 2 = 1.5, then 2 3 1 2; at 3 months (4 + 4) / 2 = 4.
    assert three.before.value == pytest.approx((1.5 + 2 + 3 + 1 + 2) / 5)
    assert three.after.value == pytest.approx((4 + 3 + 3 + 3 + 4) / 5)
    # "People who answered" counts the same 6 people as before: the same learners.
    assert section.answered["three_months"].display == "6"


def test_applied_learning_share(survey_world, partnership):
    applied = practice_section(ReportFilters(partnership)).applied
    # 3 months: 5 of 6 agreed; the 1 who did not could be derived, so it is hidden (the
    # 6 people are enough for a rate: it is hidden to protect the 1, not for its base).
    assert applied["three_months"].display == "not shown"
    # 12 months: 5 of 5.
    assert applied["twelve_months"].display == "100%"


def test_response_rates_per_wave(survey_world, partnership):
    rates = {r.wave: r for r in practice_section(ReportFilters(partnership)).rates}
    assert rates["three_months"].invited.value == 12
    assert rates["three_months"].responded.value == 6
    assert rates["three_months"].rate.display == "50%"
    assert rates["twelve_months"].invited.value == 10  # the 2 not yet sent are not invited
    assert rates["twelve_months"].rate.display == "50%"


def test_people_who_answered_each_wave(survey_world, partnership):
    answered = practice_section(ReportFilters(partnership)).answered
    assert answered["baseline"].display == "6"
    assert answered["three_months"].display == "6"
    assert answered["twelve_months"].display == "5"


def test_few_pairs_are_hidden(survey_world, partnership):
    section = practice_section(ReportFilters(partnership, agency="police"))
    assert section.measures == []
    # Nobody from the police was invited: no data, not a hidden figure.
    assert [r.rate.display for r in section.rates] == ["no data", "no data"]


def test_applied_share_falls_back_to_practice_actions(partnership, course):
    """Without an "applied" question, a respondent applied the learning if they report
    at least one of the practice actions asked about."""
    from evaluations.models import Measure

    survey = Survey("discussed-in-supervision", "used-chronology")
    Measure.objects.filter(slug__in=["discussed-in-supervision", "used-chronology"]).update(
        kind="practice"
    )
    # 10 respondents at 12 months: 5 did something (in either question), 5 did nothing.
    for i in range(10):
        acted = i < 5
        survey.respond(
            learner(partnership), course, "twelve_months",
            {"discussed-in-supervision": 0, "used-chronology": 2 if acted else 0},
        )  # fmt: skip
    applied = practice_section(ReportFilters(partnership)).applied
    assert applied == {"twelve_months": applied["twelve_months"]}
    assert applied["twelve_months"].display == "50%"


def test_practice_change_on_the_page_csv_and_pdf(client, board_member, survey_world):
    from django.urls import reverse

    from evaluations.reports.filters import ReportFilters as Filters
    from evaluations.reports.pdf import report_pdf
    from evaluations.reports.report import build_report

    client.force_login(board_member)
    html = client.get(reverse("reports_home")).content.decode()
    assert "Practice change at 3 and 12 months" in html
    assert "+1.4" in html and "+0.3 to +2.5" in html  # 3 months, worked above
    assert 'id="chart-practice-title"' in html
    rows = client.get(reverse("reports_csv")).content.decode().splitlines()
    assert any(
        "practice change,Used chronology: mean change,wave,3 months after,change,1.4" in r
        for r in rows
    )
    pdf = report_pdf(build_report(Filters(board_member.partnership)))
    assert pdf.startswith(b"%PDF-")
