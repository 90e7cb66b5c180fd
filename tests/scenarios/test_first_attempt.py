"""Each learner's first attempt at each scenario is marked when it is made
(``ScenarioAttempt.is_first``): the board report counts those, and later attempts are
practice. The mark follows deletions, survives two tabs starting at once, and is what the
migration that added it works out for attempts made before it."""

import importlib
from unittest import mock

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from evaluations.reports.filters import ReportFilters
from evaluations.reports.sections.scenarios import scenario_section
from scenarios.models import ScenarioAttempt
from scenarios.services import start_attempt
from tests.impact_reports.factories import at
from tests.impact_reports.factories import learner as make_learner
from tests.scenarios.factories import make_scenario, small_spec
from tests.scenarios.test_analytics import BAD, GOOD, play

pytestmark = pytest.mark.django_db


def firsts():
    return set(ScenarioAttempt.objects.filter(is_first=True).values_list("pk", flat=True))


def test_the_first_attempt_at_each_scenario_is_marked_and_later_ones_are_not(
    home_page, learner, other_learner
):
    scenario = make_scenario(home_page)
    other = make_scenario(home_page, small_spec("another-case", "Another case"))
    first = start_attempt(learner, scenario)
    again = start_attempt(learner, scenario)
    elsewhere = start_attempt(learner, other)
    someone_else = start_attempt(other_learner, scenario)
    assert firsts() == {first.pk, elsewhere.pk, someone_else.pk}
    assert not again.is_first
    # Saving an attempt again (every move does) leaves the mark alone.
    again.save()
    first.save()
    assert firsts() == {first.pk, elsewhere.pk, someone_else.pk}


def test_deleting_the_first_attempt_passes_the_mark_to_the_next(home_page, learner):
    scenario = make_scenario(home_page)
    first = start_attempt(learner, scenario)
    second = start_attempt(learner, scenario)
    third = start_attempt(learner, scenario)
    third.delete()  # a later one: nothing moves
    assert firsts() == {first.pk}
    first.delete()
    assert firsts() == {second.pk}
    second.delete()
    assert firsts() == set()
    assert start_attempt(learner, scenario).is_first


def test_a_learner_cannot_have_two_first_attempts(home_page, learner):
    scenario = make_scenario(home_page)
    start_attempt(learner, scenario)
    second = start_attempt(learner, scenario)
    with pytest.raises(IntegrityError), transaction.atomic():
        ScenarioAttempt.objects.filter(pk=second.pk).update(is_first=True)


def test_two_tabs_starting_at_once_make_one_first_attempt(home_page, learner):
    """The other tab's attempt is saved between this one's check and its insert: the
    constraint refuses a second first attempt, and this one is saved as a later one."""
    scenario = make_scenario(home_page)
    other_tab = start_attempt(learner, scenario)
    # This tab's check ran before the other tab's insert, so it found no attempt.
    with mock.patch.object(QuerySet, "exists", side_effect=[False, True]):
        this_tab = start_attempt(learner, scenario)
    assert ScenarioAttempt.objects.filter(pk=this_tab.pk, is_first=False).exists()
    assert firsts() == {other_tab.pk}


def test_the_migration_marks_what_the_report_used_to_work_out(home_page, partnership):
    """Attempts made before the flag: the earliest started per learner and scenario (the
    lowest id when two started at the same moment)."""
    scenario = make_scenario(home_page)
    other = make_scenario(home_page, small_spec("another-case", "Another case"))
    a, b = make_learner(partnership), make_learner(partnership)
    made = {
        "a late": start_attempt(a, scenario),
        "a early": start_attempt(a, scenario),
        "a other": start_attempt(a, other),
        "b same time 1": start_attempt(b, scenario),
        "b same time 2": start_attempt(b, scenario),
    }
    when = {"a late": at(2025, 6), "a early": at(2025, 1), "a other": at(2025, 6)}
    for name, attempt in made.items():
        ScenarioAttempt.objects.filter(pk=attempt.pk).update(
            started_at=when.get(name, at(2025, 3)), is_first=False
        )
    migration = importlib.import_module("scenarios.migrations.0007_attempt_is_first")
    migration.mark_first_attempts(apps, None)
    assert firsts() == {made[n].pk for n in ("a early", "a other", "b same time 1")}


def test_the_report_counts_first_attempts_only(home_page, partnership):
    """Five learners' first attempts reach the good ending; their second attempts end
    badly or are left unfinished, and must not count."""
    scenario = make_scenario(home_page)
    for n in range(5):
        user = make_learner(partnership)
        play(user, scenario, GOOD)
        play(user, scenario, BAD if n % 2 else [])
    (row,) = scenario_section(ReportFilters(partnership)).rows
    assert (row.learners.value, row.completed.value) == (5, 5)
    outcomes = {label: cell.value for label, cell in row.outcomes}
    assert outcomes["Child protected in good time"] == 100
