"""Every registered page type passes axe-core's WCAG 2.0/2.1/2.2 A and AA rules, and
loads under the real Content-Security-Policy without a violation.

Pages come from ``tests/e2e/core_registry.py`` and each app's
``tests/<app>/browser_registry.py`` (``PAGES``).
"""

import pytest

from tests.e2e.axe import assert_no_violations
from tests.e2e.registry import collect, ids

pytestmark = pytest.mark.browser

PAGES = collect("PAGES")


@pytest.mark.parametrize("page_type", PAGES, ids=ids(PAGES))
def test_page_has_no_wcag_violations(page_type, world, new_context, open_visit):
    page = open_visit(new_context(bypass_csp=True), page_type.setup(world))
    assert_no_violations(page, page_type.name)


@pytest.mark.parametrize("page_type", PAGES, ids=ids(PAGES))
def test_page_works_under_the_content_security_policy(page_type, world, new_context, open_visit):
    context = new_context()
    problems: list[str] = []

    def on_console(message):
        if message.type == "error" and "Failed to load resource" not in message.text:
            problems.append(message.text)  # CSP refusals are reported here

    def on_response(response):
        # A stylesheet, script or image of ours that does not load.
        if (
            response.status >= 400
            and response.request.resource_type != "document"
            and not response.url.endswith("/favicon.ico")
        ):
            problems.append(f"{response.status} for {response.url}")

    context.on("console", on_console)
    context.on("response", on_response)
    context.on("pageerror", lambda error: problems.append(str(error)))
    page = open_visit(context, page_type.setup(world))
    # Blocked styles or scripts show as console errors; the site's stylesheet must apply.
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily").startswith("Arial")
    assert not problems, f"{page_type.name}: " + "\n".join(problems)


def test_axe_reports_what_it_finds(new_context):
    # The harness itself: a page with known faults must fail, with a readable message.
    page = new_context(bypass_csp=True).new_page()
    page.set_content(
        '<html lang="en"><head><title>Broken</title></head><body><main>'
        '<img src="x.png"><input type="text"></main></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        assert_no_violations(page, "a broken page")
    message = str(failure.value)
    assert "image-alt" in message and "label" in message and "img" in message
