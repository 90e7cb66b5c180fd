"""Keyboard only: tab through registered pages (``KEYBOARD_PAGES``).

For each page: focus moves in the visual reading order (left to right along a row, then
down), every element that takes focus shows a visible focus style (its outline,
box-shadow or background differs from when it is not focused), the elements the page
lists are reached in order, Shift+Tab goes back, and tabbing leaves the page at the end
(no keyboard trap).
"""

from dataclasses import dataclass

import pytest

from tests.e2e.registry import collect, ids

pytestmark = pytest.mark.browser

KEYBOARD_PAGES = collect("KEYBOARD_PAGES")
MAX_TABS = 120

# Runs after each Tab: records the newly focused element (with its focused style) and the
# style of the previously focused one now that focus has left it.
STEP_JS = """
() => {
  const styleOf = (el) => {
    const s = getComputedStyle(el);
    return {outline: s.outlineStyle === 'none' || s.outlineColor === 'rgba(0, 0, 0, 0)'
              ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            boxShadow: s.boxShadow, background: s.backgroundColor};
  };
  const state = window.__kb || (window.__kb = {seen: []});
  const prev = state.seen[state.seen.length - 1];
  if (prev && !prev.blurred) { prev.blurred = styleOf(prev.el); }
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) { return null; }
  const r = el.getBoundingClientRect();
  const rec = {el, focused: styleOf(el), blurred: null};
  state.seen.push(rec);
  return {
    index: state.seen.length - 1,
    label: (el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' +
            (el.innerText || el.value || el.name || '').trim().slice(0, 40) + '"'),
    expect: el.dataset.kbExpect === undefined ? null : Number(el.dataset.kbExpect),
    x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height,
  };
}
"""
STYLES_JS = "() => window.__kb.seen.map(r => ({focused: r.focused, blurred: r.blurred}))"


@dataclass
class Stop:
    index: int
    label: str
    expect: int | None
    x: float
    y: float
    w: float
    h: float


def _in_reading_order(a: Stop, b: Stop) -> bool:
    same_row = b.y < a.y + a.h and a.y < b.y + b.h
    if same_row:
        return b.x >= a.x - 1
    return b.y >= a.y - 1


def _visible_change(style: dict) -> bool:
    focused, blurred = style["focused"], style["blurred"] or {}
    return (
        (focused["outline"] != "none" and focused["outline"] != blurred.get("outline"))
        or focused["boxShadow"] != blurred.get("boxShadow")
        or focused["background"] != blurred.get("background")
    )


def _tab_through(page) -> list[Stop]:
    stops: list[Stop] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        found = page.evaluate(STEP_JS)
        if found is None:
            break  # focus left the document: no trap
        stops.append(Stop(**found))
    else:
        pytest.fail(f"Focus never left the page after {MAX_TABS} presses of Tab (a trap?)")
    return stops


@pytest.mark.parametrize("keyboard_page", KEYBOARD_PAGES, ids=ids(KEYBOARD_PAGES))
def test_keyboard_only(keyboard_page, world, new_context, open_visit):
    page = open_visit(new_context(), keyboard_page.setup(world))
    page.evaluate(
        """(selectors) => selectors.forEach((sel, i) => {
            const el = document.querySelector(sel);
            if (el) { el.dataset.kbExpect = String(i); }
        })""",
        list(keyboard_page.must_reach),
    )
    # Start from the top of the document, as a person arriving on the page does.
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")

    stops = _tab_through(page)
    assert stops, "Nothing on the page takes keyboard focus"
    labels = [s.label for s in stops]

    reached = [s.expect for s in stops if s.expect is not None]
    assert reached == list(range(len(keyboard_page.must_reach))), (
        f"Expected to reach {keyboard_page.must_reach} in order; focus went: {labels}"
    )
    for a, b in zip(stops, stops[1:], strict=False):
        assert _in_reading_order(a, b), f"Focus jumped back from {a.label} to {b.label}"

    styles = page.evaluate(STYLES_JS)
    invisible = [
        stops[i].label for i, style in enumerate(styles[: len(stops)]) if not _visible_change(style)
    ]
    assert not invisible, f"No visible focus style on: {invisible}"


@pytest.mark.parametrize("keyboard_page", KEYBOARD_PAGES, ids=ids(KEYBOARD_PAGES))
def test_shift_tab_goes_back(keyboard_page, world, new_context, open_visit):
    page = open_visit(new_context(), keyboard_page.setup(world))
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    labels = []
    for _ in range(4):
        page.keyboard.press("Tab")
        labels.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)"))
    page.keyboard.press("Shift+Tab")
    back = page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)")
    assert back == labels[-2]
