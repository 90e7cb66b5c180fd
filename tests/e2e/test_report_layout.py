"""The training-impact report read on a laptop (1366 px) and a phone (375 px): no table
is cut off, every chart has a visible title and text big enough to read, and axe finds
nothing.

At laptop width every table fits the page. At phone width a table may be wider than the
screen, but only inside its own scroll region: labelled, reachable by keyboard, and
scrolling sideways by itself rather than widening the page.
"""

import pytest

from tests.e2e.axe import assert_no_violations
from tests.e2e.registry import Visit

pytestmark = pytest.mark.browser

# Each problem as a sentence; an empty list means the layout is sound.
LAYOUT_PROBLEMS = """(mustFit) => {
  const problems = [];
  const name = (table) => (table.querySelector('caption') || {}).textContent || 'a table';
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  }
  for (const table of document.querySelectorAll('main table')) {
    const region = table.closest('.table-wrapper');
    const room = (region || table.parentElement).clientWidth;
    if (table.scrollWidth > room + 1) {
      const style = region && getComputedStyle(region).overflowX;
      const scrolls = region && ['auto', 'scroll'].includes(style)
        && region.getAttribute('role') === 'region' && region.getAttribute('aria-label')
        && region.tabIndex === 0;
      if (mustFit) {
        problems.push(`${name(table)}: ${table.scrollWidth}px wide in ${room}px`);
      } else if (!scrolls) {
        problems.push(`${name(table)}: wider than the screen, not in a scroll region`);
      }
    }
    for (const cell of table.querySelectorAll('th, td')) {
      if (cell.scrollWidth > cell.clientWidth + 1) {
        problems.push(`${name(table)}: "${cell.textContent.trim()}" is cut off`);
      }
    }
  }
  return problems;
}"""

CHART_TITLES = """() => [...document.querySelectorAll('main svg.report-chart')].map((svg) => {
  const figure = svg.closest('figure');
  const caption = figure && figure.querySelector('figcaption');
  const labelled = figure && caption
    && figure.getAttribute('aria-labelledby') === caption.id;
  return {
    title: svg.querySelector('title').textContent,
    caption: caption ? caption.textContent.trim() : '',
    visible: Boolean(caption && caption.getBoundingClientRect().height > 0
      && getComputedStyle(caption).visibility === 'visible'),
    labelled: Boolean(labelled),
    // The smallest text in the chart as drawn on screen, in CSS pixels.
    smallestText: Math.min(...[...svg.querySelectorAll('text')].map((text) =>
      Number(text.getAttribute('font-size'))
      * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width)),
  };
})"""


@pytest.mark.parametrize(("width", "tables_fit"), [(1366, True), (375, False)])
def test_report_reads_on_a_laptop_and_a_phone(width, tables_fit, world, new_context, open_visit):
    context = new_context(bypass_csp=True)
    page = open_visit(context, Visit("/reports/", "board_member"))
    page.set_viewport_size({"width": width, "height": 900})

    assert page.evaluate(LAYOUT_PROBLEMS, tables_fit) == []
    if not tables_fit:
        # Somewhere a table is wider than a phone: it scrolls in its region instead.
        assert page.evaluate(
            """() => [...document.querySelectorAll('main .table-wrapper')]
                 .some((region) => region.scrollWidth > region.clientWidth)"""
        )

    charts = page.evaluate(CHART_TITLES)
    # Reach, learning, completions per quarter and the browser world's one indicator.
    assert len(charts) >= 4
    for chart in charts:
        assert chart["caption"] == chart["title"] and chart["visible"], chart
        assert chart["labelled"], chart
        # Not shrunk to unreadable on a phone (it scrolls in its own region instead).
        assert chart["smallestText"] >= 9, chart

    assert_no_violations(page, f"training-impact report at {width}px")
