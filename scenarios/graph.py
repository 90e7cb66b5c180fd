"""Pure graph logic for scenarios: validation, paths and layout.

Nothing here touches the database. Callers turn a scenario (saved rows, an admin form's
data, or a parsed Twee file) into :class:`NodeData` / :class:`ChoiceData` and get plain
answers back, so the same rules run on publish, in the editor, on import, and under
hypothesis' generated graphs.

Errors are :class:`GraphError` values that name where the problem is: the node (by its
position in the author's list), the choice (by its position in that node), and the field,
so the editor can put each message beside the field that needs changing.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

DECISION = "decision"
INFORMATION = "information"
ENDING = "ending"
CHILD_FOCUSED = "child_focused"
PROTECTED_IN_TIME = "protected_in_time"


@dataclass(frozen=True)
class ChoiceData:
    label: str
    target_key: str
    weeks: int = 0
    rating: str = ""
    ident: object = None  # the caller's id for the choice (a pk), carried through paths


@dataclass(frozen=True)
class NodeData:
    key: str
    kind: str
    is_start: bool = False
    outcome: str = ""
    choices: tuple[ChoiceData, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class GraphError:
    """One problem. ``node`` and ``choice`` are list positions (None: the whole scenario)."""

    code: str
    message: str
    node: int | None = None
    choice: int | None = None
    field: str | None = None


# The codes, so tests and the editor can tell the kinds apart.
DUPLICATE_KEY = "duplicate_key"
BLANK_KEY = "blank_key"
NO_START = "no_start"
SEVERAL_STARTS = "several_starts"
MISSING_TARGET = "missing_target"
UNREACHABLE = "unreachable"
NO_WAY_OUT = "no_way_out"
ENDING_WITH_CHOICES = "ending_with_choices"
TOO_FEW_CHOICES = "too_few_choices"
DEAD_END = "dead_end"
ENDING_WITHOUT_OUTCOME = "ending_without_outcome"
NO_NODES = "no_nodes"


def validate_graph(nodes: Sequence[NodeData]) -> list[GraphError]:
    """Every rule a publishable scenario must meet; an empty list means it is valid.

    The rules, in the order their errors are listed, are :data:`GRAPH_RULES`: keys
    present and unique; exactly one start; each node fits its kind (endings have an
    outcome and no choices, decisions at least two choices, information nodes at least
    one) and its choices' targets exist; every node is reachable from the start; every
    node can reach an ending (so a cycle is allowed only when it has a way out).
    """
    if not nodes:
        return [GraphError(NO_NODES, "Add at least one node: a start, choices and endings.")]
    checked = _Graph.of(nodes)
    return [error for rule in GRAPH_RULES for error in rule(checked)]


@dataclass(frozen=True)
class _Graph:
    """The nodes as the rules see them."""

    nodes: Sequence[NodeData]
    first_index: dict[str, int]  # each key's first node: the one the player would use
    starts: list[int]

    @classmethod
    def of(cls, nodes: Sequence[NodeData]) -> _Graph:
        first_index: dict[str, int] = {}
        for i, node in enumerate(nodes):
            if node.key.strip():
                first_index.setdefault(node.key, i)
        starts = [i for i, node in enumerate(nodes) if node.is_start]
        return cls(nodes=nodes, first_index=first_index, starts=starts)

    @property
    def by_key(self) -> dict[str, NodeData]:
        return {key: self.nodes[i] for key, i in self.first_index.items()}


def _keys_present_and_unique(g: _Graph) -> Iterator[GraphError]:
    for i, node in enumerate(g.nodes):
        if not node.key.strip():
            yield GraphError(BLANK_KEY, "Give this node a key.", i, None, "key")
        elif g.first_index[node.key] != i:
            yield GraphError(
                DUPLICATE_KEY,
                f"Another node already uses the key “{node.key}”. Keys must be unique.",
                i,
                None,
                "key",
            )


def _one_start(g: _Graph) -> Iterator[GraphError]:
    if not g.starts:
        yield GraphError(NO_START, "Mark one node as the start.")
    for i in g.starts[1:]:
        yield GraphError(
            SEVERAL_STARTS,
            "Only one node can be the start. Untick “start” on all but one.",
            i,
            None,
            "is_start",
        )


def _each_node(g: _Graph) -> Iterator[GraphError]:
    for i, node in enumerate(g.nodes):
        for rule in NODE_RULES:
            yield from rule(i, node, g)


def _ending_has_no_choices(i: int, node: NodeData, g: _Graph) -> Iterator[GraphError]:
    if node.kind == ENDING and node.choices:
        yield GraphError(
            ENDING_WITH_CHOICES,
            "An ending cannot have choices. Remove them or change the kind.",
            i,
            None,
            "kind",
        )


def _ending_has_outcome(i: int, node: NodeData, g: _Graph) -> Iterator[GraphError]:
    if node.kind == ENDING and not node.outcome:
        yield GraphError(
            ENDING_WITHOUT_OUTCOME, "Say what the ending means for the child.", i, None, "outcome"
        )


def _decision_has_two_choices(i: int, node: NodeData, g: _Graph) -> Iterator[GraphError]:
    if node.kind == DECISION and len(node.choices) < 2:
        yield GraphError(TOO_FEW_CHOICES, "A decision needs at least two choices.", i, None, "kind")


def _information_has_a_choice(i: int, node: NodeData, g: _Graph) -> Iterator[GraphError]:
    if node.kind == INFORMATION and not node.choices:
        yield GraphError(
            DEAD_END,
            "Add a choice (for example “Continue”) or make this node an ending.",
            i,
            None,
            "kind",
        )


def _targets_exist(i: int, node: NodeData, g: _Graph) -> Iterator[GraphError]:
    for j, choice in enumerate(node.choices):
        if choice.target_key not in g.first_index:
            yield GraphError(
                MISSING_TARGET, f"No node has the key “{choice.target_key}”.", i, j, "target_key"
            )


def _reachable_from_start(g: _Graph) -> Iterator[GraphError]:
    by_key = g.by_key
    if not g.starts or g.nodes[g.starts[0]].key not in by_key:
        return  # the start rules have said why
    reachable = _reachable_from(g.nodes[g.starts[0]].key, by_key)
    for key, i in g.first_index.items():
        if key not in reachable:
            yield GraphError(
                UNREACHABLE, "No path from the start reaches this node.", i, None, "key"
            )


def _can_reach_an_ending(g: _Graph) -> Iterator[GraphError]:
    reaches_end = _can_reach_ending(g.by_key)
    for key, i in g.first_index.items():
        if key not in reaches_end and g.nodes[i].kind != ENDING:
            yield GraphError(
                NO_WAY_OUT,
                "From here no path leads to an ending (a loop needs a way out).",
                i,
                None,
                "kind",
            )


# Checked on each node in turn, in this order.
NODE_RULES: list[Callable[[int, NodeData, _Graph], Iterable[GraphError]]] = [
    _ending_has_no_choices,
    _ending_has_outcome,
    _decision_has_two_choices,
    _information_has_a_choice,
    _targets_exist,
]
# The whole graph's rules, in the order their errors are listed.
GRAPH_RULES: list[Callable[[_Graph], Iterable[GraphError]]] = [
    _keys_present_and_unique,
    _one_start,
    _each_node,
    _reachable_from_start,
    _can_reach_an_ending,
]


def _reachable_from(start: str, by_key: dict[str, NodeData]) -> set[str]:
    seen = {start}
    queue = deque([start])
    while queue:
        node = by_key[queue.popleft()]
        for choice in node.choices:
            if choice.target_key in by_key and choice.target_key not in seen:
                seen.add(choice.target_key)
                queue.append(choice.target_key)
    return seen


def _can_reach_ending(by_key: dict[str, NodeData]) -> set[str]:
    incoming: dict[str, set[str]] = {key: set() for key in by_key}
    for key, node in by_key.items():
        for choice in node.choices:
            if choice.target_key in incoming:
                incoming[choice.target_key].add(key)
    good = {key for key, node in by_key.items() if node.kind == ENDING}
    queue = deque(good)
    while queue:
        for source in incoming[queue.popleft()]:
            if source not in good:
                good.add(source)
                queue.append(source)
    return good


@dataclass(frozen=True)
class PathStep:
    from_key: str
    choice: ChoiceData
    to_key: str


@dataclass(frozen=True)
class GraphPath:
    steps: tuple[PathStep, ...]
    weeks: int
    ending_key: str

    @property
    def keys(self) -> list[str]:
        return [self.steps[0].from_key, *(s.to_key for s in self.steps)] if self.steps else []


def shortest_path(
    nodes: Iterable[NodeData],
    *,
    start: str | None = None,
    allow_choice=lambda choice: True,
    accept_ending=lambda node: True,
) -> GraphPath | None:
    """The path with fewest weeks (then fewest steps) from ``start`` to an accepted
    ending, using only allowed choices. None when there is no such path."""
    by_key = {}
    for node in nodes:
        by_key.setdefault(node.key, node)
    if start is None:
        start = next((n.key for n in by_key.values() if n.is_start), None)
    if start is None or start not in by_key:
        return None
    counter = 0
    heap: list = [(0, 0, counter, start, ())]
    best: dict[str, tuple[int, int]] = {}
    while heap:
        weeks, length, _, key, steps = heapq.heappop(heap)
        if key in best:
            continue
        best[key] = (weeks, length)
        node = by_key[key]
        if node.kind == ENDING:
            if accept_ending(node):
                return GraphPath(steps=steps, weeks=weeks, ending_key=key)
            continue
        for choice in node.choices:
            if choice.target_key in by_key and allow_choice(choice):
                counter += 1
                heapq.heappush(
                    heap,
                    (
                        weeks + max(choice.weeks, 0),
                        length + 1,
                        counter,
                        choice.target_key,
                        (*steps, PathStep(key, choice, choice.target_key)),
                    ),
                )
    return None


def child_focused_path(nodes: Sequence[NodeData], start: str | None = None) -> GraphPath | None:
    """The quickest way to protect the child in good time.

    First try child-focused choices only (unrated choices, such as "Continue" on an
    information node, count as neutral); if the author left no such path, take the
    quickest path to a "protected in good time" ending; failing that, the quickest path to
    any ending.
    """
    nodes = list(nodes)
    for allow, accept in (
        (lambda c: c.rating in (CHILD_FOCUSED, ""), lambda n: n.outcome == PROTECTED_IN_TIME),
        (lambda c: True, lambda n: n.outcome == PROTECTED_IN_TIME),
        (lambda c: True, lambda n: True),
    ):
        path = shortest_path(nodes, start=start, allow_choice=allow, accept_ending=accept)
        if path is not None:
            return path
    return None


def longest_decision_depth(nodes: Sequence[NodeData]) -> int:
    """The most decision nodes met on any simple path from the start to an ending."""
    by_key = {}
    for node in nodes:
        by_key.setdefault(node.key, node)
    start = next((n.key for n in by_key.values() if n.is_start), None)
    if start is None:
        return 0

    best = 0

    def walk(key: str, seen: frozenset[str], depth: int) -> None:
        nonlocal best
        node = by_key[key]
        if node.kind == ENDING:
            best = max(best, depth)
            return
        here = depth + (1 if node.kind == DECISION else 0)
        for choice in node.choices:
            if choice.target_key in by_key and choice.target_key not in seen:
                walk(choice.target_key, seen | {choice.target_key}, here)

    walk(start, frozenset({start}), 0)
    return best


@dataclass
class Layout:
    """Where each node sits on the map: a column per breadth-first level from the start."""

    levels: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def width(self) -> int:
        return max(self.levels.values(), default=0) + 1

    @property
    def height(self) -> int:
        return max(self.rows.values(), default=0) + 1


def layout(nodes: Sequence[NodeData]) -> Layout:
    by_key = {}
    for node in nodes:
        by_key.setdefault(node.key, node)
    start = next((n.key for n in by_key.values() if n.is_start), None)
    levels: dict[str, int] = {}
    if start is not None:
        levels[start] = 0
        queue = deque([start])
        while queue:
            key = queue.popleft()
            for choice in by_key[key].choices:
                if choice.target_key in by_key and choice.target_key not in levels:
                    levels[choice.target_key] = levels[key] + 1
                    queue.append(choice.target_key)
    # Unreachable nodes go in a last column so the author still sees them.
    last = max(levels.values(), default=-1) + 1
    for key in by_key:
        levels.setdefault(key, last)
    rows: dict[str, int] = {}
    used: dict[int, int] = {}
    for key in by_key:
        level = levels[key]
        rows[key] = used.get(level, 0)
        used[level] = rows[key] + 1
    return Layout(levels=levels, rows=rows)
