"""Property tests of the graph validator on generated graphs."""

import string

from hypothesis import given
from hypothesis import strategies as st

from scenarios import graph
from scenarios.graph import ChoiceData, NodeData

KINDS_WITH_CHOICES = (graph.DECISION, graph.INFORMATION)


@st.composite
def valid_graphs(draw):
    """A layered graph: every node's first choice goes one layer on (so everything reaches
    an ending), every node is linked from the layer before (so everything is reachable);
    extra choices may jump anywhere, including back (loops with a way out)."""
    n_inner = draw(st.integers(min_value=1, max_value=8))
    n_endings = draw(st.integers(min_value=1, max_value=3))
    inner = [f"n{i}" for i in range(n_inner)]
    endings = [f"end{i}" for i in range(n_endings)]
    everything = inner + endings
    outgoing = {key: [] for key in inner}
    # A chain through the inner nodes ending at the first ending guarantees reachability
    # and a way out for each.
    for i, key in enumerate(inner):
        outgoing[key].append(inner[i + 1] if i + 1 < n_inner else endings[0])
    # Every other ending is reached from some inner node.
    for ending in endings[1:]:
        outgoing[draw(st.sampled_from(inner))].append(ending)
    for key in inner:
        extra = draw(st.lists(st.sampled_from(everything), max_size=3))
        outgoing[key].extend(extra)
    nodes = []
    for i, key in enumerate(inner):
        targets = outgoing[key]
        kind = graph.DECISION if len(targets) >= 2 else graph.INFORMATION
        weeks = draw(st.lists(st.integers(0, 20), min_size=len(targets), max_size=len(targets)))
        ratings = draw(
            st.lists(
                st.sampled_from(["child_focused", "optimistic", "collusive", "procedural", ""]),
                min_size=len(targets),
                max_size=len(targets),
            )
        )
        nodes.append(
            NodeData(
                key=key,
                kind=kind,
                is_start=i == 0,
                choices=tuple(
                    ChoiceData(f"go {t}", t, w, r)
                    for t, w, r in zip(targets, weeks, ratings, strict=True)
                ),
            )
        )
    outcomes = ["protected_in_time", "protected_late", "left_in_neglect"]
    for i, key in enumerate(endings):
        nodes.append(NodeData(key=key, kind=graph.ENDING, outcome=outcomes[i % 3]))
    order = draw(st.permutations(range(len(nodes))))
    return [nodes[i] for i in order]


def codes(nodes):
    return {error.code for error in graph.validate_graph(nodes)}


def _replace(nodes, index, **changes):
    node = nodes[index]
    data = {f: getattr(node, f) for f in ("key", "kind", "is_start", "outcome", "choices", "title")}
    data.update(changes)
    return [*nodes[:index], NodeData(**data), *nodes[index + 1 :]]


@given(valid_graphs())
def test_valid_graphs_pass(nodes):
    assert graph.validate_graph(nodes) == []


@given(valid_graphs())
def test_a_valid_graph_always_has_a_path_to_an_ending(nodes):
    path = graph.child_focused_path(nodes)
    assert path is not None
    assert path.weeks == sum(step.choice.weeks for step in path.steps)
    assert next(n for n in nodes if n.key == path.ending_key).kind == graph.ENDING


@given(valid_graphs(), st.data())
def test_duplicate_key_is_reported_on_the_second_node(nodes, data):
    i, j = data.draw(st.lists(st.integers(0, len(nodes) - 1), min_size=2, max_size=2, unique=True))
    first, second = sorted((i, j))
    broken = _replace(nodes, second, key=nodes[first].key)
    errors = [e for e in graph.validate_graph(broken) if e.code == graph.DUPLICATE_KEY]
    assert [(e.node, e.field) for e in errors] == [(second, "key")]


@given(valid_graphs())
def test_no_start_is_reported(nodes):
    start = next(i for i, n in enumerate(nodes) if n.is_start)
    assert graph.NO_START in codes(_replace(nodes, start, is_start=False))


