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
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

DECISION = "decision"
INFORMATION = "information"
ENDING = "ending"
CHILD_FOCUSED = "child_focused"
PROTECTED_IN_TIME = "protected_in_time"
PROTECTED_LATE = "protected_late"
LEFT_IN_NEGLECT = "left_in_neglect"
OPTIMISTIC = "optimistic"
COLLUSIVE = "collusive"
PROCEDURAL = "procedural"
# Ratings that mean the learner missed what the choice was testing.
MISSED_RATINGS = (OPTIMISTIC, COLLUSIVE, PROCEDURAL)

FACT_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A condition can also name an earlier choice: "chose:<node key>/<the choice's label as a
# slug>", for example "chose:first-visit/see-kai-alone". Taking a choice makes its name
# hold, as a fact would, so conditions, validation and the player treat both alike.
CHOICE_NAME = re.compile(r"chose:([A-Za-z0-9_-]+)/([a-z0-9]+(?:-[a-z0-9]+)*)")
CHOICE_PREFIX = "chose:"


def choice_name(node_key: str, label: str) -> str:
    """How a condition names the choice ``label`` at the node ``node_key``."""
    from django.utils.text import slugify

    return f"{CHOICE_PREFIX}{node_key}/{slugify(label) or 'choice'}"


def condition_names(nodes: Iterable[NodeData]) -> list[tuple[str, str]]:
    """Every name a condition in this scenario can test, with words for it: the facts
    choices set, then each choice (for the editor's suggestions and the trial player)."""
    nodes = list(nodes)
    facts = sorted({fact for node in nodes for c in node.choices for fact in c.sets})
    named = [(fact, f"the fact “{fact}”") for fact in facts]
    for node in nodes:
        for c in node.choices:
            named.append((c.made, f"took “{c.label}” at “{node.title or node.key}”"))
    return list(dict(named).items())


def is_condition_name(name: str) -> bool:
    """A name a condition may test: a fact, or an earlier choice."""
    return bool(FACT_NAME.fullmatch(name) or CHOICE_NAME.fullmatch(name))


def fact_names(text: str) -> tuple[str, ...]:
    """The fact names in ``text`` (separated by spaces or commas), in order, once each."""
    return tuple(dict.fromkeys(name for name in re.split(r"[\s,]+", text or "") if name))


@dataclass(frozen=True)
class ChoiceData:
    """One choice. ``sets`` are the facts that hold once it is taken; it is shown only
    when every fact in ``requires`` holds and none in ``unless`` does."""

    label: str
    target_key: str
    weeks: int = 0
    rating: str = ""
    ident: object = None  # the caller's id for the choice (a pk), carried through paths
    sets: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    made: str = ""  # its name as an earlier choice (set by its NodeData)

    @property
    def holds_after(self) -> tuple[str, ...]:
        """What holds once it is taken: the facts it sets, and that it was made."""
        return (*self.sets, self.made) if self.made else self.sets

    @property
    def is_conditional(self) -> bool:
        return bool(self.requires or self.unless)

    def is_open(self, facts: Iterable[str]) -> bool:
        """Whether the learner sees this choice when ``facts`` hold."""
        facts = set(facts)
        return facts.issuperset(self.requires) and facts.isdisjoint(self.unless)


@dataclass(frozen=True)
class NodeData:
    key: str
    kind: str
    is_start: bool = False
    outcome: str = ""
    choices: tuple[ChoiceData, ...] = ()
    title: str = ""

    def __post_init__(self):
        named = tuple(
            c if c.made else replace(c, made=choice_name(self.key, c.label)) for c in self.choices
        )
        object.__setattr__(self, "choices", named)


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
UNKNOWN_FACT = "unknown_fact"
NO_HISTORY_REACHES = "no_history_reaches"
NO_CHOICE_OPEN = "no_choice_open"
STUCK_AFTER_HISTORY = "stuck_after_history"
# How many (node, facts) states the condition rules explore before giving up: a
# 50-node scenario testing 6 facts has at most 3,200. Past the bound they say nothing.
MAX_HISTORY_STATES = 50_000


