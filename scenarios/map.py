"""The map of a scenario: an SVG drawn on the server, plus the same graph as a list.

Columns are breadth-first steps from the start, so reading left to right follows the
case. No script and no CDN: the SVG uses presentation attributes only, so it also works
under the public site's strict Content-Security-Policy. The list beside it carries the
same information for screen-reader users and for print.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import mark_safe

from scenarios import graph
from scenarios.clock import clock_warnings
from scenarios.models import NodeKind, Outcome, ScenarioPage, describe_error

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 190, 64, 80, 26, 20
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


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_svg(nodes: list[graph.NodeData], title: str) -> str:
    placed = graph.layout(nodes)
    by_key = {}
    for node in nodes:
        by_key.setdefault(node.key, node)

    def origin(key: str) -> tuple[int, int]:
        return (
            PAD + placed.levels[key] * (BOX_W + GAP_X),
            PAD + placed.rows[key] * (BOX_H + GAP_Y),
        )

    # Room on the right for same-column arcs and below for loops.
    width = PAD * 2 + placed.width * (BOX_W + GAP_X)
    height = PAD * 2 + placed.height * (BOX_H + GAP_Y) + GAP_Y
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="scenario-map" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="scenario-map-title">',
        f'<title id="scenario-map-title">Map of “{escape(title)}”: {len(by_key)} nodes. '
        "The list below describes every node and choice.</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#505a5f"/></marker></defs>',
    ]
    for key, node in by_key.items():
        x1, y1 = origin(key)
        for choice in node.choices:
            if choice.target_key not in by_key:
                continue
            x2, y2 = origin(choice.target_key)
            colour = RATING_STROKE.get(choice.rating, "#505a5f")
            if x2 > x1:  # forwards: right edge to left edge
                start, end = (x1 + BOX_W, y1 + BOX_H // 2), (x2, y2 + BOX_H // 2)
                c1, c2 = ((start[0] + end[0]) // 2, start[1]), ((start[0] + end[0]) // 2, end[1])
            elif x2 == x1:  # same column: bulge out to the right
                start, end = (x1 + BOX_W, y1 + BOX_H // 2), (x2 + BOX_W, y2 + BOX_H // 2)
                c1, c2 = (start[0] + GAP_X * 2 // 3, start[1]), (end[0] + GAP_X * 2 // 3, end[1])
            else:  # a step back (a loop): curve below the boxes
                start, end = (x1 + BOX_W // 2, y1 + BOX_H), (x2 + BOX_W // 2, y2 + BOX_H)
                c1, c2 = (start[0], start[1] + GAP_Y * 2), (end[0], end[1] + GAP_Y * 2)
            parts.append(
                f'<path d="M {start[0]} {start[1]} C {c1[0]} {c1[1]}, {c2[0]} {c2[1]}, '
                f'{end[0]} {end[1]}" fill="none" stroke="{colour}" '
                f'stroke-width="2" marker-end="url(#arrow)"><title>{escape(choice.label)} '
                f"({choice.weeks} weeks)</title></path>"
            )
    for key, node in by_key.items():
        x, y = origin(key)
        stroke = OUTCOME_STROKE.get(node.outcome, "#0b0c0c")
        stroke_width = 4 if node.is_start or node.kind == NodeKind.ENDING else 1.5
        parts.append(
            f'<g><rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" '
            f'fill="{FILL.get(node.kind, "#ffffff")}" stroke="{stroke}" '
            f'stroke-width="{stroke_width}"/>'
            f'<text x="{x + 10}" y="{y + 24}" font-family="Arial, sans-serif" font-size="14" '
            f'font-weight="bold" fill="#0b0c0c">{escape(_short(node.title or key))}</text>'
            f'<text x="{x + 10}" y="{y + 46}" font-family="Arial, sans-serif" font-size="12" '
            f'fill="#505a5f">{escape(_short(_kind_line(node), 30))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _kind_line(node: graph.NodeData) -> str:
    if node.kind == NodeKind.ENDING:
        return dict(Outcome.choices).get(node.outcome, "Ending")
    label = "Start · " if node.is_start else ""
    return f"{label}{node.key}"


def outline(page: ScenarioPage) -> list[dict]:
    nodes = page.node_list()
    titles = {}
    for node in nodes:
        titles.setdefault(node.key, node.title)
    return [
        {
            "node": node,
            "choices": [
                {
                    "choice": choice,
                    "target_title": titles.get(choice.target_key),
                }
                for choice in node.choices.all()
            ],
        }
        for node in nodes
    ]


def scenario_map_context(page: ScenarioPage) -> dict:
    nodes = page.graph_nodes()
    errors = graph.validate_graph(nodes)
    return {
        "page": page,
        "map_svg": mark_safe(render_svg(nodes, page.title)),  # noqa: S308 - every text escaped above
        "outline": outline(page),
        "errors": [describe_error(page, e) for e in errors],
        "clock_warnings": [warning.message for warning in clock_warnings(nodes)],
        "deepest": graph.longest_decision_depth(nodes) if not errors else None,
        "child_focused": graph.child_focused_path(nodes) if not errors else None,
    }