@given(valid_graphs(), st.data())
def test_a_second_start_is_reported_on_that_node(nodes, data):
    others = [i for i, n in enumerate(nodes) if not n.is_start]
    i = data.draw(st.sampled_from(others))
    errors = graph.validate_graph(_replace(nodes, i, is_start=True))
    several = [e for e in errors if e.code == graph.SEVERAL_STARTS]
    assert len(several) == 1 and several[0].field == "is_start"


@given(valid_graphs(), st.data(), st.text(string.ascii_lowercase, min_size=3, max_size=8))
def test_missing_target_is_reported_on_the_choice(nodes, data, name):
    with_choices = [i for i, n in enumerate(nodes) if n.choices]
    i = data.draw(st.sampled_from(with_choices))
    j = data.draw(st.integers(0, len(nodes[i].choices) - 1))
    missing = f"missing-{name}"
    choices = list(nodes[i].choices)
    choices[j] = ChoiceData(choices[j].label, missing, choices[j].weeks, choices[j].rating)
    errors = graph.validate_graph(_replace(nodes, i, choices=tuple(choices)))
    found = [e for e in errors if e.code == graph.MISSING_TARGET]
    assert [(e.node, e.choice, e.field) for e in found] == [(i, j, "target_key")]
    assert missing in found[0].message


@given(valid_graphs())
def test_an_orphan_node_is_unreachable(nodes):
    orphan = NodeData("orphan", graph.ENDING, outcome="protected_late")
    errors = graph.validate_graph([*nodes, orphan])
    assert [(e.code, e.node) for e in errors] == [(graph.UNREACHABLE, len(nodes))]


@given(valid_graphs(), st.data())
def test_a_loop_without_a_way_out_is_reported(nodes, data):
    """Send one inner node into a two-node loop with no exit: the trap has no way out."""
    inner = [i for i, n in enumerate(nodes) if n.kind != graph.ENDING]
    i = data.draw(st.sampled_from(inner))
    trap = [
        NodeData("trap-a", graph.INFORMATION, choices=(ChoiceData("on", "trap-b"),)),
        NodeData("trap-b", graph.INFORMATION, choices=(ChoiceData("back", "trap-a"),)),
    ]
    choices = (*nodes[i].choices, ChoiceData("into the trap", "trap-a"))
    broken = _replace(nodes, i, choices=choices, kind=graph.DECISION) + trap
    errors = [e for e in graph.validate_graph(broken) if e.code == graph.NO_WAY_OUT]
    assert sorted(e.node for e in errors) == [len(nodes), len(nodes) + 1]


@given(valid_graphs(), st.data())
def test_an_ending_with_choices_is_reported(nodes, data):
    endings = [i for i, n in enumerate(nodes) if n.kind == graph.ENDING]
    i = data.draw(st.sampled_from(endings))
    start_key = next(n.key for n in nodes if n.is_start)
    broken = _replace(nodes, i, choices=(ChoiceData("again", start_key),))
    assert graph.ENDING_WITH_CHOICES in codes(broken)


@given(valid_graphs(), st.data())
def test_a_decision_with_one_choice_is_reported(nodes, data):
    inner = [i for i, n in enumerate(nodes) if n.kind != graph.ENDING]
    i = data.draw(st.sampled_from(inner))
    broken = _replace(nodes, i, kind=graph.DECISION, choices=nodes[i].choices[:1])
    errors = graph.validate_graph(broken)
    assert (graph.TOO_FEW_CHOICES, i, "kind") in {(e.code, e.node, e.field) for e in errors}


def test_an_empty_scenario_is_reported():
    assert codes([]) == {graph.NO_NODES}


def test_child_focused_path_prefers_child_focused_choices_to_quick_ones():
    nodes = [
        NodeData(
            "s",
            graph.DECISION,
            True,
            choices=(
                ChoiceData("quick but collusive", "good", 0, "collusive"),
                ChoiceData("right", "mid", 2, "child_focused"),
            ),
        ),
        NodeData("mid", graph.INFORMATION, choices=(ChoiceData("on", "good", 1, ""),)),
        NodeData("good", graph.ENDING, outcome="protected_in_time"),
    ]
    path = graph.child_focused_path(nodes)
    assert [s.choice.label for s in path.steps] == ["right", "on"]
    assert path.weeks == 3