def validate_graph(nodes: Sequence[NodeData]) -> list[GraphError]:
    """Every rule a publishable scenario must meet; an empty list means it is valid.

    The rules, in the order their errors are listed, are :data:`GRAPH_RULES`: keys
    present and unique; exactly one start; each node fits its kind (endings have an
    outcome and no choices, decisions at least two choices, information nodes at least
    one) and its choices' targets exist and their conditions name facts some choice
    sets; every node is reachable from the start; every node can reach an ending (so a
    cycle is allowed only when it has a way out). When choices have conditions, the
    play-throughs are followed too (:func:`explore_histories`): every node must be
    reachable by some consistent history, and no history may leave the learner at a node
    with no choice shown or with no way to an ending.
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

    @cached_property
    def facts_set(self) -> set[str]:
        return {
            fact for node in self.nodes for choice in node.choices for fact in choice.holds_after
        }

    @cached_property
    def histories(self) -> Histories | None:
        """The play-throughs, when some choice has a condition and there is a start."""
        if not any(c.is_conditional for node in self.nodes for c in node.choices):
            return None
        if not self.starts or self.nodes[self.starts[0]].key not in self.first_index:
            return None
        return explore_histories(self.by_key, self.nodes[self.starts[0]].key)


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


def _conditions_name_known_facts(i: int, node: NodeData, g: _Graph) -> Iterator[GraphError]:
    for j, choice in enumerate(node.choices):
        for field_name, facts in (
            ("requires_facts", choice.requires),
            ("unless_facts", choice.unless),
        ):
            unknown = [fact for fact in facts if fact not in g.facts_set]
            if unknown:
                yield GraphError(
                    UNKNOWN_FACT,
                    unknown_facts_message(unknown),
                    i,
                    j,
                    field_name,
                )


def unknown_facts_message(unknown: Sequence[str]) -> str:
    facts = [name for name in unknown if not name.startswith(CHOICE_PREFIX)]
    choices = [name for name in unknown if name.startswith(CHOICE_PREFIX)]
    sentences = []
    if facts:
        sentences.append(
            f"No choice in this scenario sets {_quoted(facts)}. Check the spelling, "
            "or name the fact in “sets facts” on the choice that makes it true."
        )
    if choices:
        sentences.append(
            f"No choice in this scenario is {_quoted(choices)}: name an earlier choice as "
            "“chose:” then its node's key, “/”, and its label in lower case with hyphens. "
            "Pick it from the suggestions to be sure."
        )
    return " ".join(sentences)


def _reachable_by_some_history(g: _Graph) -> Iterator[GraphError]:
    histories = g.histories
    if histories is None or not histories.complete:
        return
    plainly_reachable = _reachable_from(g.nodes[g.starts[0]].key, g.by_key)
    reached = {key for key, _facts in histories.next_states}
    for key, i in g.first_index.items():
        if key in plainly_reachable and key not in reached:
            yield GraphError(
                NO_HISTORY_REACHES,
                "No play-through reaches this node: the conditions on the choices that "
                "lead here never hold when the learner could take them.",
                i,
                None,
                "key",
            )


def _every_history_has_a_way_on(g: _Graph) -> Iterator[GraphError]:
    histories = g.histories
    if histories is None or not histories.complete:
        return
    by_key = g.by_key
    plainly_reaches_end = _can_reach_ending(by_key)
    stuck = histories.stuck_states(by_key)
    told: set[str] = set()
    for state, following in histories.next_states.items():
        key, facts = state
        if key in told or by_key[key].kind == ENDING:
            continue
        if not following and any(c.target_key in by_key for c in by_key[key].choices):
            told.add(key)
            yield GraphError(
                NO_CHOICE_OPEN,
                "A learner can arrive here with no choice shown: "
                f"{describe_facts(facts)}. Loosen a condition or add a choice for them.",
                g.first_index[key],
                None,
                "kind",
            )
        elif state in stuck and key in plainly_reaches_end:
            told.add(key)
            yield GraphError(
                STUCK_AFTER_HISTORY,
                "A learner can arrive here with no shown choice leading to an ending: "
                f"{describe_facts(facts)}.",
                g.first_index[key],
                None,
                "kind",
            )


def _quoted(names: Iterable[str]) -> str:
    quoted = [f"“{name}”" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def describe_facts(facts: Iterable[str]) -> str:
    """The facts that hold at a point in a play-through, as the end of a sentence."""
    facts = sorted(facts)
    if not facts:
        return "when none of the facts the conditions test holds"
    held = " and ".join(f"“{fact}”" for fact in facts)
    return f"when {held} {'holds' if len(facts) == 1 else 'hold'}, and no other fact tested"


# Checked on each node in turn, in this order.
NODE_RULES: list[Callable[[int, NodeData, _Graph], Iterable[GraphError]]] = [
    _ending_has_no_choices,
    _ending_has_outcome,
    _decision_has_two_choices,
    _information_has_a_choice,
    _targets_exist,
    _conditions_name_known_facts,
]
# The whole graph's rules, in the order their errors are listed.
GRAPH_RULES: list[Callable[[_Graph], Iterable[GraphError]]] = [
    _keys_present_and_unique,
    _one_start,
    _each_node,
    _reachable_from_start,
    _can_reach_an_ending,
    _reachable_by_some_history,
    _every_history_has_a_way_on,
]


# --- play-throughs (histories) ------------------------------------------------------------
State = tuple[str, frozenset]  # (node key, the tested facts that hold)


def tested_facts(nodes: Iterable[NodeData]) -> frozenset[str]:
    """The facts some condition tests: only these change which choices a learner sees."""
    return frozenset(
        fact for node in nodes for c in node.choices for fact in (*c.requires, *c.unless)
    )


@dataclass(frozen=True)
class Histories:
    """Where play-throughs can be: each state a learner can reach (node, and which tested
    facts hold), with the states its open choices lead to. ``complete`` is False when
    there were more than :data:`MAX_HISTORY_STATES` and the search stopped."""

    next_states: dict[State, list[State]]
    complete: bool

    def stuck_states(self, by_key: dict[str, NodeData]) -> set[State]:
        """States from which no run of open choices reaches an ending. A state with no
        open choice at all is left out: it has its own message."""
        previous: dict[State, list[State]] = {state: [] for state in self.next_states}
        for state, following in self.next_states.items():
            for after in following:
                previous[after].append(state)
        good = _all_leading_to(
            {
                state
                for state, following in self.next_states.items()
                if by_key[state[0]].kind == ENDING or not following
            },
            previous,
        )
        return set(self.next_states) - good


def explore_histories(
    by_key: dict[str, NodeData], start: str, limit: int = MAX_HISTORY_STATES
) -> Histories:
    """Follow every play-through from ``start``, breadth first, taking only the choices
    open at each point. Facts only ever accumulate, so each node is met with at most
    2^(tested facts) sets of facts, and the search ends."""
    tested = tested_facts(by_key.values())
    first: State = (start, frozenset())
    next_states: dict[State, list[State]] = {}
    queue = deque([first])
    seen = {first}
    while queue:
        if len(seen) > limit:
            return Histories(next_states, complete=False)
        state = queue.popleft()
        key, facts = state
        following = []
        for choice in by_key[key].choices:
            if choice.target_key not in by_key or not choice.is_open(facts):
                continue
            after = (choice.target_key, facts | tested.intersection(choice.holds_after))
            following.append(after)
            if after not in seen:
                seen.add(after)
                queue.append(after)
        next_states[state] = following
    return Histories(next_states, complete=True)


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
    return _all_leading_to({key for key, node in by_key.items() if node.kind == ENDING}, incoming)


def _all_leading_to(goals: set, previous: dict) -> set:
    """``goals`` and everything from which some run of steps leads to one of them, given
    each thing's ``previous`` (the things one step before it)."""
    found = set(goals)
    queue = deque(found)
    while queue:
        for before in previous[queue.popleft()]:
            if before not in found:
                found.add(before)
                queue.append(before)
    return found


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
    ending, using only allowed choices, each open when it is taken (its conditions hold
    for the facts set earlier on the path). None when there is no such path."""
    by_key = {}
    for node in nodes:
        by_key.setdefault(node.key, node)
    if start is None:
        start = next((n.key for n in by_key.values() if n.is_start), None)
    if start is None or start not in by_key:
        return None
    tested = tested_facts(by_key.values())
    counter = 0
    heap: list = [(0, 0, counter, start, frozenset(), ())]
    done: set[State] = set()
    while heap:
        weeks, length, _, key, facts, steps = heapq.heappop(heap)
        if (key, facts) in done:
            continue
        done.add((key, facts))
        node = by_key[key]
        if node.kind == ENDING:
            if accept_ending(node):
                return GraphPath(steps=steps, weeks=weeks, ending_key=key)
            continue
        for choice in node.choices:
            if choice.target_key in by_key and choice.is_open(facts) and allow_choice(choice):
                counter += 1
                heapq.heappush(
                    heap,
                    (
                        weeks + max(choice.weeks, 0),
                        length + 1,
                        counter,
                        choice.target_key,
                        facts | tested.intersection(choice.holds_after),
                        (*steps, PathStep(key, choice, choice.target_key)),
                    ),
                )
    return None


@dataclass(frozen=True)
class Route:
    """One play-through from the start to an ending."""

    keys: tuple[str, ...]  # the nodes in order, start to ending
    steps: tuple[int, ...]  # weeks of each choice taken
    ratings: tuple[str, ...]
    outcome: str

    @property
    def weeks(self) -> int:
        return sum(self.steps)

    @property
    def missed(self) -> bool:
        return any(rating in MISSED_RATINGS for rating in self.ratings)


def every_route(nodes: Iterable[NodeData], *, max_visits: int = 2) -> Iterator[Route]:
    """Every route from the start to an ending that visits no node more than
    ``max_visits`` times (so each loop is gone round at most once), taking only choices
    open when they are taken, in the author's order of choices. A generator: there can
    be very many routes, so callers that must stay quick take the first few thousand."""
    by_key = {}
    for node in nodes:
        by_key.setdefault(node.key, node)
    start = next((n.key for n in by_key.values() if n.is_start), None)
    if start is None:
        return
    # Depth first with a stack rather than recursion: a long imported story is deeper
    # than Python's recursion limit.
    stack = [((start,), (), (), frozenset())]
    while stack:
        keys, steps, ratings, facts = stack.pop()
        node = by_key[keys[-1]]
        if node.kind == ENDING:
            yield Route(keys, steps, ratings, node.outcome)
            continue
        onward = [
            (
                (*keys, c.target_key),
                (*steps, c.weeks),
                (*ratings, c.rating),
                facts.union(c.holds_after),
            )
            for c in node.choices
            if c.target_key in by_key and keys.count(c.target_key) < max_visits and c.is_open(facts)
        ]
        stack.extend(reversed(onward))


def strictly_child_focused_path(
    nodes: Iterable[NodeData], start: str | None = None
) -> GraphPath | None:
    """The quickest path to a "protected in good time" ending taking only child-focused
    choices (unrated ones, such as "Continue", count as neutral); None if there is none."""
    return shortest_path(
        nodes,
        start=start,
        allow_choice=lambda c: c.rating in (CHILD_FOCUSED, ""),
        accept_ending=lambda n: n.outcome == PROTECTED_IN_TIME,
    )


def child_focused_path(nodes: Sequence[NodeData], start: str | None = None) -> GraphPath | None:
    """The quickest way to protect the child in good time.

    First try child-focused choices only (:func:`strictly_child_focused_path`); if the
    author left no such path, take the quickest path to a "protected in good time"
    ending; failing that, the quickest path to any ending.
    """
    nodes = list(nodes)
    return (
        strictly_child_focused_path(nodes, start)
        or shortest_path(nodes, start=start, accept_ending=lambda n: n.outcome == PROTECTED_IN_TIME)
        or shortest_path(nodes, start=start)
    )


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
