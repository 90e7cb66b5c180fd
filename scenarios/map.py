"""The map of a scenario: an SVG drawn on the server, plus the same graph as a list.

Columns are breadth-first steps from the start, so reading left to right follows the
case. No script and no CDN: the SVG uses presentation attributes only, so it also works
under the public site's strict Content-Security-Policy. The list beside it carries the
same information for screen-reader users and for print.

The map is a tool for the author: on the admin screen each node's box links to that node
in the editor; a node with a problem says so in words, with a dashed red border; a choice
whose target no node has is drawn to a "Missing" box; and each ending says the fewest and
most weeks a route to it takes. Colour only repeats what the words say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.safestring import mark_safe

from scenarios import graph
from scenarios.clock import clock_warnings, walk_routes, weeks_to_each_ending
from scenarios.models import NodeKind, Outcome, ScenarioPage, describe_error

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 200, 82, 80, 26, 20
FILL = {
    NodeKind.DECISION: "#e8f1f8",
    NodeKind.INFORMATION: "#f3f2f1",
    NodeKind.ENDING: "#ffffff",
}
OUTCOME_STROKE = {
    Outcome.PROTECTED_IN_TIME: "#00703c",
    Outcome.PROTECTED_LATE: "#b35c00",
    Outcome.LEFT_IN_NEGLECT: "#d4351c",
}
RATING_STROKE = {
    "child_focused": "#00703c",
    "optimistic": "#b35c00",
    "collusive": "#d4351c",
    "procedural": "#505a5f",
}
PROBLEM_STROKE = "#d4351c"
TEXT = 'font-family="Arial, sans-serif" fill="#0b0c0c"'


@dataclass
class MapNotes:
    """What the map says about each node beyond its kind: problems, weeks, editor link."""

    # By the node's position in the author's list: two nodes may share a key.
    problems: dict[int, list[str]] = field(default_factory=dict)
    edit_links: dict[int, str] = field(default_factory=dict)
    weeks: dict[str, tuple[int, int]] = field(default_factory=dict)  # ending key → span


def _short(text: str, limit: int = 27) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _weeks(span: tuple[int, int]) -> str:
    fewest, most = span
    if fewest == most:
        return f"{fewest} week{'' if fewest == 1 else 's'}"
    return f"{fewest} to {most} weeks"


def _problem_line(count: int) -> str:
    return f"Problem{'s' if count > 1 else ''} to fix: {count}"


def _third_line(node: graph.NodeData, problems: list[str], notes: MapNotes) -> str:
    if problems:
        return _problem_line(len(problems))
    if node.kind == NodeKind.ENDING:
        span = notes.weeks.get(node.key)
        return f"Routes: {_weeks(span)}" if span else "No route reaches it"
    return ""


def render_svg(nodes: list[graph.NodeData], title: str, notes: MapNotes | None = None) -> str:
    notes = notes or MapNotes()
    placed = graph.layout(nodes)
    by_key, position = {}, {}
    for at, node in enumerate(nodes):
        by_key.setdefault(node.key, node)
        position.setdefault(node.key, at)

    # A choice whose target no node has points at a "Missing" box one column on from
    # the first node that names it, below the nodes already in that column.
    missing: dict[str, tuple[int, int]] = {}
    used_rows: dict[int, int] = {}
    for key, level in placed.levels.items():
        used_rows[level] = max(used_rows.get(level, 0), placed.rows[key] + 1)
    for key, node in by_key.items():
        for choice in node.choices:
            target = choice.target_key
            if target not in by_key and target not in missing:
                level = placed.levels[key] + 1
                missing[target] = (level, used_rows.get(level, 0))
                used_rows[level] = used_rows.get(level, 0) + 1

    def origin(key: str) -> tuple[int, int]:
        level, row = missing[key] if key not in by_key else (placed.levels[key], placed.rows[key])
        return PAD + level * (BOX_W + GAP_X), PAD + row * (BOX_H + GAP_Y)

    columns = max([placed.width, *(level + 1 for level, _ in missing.values())])
    rows = max([placed.height, *(row + 1 for _, row in missing.values())])
    # Room on the right for same-column arcs and below for loops.
    width = PAD * 2 + columns * (BOX_W + GAP_X)
    height = PAD * 2 + rows * (BOX_H + GAP_Y) + GAP_Y
    with_problems = sum(1 for problems in notes.problems.values() if problems)
    summary = f"{len(by_key)} nodes"
    if with_problems:
        summary += f", {with_problems} with problems"
    if missing:
        summary += f", {len(missing)} missing"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="scenario-map" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        # Links inside an image are hidden from screen readers, so a map with links is a
        # group; the list below says the same either way.
        f'role="{"group" if notes.edit_links else "img"}" aria-labelledby="scenario-map-title">',
        f'<title id="scenario-map-title">Map of “{escape(title)}”: {summary}. '
        "The list below describes every node and choice.</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#505a5f"/></marker></defs>',
    ]
    for key, node in by_key.items():
        x1, y1 = origin(key)
        for choice in node.choices:
            parts.append(
                _arrow((x1, y1), origin(choice.target_key), choice, choice.target_key in missing)
            )
    for key, node in by_key.items():
        parts.append(_node_box(node, position[key], origin(key), notes))
    for key in missing:
        parts.append(_missing_box(key, origin(key)))
    parts.append("</svg>")
    return "".join(parts)


def _arrow(source, target, choice: graph.ChoiceData, broken: bool) -> str:
    (x1, y1), (x2, y2) = source, target
    colour = PROBLEM_STROKE if broken else RATING_STROKE.get(choice.rating, "#505a5f")
    if x2 > x1:  # forwards: right edge to left edge
        start, end = (x1 + BOX_W, y1 + BOX_H // 2), (x2, y2 + BOX_H // 2)
        c1, c2 = ((start[0] + end[0]) // 2, start[1]), ((start[0] + end[0]) // 2, end[1])
    elif x2 == x1:  # same column: bulge out to the right
        start, end = (x1 + BOX_W, y1 + BOX_H // 2), (x2 + BOX_W, y2 + BOX_H // 2)
        c1, c2 = (start[0] + GAP_X * 2 // 3, start[1]), (end[0] + GAP_X * 2 // 3, end[1])
    else:  # a step back (a loop): curve below the boxes
        start, end = (x1 + BOX_W // 2, y1 + BOX_H), (x2 + BOX_W // 2, y2 + BOX_H)
        c1, c2 = (start[0], start[1] + GAP_Y * 2), (end[0], end[1] + GAP_Y * 2)
    dashes = ' stroke-dasharray="6 4"' if broken else ""
    where = (
        f"broken: no node has the key “{choice.target_key}”" if broken else f"{choice.weeks} weeks"
    )
    return (
        f'<path d="M {start[0]} {start[1]} C {c1[0]} {c1[1]}, {c2[0]} {c2[1]}, '
        f'{end[0]} {end[1]}" fill="none" stroke="{colour}" stroke-width="2"{dashes} '
        f'marker-end="url(#arrow)"><title>{escape(choice.label)} ({escape(where)})</title></path>'
    )


def _node_box(node: graph.NodeData, index: int, at: tuple[int, int], notes: MapNotes) -> str:
    x, y = at
    problems = notes.problems.get(index, [])
    stroke = PROBLEM_STROKE if problems else OUTCOME_STROKE.get(node.outcome, "#0b0c0c")
    stroke_width = 4 if problems or node.is_start or node.kind == NodeKind.ENDING else 1.5
    dashes = ' stroke-dasharray="8 4"' if problems else ""
    third = _third_line(node, problems, notes)
    box = (
        f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" '
        f'fill="{FILL.get(node.kind, "#ffffff")}" stroke="{stroke}" '
        f'stroke-width="{stroke_width}"{dashes}/>'
        f'<text x="{x + 10}" y="{y + 22}" {TEXT} font-size="14" font-weight="bold">'
        f"{escape(_short(node.title or node.key))}</text>"
        f'<text x="{x + 10}" y="{y + 44}" {TEXT} font-size="12">'
        f"{escape(_short(_kind_line(node), 31))}</text>"
    )
    if third:
        weight = ' font-weight="bold"' if problems else ""
        box += (
            f'<text x="{x + 10}" y="{y + 66}" {TEXT} font-size="12"{weight}>'
            f"{escape(_short(third, 31))}</text>"
        )
    link = notes.edit_links.get(index)
    if not link:
        return f"<g>{box}</g>"
    label = f"Edit “{node.title or node.key}”"
    if problems:
        label += f" ({_problem_line(len(problems)).lower()})"
    return f'<a href="{escape(link)}" aria-label="{escape(label)}"><g>{box}</g></a>'


def _missing_box(key: str, at: tuple[int, int]) -> str:
    x, y = at
    return (
        f'<g><rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#ffffff" '
        f'stroke="{PROBLEM_STROKE}" stroke-width="3" stroke-dasharray="6 4"/>'
        f'<text x="{x + 10}" y="{y + 22}" {TEXT} font-size="14" font-weight="bold">'
        f"{escape(_short('Missing: ' + key))}</text>"
        f'<text x="{x + 10}" y="{y + 44}" {TEXT} font-size="12">No node has this key</text></g>'
    )


def _kind_line(node: graph.NodeData) -> str:
    if node.kind == NodeKind.ENDING:
        return dict(Outcome.choices).get(node.outcome, "Ending")
    label = "Start · " if node.is_start else ""
    return f"{label}{node.key}"


def map_notes(page: ScenarioPage, errors, weeks, *, link_to_editor: bool) -> MapNotes:
    nodes = page.node_list()
    notes = MapNotes(weeks=weeks)
    for error in errors:
        if error.node is not None and error.node < len(nodes):
            notes.problems.setdefault(error.node, []).append(error.message)
    if link_to_editor and page.pk:
        for position in range(len(nodes)):
            # The node on a screen of its own (scenarios.node_editor).
            notes.edit_links[position] = reverse("scenarios_admin_node", args=[page.pk, position])
    return notes


def outline(page: ScenarioPage, notes: MapNotes) -> list[dict]:
    nodes = page.node_list()
    titles = {}
    for node in nodes:
        titles.setdefault(node.key, node.title)
    return [
        {
            "node": node,
            "problems": notes.problems.get(position, []),
            "weeks": _weeks(notes.weeks[node.key]) if node.key in notes.weeks else "",
            "edit_url": notes.edit_links.get(position, ""),
            # The same node in the whole scenario's form; scenario_editor.js opens the
            # Graph tab at it.
            "full_editor_url": (
                reverse("wagtailadmin_pages:edit", args=[page.pk])
                + f"#inline_child_nodes-{position}"
                if position in notes.edit_links
                else ""
            ),
            # The latest draft played from this node (trainers only: the admin).
            "play_url": (
                reverse("scenarios_admin_play", args=[page.pk]) + "?" + urlencode({"at": node.key})
                if position in notes.edit_links and node.key
                else ""
            ),
            "choices": [
                {
                    "choice": choice,
                    "target_title": titles.get(choice.target_key),
                }
                for choice in node.choices.all()
            ],
        }
        for position, node in enumerate(nodes)
    ]


def scenario_map_context(page: ScenarioPage, *, link_to_editor: bool = False) -> dict:
    """The map and its list. ``link_to_editor`` on the admin's map screen: each node
    links to its panel in the editor (not in the preview, which is framed in the editor)."""
    nodes = page.graph_nodes()
    errors = graph.validate_graph(nodes)
    walk = walk_routes(nodes)
    notes = map_notes(page, errors, weeks_to_each_ending(walk), link_to_editor=link_to_editor)
    return {
        "page": page,
        "map_svg": mark_safe(render_svg(nodes, page.title, notes)),  # noqa: S308 - every text escaped above
        "outline": outline(page, notes),
        "errors": [describe_error(page, e) for e in errors],
        "clock_warnings": [warning.message for warning in clock_warnings(nodes, walk)],
        "deepest": graph.longest_decision_depth(nodes) if not errors else None,
        "child_focused": graph.child_focused_path(nodes) if not errors else None,
    }
