"""The honest clock, checked for the author: does the child's time tell the case's story?

A scenario teaches that drift costs the child time. Its clock (the weeks each choice
costs) tells a different story when a route that misses the point protects the child as
quickly as getting it right, or when a child left in neglect has waited less than a child
protected in good time on another route. These are **warnings**, not graph errors: the
author may publish, but the editor and the map say what the clock shows, once each.

Routes are walked with :func:`scenarios.graph.every_route` (each loop gone round at most
once, only choices open at the time), the same walk the demo scenarios' story test uses.
Pure functions on :class:`~scenarios.graph.NodeData`: nothing here touches the database.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from scenarios import graph

# A route walk stops here: enough for every route of a 50-node scenario with a dozen
# two-way decisions; a larger story is checked on its first routes only (and says so).
MAX_ROUTES = 20_000

MISSED_AS_FAST = "missed_as_fast"
LATE_AS_FAST = "late_as_fast"
NEGLECT_SOONER = "neglect_sooner"
NOT_EVERY_ROUTE = "not_every_route"


@dataclass(frozen=True)
class ClockWarning:
    code: str
    message: str
    route: tuple[str, ...] = ()  # the node keys of the route the warning is about


@dataclass(frozen=True)
class Walk:
    """The routes checked: every route, or the first :data:`MAX_ROUTES` of them."""

    routes: list[graph.Route]
    cut_short: bool


def walk_routes(nodes: Sequence[graph.NodeData]) -> Walk:
    walked = list(itertools.islice(graph.every_route(nodes), MAX_ROUTES + 1))
    return Walk(walked[:MAX_ROUTES], len(walked) > MAX_ROUTES)


def weeks_to_each_ending(walk: Walk) -> dict[str, tuple[int, int]]:
    """For each ending some route reaches: the fewest and the most weeks a route to it
    takes (each loop gone round at most once)."""
    spans: dict[str, tuple[int, int]] = {}
    for route in walk.routes:
        ending, weeks = route.keys[-1], route.weeks
        fewest, most = spans.get(ending, (weeks, weeks))
        spans[ending] = (min(fewest, weeks), max(most, weeks))
    return spans


def clock_warnings(nodes: Sequence[graph.NodeData], walk: Walk | None = None) -> list[ClockWarning]:
    """What the clock gets wrong, at most one warning of each kind, each naming the
    route that shows it most plainly. Empty for a graph with no start. Pass ``walk``
    when the caller has walked the routes already."""
    nodes = list(nodes)
    titles: dict[str, str] = {}
    for node in nodes:
        titles.setdefault(node.key, node.title or node.key)
    walk = walk or walk_routes(nodes)
    routes = walk.routes
    if not routes:
        return []
    warnings = [
        *_slower_child_focused_route(nodes, routes, titles),
        *_neglect_waits_less(routes, titles),
    ]
    if walk.cut_short:
        warnings.append(
            ClockWarning(
                NOT_EVERY_ROUTE,
                f"This scenario has more than {MAX_ROUTES:,} routes, so the child's clock "
                f"was checked on the first {MAX_ROUTES:,} only.",
            )
        )
    return warnings


def _slower_child_focused_route(nodes, routes, titles):
    best = graph.strictly_child_focused_path(nodes)
    if best is None:
        return
    missed = [
        r
        for r in routes
        if r.outcome == graph.PROTECTED_IN_TIME and r.missed and r.weeks <= best.weeks
    ]
    if missed:
        route = _quickest(missed)
        yield ClockWarning(
            MISSED_AS_FAST,
            f"A route with a missed choice protects the child in good time in "
            f"{_weeks(route.weeks)}, as fast as or faster than the quickest child-focused "
            f"route ({_weeks(best.weeks)}): {_route_text(route, titles)}. Give the missed "
            "choice the time it costs the child.",
            route.keys,
        )
    late = [r for r in routes if r.outcome == graph.PROTECTED_LATE and r.weeks <= best.weeks]
    if late:
        route = _quickest(late)
        yield ClockWarning(
            LATE_AS_FAST,
            f"A route that protects the child late takes {_weeks(route.weeks)}, no longer "
            f"than the quickest child-focused route ({_weeks(best.weeks)}): "
            f"{_route_text(route, titles)}.",
            route.keys,
        )


def _neglect_waits_less(routes, titles):
    in_time = [r for r in routes if r.outcome == graph.PROTECTED_IN_TIME]
    if not in_time:
        return
    longest = max(in_time, key=lambda r: (r.weeks, -len(r.keys)))
    sooner = [r for r in routes if r.outcome == graph.LEFT_IN_NEGLECT and r.weeks < longest.weeks]
    if sooner:
        route = _quickest(sooner)
        yield ClockWarning(
            NEGLECT_SOONER,
            f"“{titles[route.keys[-1]]}” leaves the child in neglect after "
            f"{_weeks(route.weeks)} ({_route_text(route, titles)}), less waiting than a child "
            f"protected in good time on another route ({_weeks(longest.weeks)}: "
            f"{_route_text(longest, titles)}).",
            route.keys,
        )


def _quickest(routes: list[graph.Route]) -> graph.Route:
    """The route that shows a problem most plainly: the quickest, then the shortest."""
    return min(routes, key=lambda r: (r.weeks, len(r.keys)))


def _weeks(weeks: int) -> str:
    return f"{weeks} week{'' if weeks == 1 else 's'}"


def _route_text(route: graph.Route, titles: dict[str, str]) -> str:
    return " → ".join(titles[key] for key in route.keys)
