"""Small-cell suppression rules, on plain numbers."""

import pytest

from evaluations.reports import suppression as sc


@pytest.fixture(autouse=True)
def _threshold(settings):
    settings.SMALL_CELL_THRESHOLD = 5


@pytest.mark.parametrize(
    ("n", "hidden"), [(0, False), (1, True), (4, True), (5, False), (250, False)]
)
def test_counts_of_one_to_four_people_are_hidden_and_zero_is_shown(n, hidden):
    assert sc.is_small(n) is hidden
    assert sc.count_cell(n).hidden is hidden


def test_threshold_is_configurable(settings):
    settings.SMALL_CELL_THRESHOLD = 10
    assert sc.is_small(9)
    assert sc.count_cell(7).display == "fewer than 10"


def test_a_hidden_cell_never_displays_its_value():
    cell = sc.count_cell(3)
    assert cell.display == "fewer than 5"
    assert cell.shown_value is None


@pytest.mark.parametrize(("n", "hidden"), [(None, True), (0, True), (4, True), (5, False)])
def test_statistics_need_at_least_threshold_people(n, hidden):
    assert sc.statistic_hidden(n) is hidden


def test_statistic_from_nobody_says_no_data_only_when_not_hidden():
    assert sc.Cell(None, 10, False, "mean").display == "no data"
    assert sc.statistic_cell(None, 0).display == "fewer than 5"


def test_primary_suppression_alone_when_no_total_is_shown():
    assert sc.suppress_parts({"a": 3, "b": 20, "c": 30}, total_shown=False) == {"a"}


def test_complementary_suppression_hides_the_next_smallest_part():
    # Total 53 shown: "a" would be 53 - 20 - 30; so "b" (the next smallest) goes too.
    assert sc.suppress_parts({"a": 3, "b": 20, "c": 30}) == {"a", "b"}


def test_complementary_suppression_prefers_a_non_zero_part():
    # Hiding a zero would still let "a" be derived (a + 0 = total - shown).
    assert sc.suppress_parts({"a": 2, "z": 0, "b": 9, "c": 40}) == {"a", "b"}


def test_complementary_suppression_falls_back_to_a_zero_part():
    assert sc.suppress_parts({"a": 2, "z": 0}) == {"a", "z"}


def test_two_or_more_primary_cells_need_no_complement():
    assert sc.suppress_parts({"a": 1, "b": 2, "c": 40}) == {"a", "b"}


def test_nothing_hidden_when_every_part_is_large_or_zero():
    assert sc.suppress_parts({"a": 0, "b": 5, "c": 40}) == set()


def test_ties_are_broken_by_name_so_output_is_stable():
    assert sc.suppress_parts({"a": 3, "x": 7, "b": 7}) == {"a", "b"}


def test_add_complementary_on_cells_hidden_for_another_reason():
    assert sc.add_complementary({"a": 8, "b": 9, "c": 50}, {"a"}) == {"a", "b"}
    assert sc.add_complementary({"a": 8, "b": 9}, set()) == set()


@pytest.mark.parametrize(
    ("part", "whole", "hidden"),
    [
        (20, 20, False),  # everyone completed: the difference is zero, nobody picked out
        (17, 20, True),  # 3 did not complete: derivable, so hidden
        (3, 20, True),  # the part itself is small
        (10, 20, False),
        (0, 3, True),  # the whole is small
    ],
)
def test_part_of_whole_hides_differences_that_reveal_a_small_cell(part, whole, hidden):
    assert sc.part_of_whole_hidden(part, whole) is hidden


def test_rate_cells():
    assert sc.rate_cell(10, 20).display == "50%"
    assert sc.rate_cell(17, 20).display == "fewer than 5"
    assert sc.rate_cell(0, 0).display == "fewer than 5"
    assert sc.rate_cell(20, 20).display == "100%"


def test_display_formats():
    assert sc.Cell(12345, 12345, False, "count").display == "12,345"
    assert sc.Cell(2.345, 9, False, "change").display == "+2.3"
    assert sc.Cell(-1.25, 9, False, "change").display == "-1.2"
    assert sc.Cell(3.14159, 9, False, "mean").display == "3.1"
