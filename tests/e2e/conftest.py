"""Browser fixtures: Debian's Chromium through Playwright, against pytest-django's live server.

Install with ``.ci/setup-browser``; run with ``.venv/bin/pytest -m browser tests/e2e``.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an asyncio event loop in this thread; Django refuses ORM calls
# from a thread with a running loop unless told it is safe (it is: the loop is idle while
# the test code runs).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402

from tests.e2e.browser import sign_in_with_cookie, sign_in_with_form  # noqa: E402
from tests.e2e.registry import Visit  # noqa: E402
from tests.e2e.single_sign_on import council_provider  # noqa: E402,F401  (fixture)
from tests.e2e.world import World, build_world  # noqa: E402
from tests.factories import PASSWORD, TOTP_SECRET  # noqa: E402
from tests.learning_records.conftest import lrs_server  # noqa: E402,F401  (fixture)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run .ci/setup-browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def world(transactional_db, live_server) -> World:
    return build_world(live_server.url)


@pytest.fixture
def new_context(browser: Browser, world: World):
    """Make browser contexts: ``new_context(java_script=True, bypass_csp=False)``."""
    made: list[BrowserContext] = []

    def make(*, java_script: bool = True, bypass_csp: bool = False) -> BrowserContext:
        context = browser.new_context(
            base_url=world.base_url,
            java_script_enabled=java_script,
            bypass_csp=bypass_csp,
            locale="en-GB",
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    return new_context().new_page()


@pytest.fixture
def page_no_js(new_context) -> Page:
    return new_context(java_script=False).new_page()


@pytest.fixture
def open_visit(world: World):
    """Open a registered page in ``context``: sign in as the visit's role, load, act."""

    def open_(context: BrowserContext, visit: Visit) -> Page:
        page = context.new_page()
        if visit.role != "anonymous":
            user = world.user(visit.role)
            if visit.sign_in_with_form:
                secret = TOTP_SECRET if _has_totp(user) else None
                sign_in_with_form(page, world.base_url, user.email, PASSWORD, totp_secret=secret)
            else:
                sign_in_with_cookie(context, world.base_url, user)
        response = page.goto(world.url(visit.path))
        assert response is not None
        assert response.status == visit.status, (
            f"{visit.path} answered {response.status}, expected {visit.status}"
        )
        if visit.then is not None:
            visit.then(page)
        page.wait_for_load_state()
        return page

    return open_


def _has_totp(user) -> bool:
    from tests.factories import has_totp

    return has_totp(user)
