"""Scenario decisions on a hand-built set of first attempts."""

import pytest

from evaluations.reports.filters import ReportFilters
from evaluations.reports.sections.scenarios import _median_from_histogram, scenario_section
from scenarios.models import ScenarioAttempt, ScenarioDecision
from tests.impact_reports.factories import at, learner
from tests.scenarios.factories import make_scenario

pytestmark = pytest.mark.django_db

DC = "disguised-compliance"
# (rating at the first disguised-compliance decision, weeks the child waited, ending)
FIRST_ATTEMPTS = [
    ("child_focused", 2, "protected_in_time"),
    ("child_focused", 3, "protected_in_time"),
    ("child_focused", 3, "protected_in_time"),
    ("child_focused", 3, "protected_in_time"),
    ("child_focused", 3, "protected_in_time"),
    ("child_focused", 4, "protected_in_time"),
    ("child_focused", 6, "protected_late"),
    ("optimistic", 10, "protected_late"),
    ("optimistic", 12, "protected_late"),
    ("optimistic", 14, "protected_late"),
    ("collusive", 20, "protected_late"),
    ("collusive", 30, "left_in_neglect"),
]


def attempt(user, scenario, rating, weeks, ending, when):
    a = ScenarioAttempt.objects.create(
        user=user, scenario=scenario, current_node_key="end", step=3, weeks_elapsed=weeks,
        ending_key="end", ending_outcome=ending, completed_at=when,
    )  # fmt: skip
    ScenarioAttempt.objects.filter(pk=a.pk).update(started_at=when)
    # A decision testing something else comes first; a later DC decision must not count.
    ScenarioDecision.objects.create(
        attempt=a, sequence=1, from_node_key="start", choice_id=1, choice_label="Visit",
        to_node_key="home", rating="child_focused", concepts=["childs-voice"],
    )  # fmt: skip
    ScenarioDecision.objects.create(
        attempt=a, sequence=2, from_node_key="home", choice_id=2, choice_label="Decide",
        to_node_key="next", rating=rating, concepts=[DC, "rule-of-optimism"],
    )  # fmt: skip
    ScenarioDecision.objects.create(
        attempt=a, sequence=3, from_node_key="next", choice_id=3, choice_label="Again",
        to_node_key="end", rating="collusive" if rating == "child_focused" else "child_focused",
        concepts=[DC],
    )  # fmt: skip
    return a


@pytest.fixture
def scenario_world(home_page, partnership, other_partnership):
    scenario = make_scenario(home_page)
    users = []
    for rating, weeks, ending in FIRST_ATTEMPTS:
        user = learner(partnership)
        attempt(user, scenario, rating, weeks, ending, at(2025, 3))
        users.append(user)
    # Second tries are practice: all child-focused and quick, and must not count.
    for user in users[7:]:
        attempt(user, scenario, "child_focused", 1, "protected_in_time", at(2025, 9))
    # Another partnership's learners never count.
    for _ in range(6):
        attempt(
            learner(other_partnership), scenario, "optimistic", 50, "left_in_neglect", at(2025, 3)
        )
    return scenario


def test_first_attempt_figures_by_hand(scenario_world, partnership):
    (row,) = scenario_section(ReportFilters(partnership)).rows
    assert row.title == "A test case"
    assert row.learners.display == "12"
    assert row.tested.display == "12"
    # 7 of 12 chose the child-focused option at the first disguised-compliance decision.
    assert row.recognised.value == pytest.approx(58.333, abs=0.01)
    assert row.recognised.display == "58%"
    # Weeks sorted: 2 3 3 3 3 4 6 10 12 14 20 30 -> median (4 + 6) / 2 = 5.
    assert row.median_weeks.display == "5.0"
    outcomes = dict(row.outcomes)
    # 6 in time, 5 late, 1 left in neglect, of 12: the 1 is hidden, and so is the next
    # smallest (5). A reader knows "fewer than 5" is 1 to 4 and a hidden 5 is at least 5,
    # and that the two make 12 - 6 = 6: that gives 1 and 5 away, so the 6 goes too.
    assert {label: cell.display for label, cell in outcomes.items()} == dict.fromkeys(
        outcomes, "not shown"
    )


def test_a_scenario_played_by_few_is_hidden(scenario_world, partnership):
    rows = scenario_section(ReportFilters(partnership, agency="housing")).rows
    assert rows == []
    ScenarioAttempt.objects.filter(user__partnership=partnership).exclude(
        user__in=list(ScenarioAttempt.objects.values_list("user", flat=True)[:3])
    ).delete()
    (row,) = scenario_section(ReportFilters(partnership)).rows
    assert row.learners.display == "fewer than 5"
    assert row.recognised.hidden and row.median_weeks.hidden


@pytest.mark.parametrize(
    ("counts", "median"),
    [
        ({}, None),
        ({5: 1}, 5.0),
        ({1: 1, 9: 1}, 5.0),
        ({2: 3, 7: 1}, 2.0),
        ({0: 2, 4: 2, 9: 1}, 4.0),
    ],
)
def test_median_from_grouped_counts(counts, median):
    assert _median_from_histogram(counts) == median


def test_first_attempts_list_only_the_endings_a_scenario_has(home_page, partnership):
    from scenarios.models import ScenarioNode

    scenario = make_scenario(home_page)
    # This scenario's worst ending is rewritten as a late protection: it has two outcomes.
    ScenarioNode.objects.filter(page=scenario, outcome="left_in_neglect").update(
        outcome="protected_late"
    )
    for i in range(11):
        ending = "protected_in_time" if i < 6 else "protected_late"
        attempt(learner(partnership), scenario, "child_focused", 3, ending, at(2025, 3))
    (row,) = scenario_section(ReportFilters(partnership)).rows
    assert [(label, cell.display) for label, cell in row.outcomes] == [
        ("Child protected in good time", "55%"),
        ("Child protected, but late", "45%"),
    ]

    # An ending reached before the scenario was edited is still counted and listed.
    attempt(learner(partnership), scenario, "collusive", 30, "left_in_neglect", at(2025, 2))
    (row,) = scenario_section(ReportFilters(partnership)).rows
    assert [label for label, _ in row.outcomes] == [
        "Child protected in good time",
        "Child protected, but late",
        "Child left in neglect",
    ]
