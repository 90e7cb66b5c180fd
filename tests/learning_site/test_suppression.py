"""The one small-cell suppression rule: hand-worked cases, then generated tables that a
reader tries to break with every published figure."""

from fractions import Fraction
from itertools import product

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from learning_site import suppression as sc
from learning_site.suppression import TOTAL


@pytest.fixture(autouse=True)
def _threshold(settings):
    settings.SMALL_CELL_THRESHOLD = 5


# --- hand-worked cases ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("n", "small"), [(0, False), (1, True), (4, True), (5, False), (250, False)]
)
def test_one_to_four_people_are_small_and_zero_is_not(n, small):
    assert sc.is_small(n) is small
    assert ("a" in sc.suppress_group({"a": n}, total_shown=False)) is small


def test_threshold_is_configurable(settings):
    settings.SMALL_CELL_THRESHOLD = 10
    result = sc.suppress_group({"a": 7, "b": 30}, total_shown=False)
    assert result.count("a").display == "fewer than 10"


def test_labels_never_claim_more_than_is_true():
    result = sc.suppress_group({"a": 3, "b": 20, "c": 30})
    assert result.count("a").display == "fewer than 5"
    # 20 is hidden only so that 3 cannot be worked out: it is not "fewer than 5".
    assert result.count("b").display == "not shown"
    assert result.count("c").display == "30"
    assert result.count("a").shown_value is None


def test_a_count_of_enrolments_from_few_people_says_so():
    """Health: 8 enrolments from 4 people is not "fewer than 5"."""
    result = sc.suppress({"health": 8}, [], people={"health": 4})
    assert result.count("health", counts_people=False).display == "not shown: fewer than 5 people"


def test_statistics_say_not_shown_only_when_their_base_is_small():
    assert sc.statistic_cell(2.5, 4).display == "not shown: fewer than 5 people"
    assert sc.statistic_cell(2.5, 12, "change").display == "+2.5"
    assert sc.statistic_cell(2.5, 12, protect=True).display == "not shown"
    assert sc.statistic_cell(None, 0).display == "no data"


def test_rates_follow_their_base_and_their_part():
    reach = sc.part_of_whole(10, 20)
    assert sc.rate_cell(reach.count("part"), reach.count("whole")).display == "50%"
    # 17 of 20: the 3 who did not could be worked out, so the part and its rate go.
    few_left = sc.part_of_whole(17, 20)
    rate = sc.rate_cell(few_left.count("part"), few_left.count("whole"))
    assert few_left.count("part").display == "not shown" and rate.display == "not shown"
    small = sc.part_of_whole(2, 3)
    assert sc.rate_cell(small.count("part"), small.count("whole")).display == (
        "not shown: fewer than 5 people"
    )
    nobody = sc.part_of_whole(0, 0)
    assert sc.rate_cell(nobody.count("part"), nobody.count("whole")).display == "no data"


@pytest.mark.parametrize(
    ("part", "whole", "hidden"),
    [
        (20, 20, set()),  # everyone completed: the rest is zero, nobody picked out
        (0, 20, set()),  # nobody did: zero is shown
        (17, 20, {"part"}),  # 3 did not: derivable, so hidden
        (3, 20, {"part"}),
        (10, 20, set()),
        (0, 3, {"whole"}),
    ],
)
def test_a_part_beside_its_whole(part, whole, hidden):
    assert sc.part_of_whole(part, whole).hidden == hidden


def test_complement_is_the_next_smallest_non_zero_part():
    assert sc.suppress_group({"a": 2, "z": 0, "b": 9, "c": 40}).hidden == {"a", "b"}
    assert sc.suppress_group({"a": 3, "x": 7, "b": 7}).hidden == {"a", "b"}  # ties by name


def test_no_complement_without_a_total():
    assert sc.suppress_group({"a": 3, "b": 20, "c": 30}, total_shown=False).hidden == {"a"}


def test_two_small_parts_that_add_up_to_their_count_are_protected():
    # 1 + 1 = total - 20: both hidden parts are at least 1, so both would be 1.
    assert sc.suppress_group({"a": 1, "b": 1, "c": 20}).hidden == {"a", "b", "c"}
    # "fewer than 5" is 1 to 4 and "not shown" at least 5: 1 + 5 = 6 would give both away.
    assert sc.suppress_group({"a": 1, "b": 5, "c": 20}).hidden == {"a", "b", "c"}


def test_the_total_is_hidden_when_nothing_else_can_protect_the_parts():
    # 4 + 4 = 8 with the third part zero: both would be 4.
    assert sc.suppress_group({"a": 4, "b": 4, "c": 0}).hidden == {"a", "b", TOTAL}


def test_a_two_way_table_protects_rows_and_columns_together():
    counts = {("x", "yes"): 2, ("x", "no"): 30, ("y", "yes"): 40, ("y", "no"): 50}
    values = dict(counts)
    values.update({("x", TOTAL): 32, ("y", TOTAL): 90, (TOTAL, "yes"): 42, (TOTAL, "no"): 80})
    values[(TOTAL, TOTAL)] = 122
    hidden = sc.suppress(values, sc.two_way_groups(["x", "y"], ["yes", "no"])).hidden
    assert hidden == {("x", "yes"), ("x", "no"), ("y", "yes"), ("y", "no")}


