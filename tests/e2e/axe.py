"""Run axe-core (installed from npm by .ci/setup-browser) in a Playwright page.

The site's Content-Security-Policy forbids injected scripts, so pages checked with axe
must come from a context made with ``bypass_csp=True``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no wcag22a tag: 2.2's new A rules are
# tagged wcag22aa or carry the 2.1 tags).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def _axe_source() -> str:
    if not AXE_JS.exists():
        raise AssertionError(f"{AXE_JS} is missing: run .ci/setup-browser")
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page: Page, tags: list[str] | None = None) -> dict:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=_axe_source())
    return page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        tags or WCAG_TAGS,
    )


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(" > ".join(t) if isinstance(t, list) else t for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}\n      {node['html'][:200]}\n      {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def assert_no_violations(page: Page, label: str = "") -> None:
    result = run_axe(page)
    violations = result["violations"]
    assert not violations, (
        f"axe-core found {len(violations)} WCAG violation(s) on {label or page.url}:\n"
        + format_violations(violations)
    )
