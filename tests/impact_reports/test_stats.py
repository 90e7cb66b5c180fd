"""Paired means and t-based 95% confidence intervals, checked against hand working."""

import math

import pytest

from evaluations.reports.stats import paired_change, t_critical_95


@pytest.mark.parametrize(
    ("df", "t"),
    [(1, 12.706), (5, 2.571), (30, 2.042), (60, 2.000), (120, 1.980)],
)
def test_tabled_t_values(df, t):
    assert t_critical_95(df) == t


def test_t_values_between_table_rows_are_interpolated_in_one_over_df():
    # Published value for 50 degrees of freedom is 2.009.
    assert t_critical_95(50) == pytest.approx(2.009, abs=0.001)
    # For very large samples t approaches the normal 1.960.
    assert t_critical_95(100_000) == pytest.approx(1.960, abs=0.001)
    assert t_critical_95(35) < t_critical_95(31) < t_critical_95(30)


def test_t_needs_a_degree_of_freedom():
    with pytest.raises(ValueError):
        t_critical_95(0)


def test_paired_change_worked_by_hand():
    # Differences 30, 30, 0, 40, 20, 20: sum 140, sum of squares 4200.
    result = paired_change(6, 140, 4200)
    assert result.mean_change == pytest.approx(23.3333, abs=1e-4)
    # s^2 = (4200 - 6 * 23.333^2) / 5 = 186.667; s = 13.663
    assert result.sd == pytest.approx(math.sqrt(186.6667), abs=1e-3)
    # margin = 2.571 * 13.663 / sqrt(6) = 14.341
    assert result.ci_low == pytest.approx(8.992, abs=1e-2)
    assert result.ci_high == pytest.approx(37.675, abs=1e-2)


def test_one_pair_has_a_mean_but_no_interval_and_none_has_nothing():
    one = paired_change(1, 5, 25)
    assert one.mean_change == 5 and one.ci_low is None
    none = paired_change(0, None, None)
    assert none.mean_change is None and none.n == 0


def test_identical_changes_give_a_zero_width_interval():
    result = paired_change(4, 8, 16)  # every difference is 2
    assert result.ci_low == pytest.approx(2) and result.ci_high == pytest.approx(2)