# --- a reader with every published figure ---------------------------------------------------
def _table(data):
    rows, columns, cells = data
    values = {(r, c): cells[i * columns + j] for i, r in enumerate(range(rows))
              for j, c in enumerate(range(columns))}  # fmt: skip
    for r in range(rows):
        values[(r, TOTAL)] = sum(values[(r, c)] for c in range(columns))
    for c in range(columns):
        values[(TOTAL, c)] = sum(values[(r, c)] for r in range(rows))
    values[(TOTAL, TOTAL)] = sum(values[(r, TOTAL)] for r in range(rows))
    return values, sc.two_way_groups(range(rows), range(columns))


def _relations(groups):
    """Each sum as {key: coefficient}: the parts minus the total make zero."""
    out = []
    for total, parts in groups:
        relation = dict.fromkeys(parts, 1)
        relation[total] = relation.get(total, 0) - 1
        out.append(relation)
    return out


def _recovered_by_subtraction(values, groups, hidden) -> set:
    """Totals minus visible cells, over and over: each time a sum has a single hidden
    cell, work it out and use it in the next sums."""
    known = {k: v for k, v in values.items() if k not in hidden}
    recovered = set()
    progress = True
    while progress:
        progress = False
        for relation in _relations(groups):
            unknown = [k for k in relation if k not in known]
            if len(unknown) == 1:
                (key,) = unknown
                rest = sum(c * known[k] for k, c in relation.items() if k != key)
                known[key] = -rest * relation[key]
                recovered.add(key)
                progress = True
    return recovered


def _determined_by_linear_algebra(groups, hidden) -> set:
    """Hidden cells fixed by the published sums taken all together (a cell is fixed when
    its unit vector lies in the span of the sums restricted to the hidden cells)."""
    keys = sorted(hidden, key=str)
    index = {k: i for i, k in enumerate(keys)}
    rows = []
    for relation in _relations(groups):
        row = [Fraction(0)] * len(keys)
        for key, coefficient in relation.items():
            if key in index:
                row[index[key]] += coefficient
        if any(row):
            rows.append(row)
    basis = _echelon(rows)
    return {
        k for k in keys if _in_span(basis, [Fraction(int(i == index[k])) for i in range(len(keys))])
    }


def _echelon(rows):
    basis = []  # (pivot, row)
    for row in rows:
        row = _reduce(basis, row)
        pivot = next((i for i, x in enumerate(row) if x), None)
        if pivot is not None:
            row = [x / row[pivot] for x in row]
            basis.append((pivot, row))
    return basis


def _reduce(basis, row):
    row = list(row)
    for pivot, base in basis:
        if row[pivot]:
            factor = row[pivot]
            row = [x - factor * b for x, b in zip(row, base, strict=True)]
    return row


def _in_span(basis, vector):
    return not any(_reduce(basis, vector))


tables = st.integers(1, 4).flatmap(
    lambda rows: st.integers(1, 4).flatmap(
        lambda columns: st.tuples(
            st.just(rows),
            st.just(columns),
            st.lists(
                st.one_of(st.integers(0, 6), st.integers(0, 40)),
                min_size=rows * columns,
                max_size=rows * columns,
            ),
        )
    )
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables)
@example((2, 2, [2, 30, 40, 50]))
@example((3, 2, [1, 1, 20, 30, 40, 4]))
def test_no_hidden_cell_of_a_table_can_be_worked_out(data):
    values, groups = _table(data)
    result = sc.suppress(values, groups)
    small = {k for k, v in values.items() if 0 < v < 5}
    assert small <= result.hidden  # every small count is hidden
    assert not _recovered_by_subtraction(values, groups, result.hidden)
    assert not _determined_by_linear_algebra(groups, result.hidden)


def _possible(labels, target):
    """Every way of filling the hidden parts, as a reader knowing the labels would:
    "fewer than 5" is 1 to 4, "not shown" at least 5, and they add up to ``target``."""
    ranges = [range(1, 5) if label == sc.SMALL else range(5, target + 1) for label in labels]
    return [combo for combo in product(*ranges) if sum(combo) == target]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 6), st.integers(0, 25)), min_size=1, max_size=5))
@example([1, 5, 20])
@example([1, 1, 20])
@example([4, 4, 0])
def test_no_hidden_part_can_be_narrowed_to_one_value_using_the_labels(parts):
    counts = dict(enumerate(parts))
    result = sc.suppress_group(counts)
    assert {k for k, v in counts.items() if 0 < v < 5} <= result.hidden
    if TOTAL in result.hidden:
        return  # the reader has no sum to work from
    hidden = sorted(k for k in counts if k in result.hidden)
    if not hidden:
        return
    target = sum(parts) - sum(v for k, v in counts.items() if k not in result.hidden)
    fillings = _possible([result.reason(k) for k in hidden], target)
    assert tuple(counts[k] for k in hidden) in fillings
    for position, key in enumerate(hidden):
        if 0 < counts[key] < 5:
            assert len({filling[position] for filling in fillings}) > 1, (key, fillings)
