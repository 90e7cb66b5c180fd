"""Helpers for driving the site in Chromium: signing in, reading emails, finding links.

The live server runs in this process with the test settings' in-memory email backend, so
every email the site sends lands in ``django.core.mail.outbox``.
"""

from __future__ import annotations

import re
import time

from django.conf import settings
from django.core import mail
from playwright.sync_api import BrowserContext, Page, expect

from tests.factories import PASSWORD, TOTP_SECRET

URL_RE = re.compile(r"https?://[^\s<>\"']+")


# --- Email -----------------------------------------------------------------------------
def outbox() -> list:
    return list(mail.outbox)


def emails_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def wait_for_email(address: str, timeout: float = 10.0):
    """The newest email to ``address`` (sending may finish just after the page loads)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = emails_to(address)
        if found:
            return found[-1]
        time.sleep(0.05)
    raise AssertionError(f"No email to {address}; outbox has {[m.to for m in mail.outbox]}")


def links_in(message, containing: str = "") -> list[str]:
    bodies = [message.body] + [
        content for content, mimetype in getattr(message, "alternatives", []) if mimetype
    ]
    links = []
    for body in bodies:
        for url in URL_RE.findall(body):
            url = url.rstrip(".,)")
            if containing in url and url not in links:
                links.append(url)
    return links


# --- Signing in ------------------------------------------------------------------------
def totp_code(secret: str = TOTP_SECRET) -> str:
    """The current code, never one about to expire: allauth accepts a code only in its own
    30-second period, so a code read in the last seconds of one and checked in the next
    was refused (a CI run failed so)."""
    import time

    from learning_site.demo import demo_totp_code

    left = 30 - time.time() % 30
    if left < 5:
        time.sleep(left + 0.1)
    return demo_totp_code(secret)


def sign_in_with_form(
    page: Page,
    base_url: str,
    email: str,
    password: str = PASSWORD,
    *,
    totp_secret: str | None = None,
) -> None:
    """Sign in through the real form, answering the two-factor step when asked."""
    page.goto(base_url + "/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    if totp_secret is not None:
        expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
        page.fill("input[name=code]", totp_code(totp_secret))
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state()
    # Signed in: past the sign-in and code pages (staff land in the Wagtail admin).
    expect(page).not_to_have_url(re.compile(r"/accounts/(login|2fa/authenticate)/"))


def sign_out(page: Page) -> None:
    page.locator("form[action$='/accounts/logout/'] button").click()
    page.wait_for_load_state()
    account_nav = page.get_by_role("navigation", name="Account")
    expect(account_nav.get_by_role("link", name="Sign in", exact=True)).to_be_visible()


def sign_in_with_cookie(context: BrowserContext, base_url: str, user) -> None:
    """A signed-in session without the form: quick, for pages that are not about sign-in."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def submit(page: Page, selector: str = "main form button[type=submit]") -> None:
    """Click a form's submit button and wait for the page that answers."""
    with page.expect_navigation():
        page.locator(selector).first.click()
