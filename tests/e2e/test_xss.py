"""Every XSS payload in ``tests/security/xss_payloads.txt``, typed into every registered
learner free-text field (``FREE_TEXT_FIELDS``), saved, then shown in Chromium on every page
that shows it, to whoever reads it there (the learner, a trainer, a board member), except
that a field taking several pages per payload takes its share of the corpus (see
``FreeTextField.payload_share``; the fast test ``tests/security/test_xss_corpus.py`` takes
every payload through the same cleaning and rendering): no
dialog opens, no injected script runs (payloads set ``window.__xss``), no injected markup
is live and the learner's plain words are kept.

The pages are opened with the Content-Security-Policy bypassed, so this tests the
escaping itself; the policy is a second wall, not the one relied on here.
"""

import pytest
from playwright.sync_api import Page

from tests.e2e.browser import sign_in_with_cookie, submit
from tests.e2e.registry import collect, ids
from tests.security.payloads import load_payloads, marked

pytestmark = pytest.mark.browser

FIELDS = collect("FREE_TEXT_FIELDS")
PAYLOADS = load_payloads()

SHOWN_TEXT_JS = """() => [document.body.innerText,
  ...Array.from(document.querySelectorAll('input, textarea'), (el) => el.value)].join('\\n')"""
# What got through, if anything: the flag a payload sets, or injected live markup (an
# event handler, a script, a javascript: URL) even if nothing triggered it yet.
LIVE_JS = """() => {
  if (typeof window.__xss !== 'undefined') { return 'window.__xss was set'; }
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'];
  for (const el of document.querySelectorAll('*')) {
    if (el.tagName === 'SCRIPT' && /__xss|alert/.test(el.textContent)) { return 'a script'; }
    for (const attr of el.attributes) {
      const value = attr.value.toLowerCase();
      if (attr.name.startsWith('on') && /__xss|alert|eval/.test(value)) {
        return `${el.tagName} ${attr.name}`;
      }
      const scheme = value.replace(/[\\s\\x00-\\x1f]/g, '');
      if (urlAttrs.includes(attr.name) &&
          (/^(javascript:|vbscript:|data:text\\/html)/.test(scheme) ||
           (attr.name === 'srcdoc' && value.includes('__xss')))) {
        return `${el.tagName} ${attr.name}=${attr.value.slice(0, 60)}`;
      }
    }
  }
  return null;
}"""


def _address(url: str) -> str:
    return url.split("#")[0].split("?")[0]


@pytest.mark.parametrize("field", FIELDS, ids=ids(FIELDS))
def test_xss_payloads_stay_inert(field, world, new_context):
    dialogs: list[str] = []
    pages: dict[str, Page] = {}

    def page_for(role: str) -> Page:
        """One signed-in browser per role, kept for every payload."""
        if role not in pages:
            context = new_context(bypass_csp=True)
            if role != "anonymous":
                sign_in_with_cookie(context, world.base_url, world.user(role))
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            pages[role] = page
        return pages[role]

    failures: list[str] = []
    offset, step = field.payload_share
    for index, payload in enumerate(PAYLOADS):
        if index % step != offset:
            continue
        value, word = marked(payload, index, field.max_length)
        page = page_for(field.role)
        form_url = world.url(field.form_path(world))
        if _address(page.url) != form_url:  # a form that shows what it saved is reused
            page.goto(form_url)
        if field.fill_other is not None:
            field.fill_other(page)
        name = field.field(world) if callable(field.field) else field.field
        page.fill(f"[name='{name}']", value)
        submit(page, field.submit)
        if page.locator(".error-summary").count():
            failures.append(f"{payload!r}: not saved ({page.inner_text('.error-summary')!r})")
            continue
        for number, shown in enumerate(field.shown_on):
            role = shown.role or field.role
            path = shown.path(world)
            page = page_for(role)
            # The page the form answered with is checked as it is; any other is (re)loaded,
            # so that a reader's page from the payload before is never taken for this one.
            landed = number == 0 and role == field.role
            if not (landed and _address(page.url) == world.url(path)):
                page.goto(world.url(path))
            page.wait_for_load_state("load")
            page.wait_for_timeout(20)  # let autofocus/onerror handlers fire if any got through
            where = f"{path} ({role})"
            if dialogs:
                failures.append(f"{payload!r}: a dialog opened on {where} ({dialogs})")
                dialogs.clear()
            live = page.evaluate(LIVE_JS)
            if live:
                failures.append(f"{payload!r}: injected markup is live on {where}: {live}")
            if word not in page.evaluate(SHOWN_TEXT_JS):
                failures.append(f"{payload!r}: the words {word!r} were lost on {where}")
                break  # the pages after this one depend on it (e.g. approval)
            if shown.then is not None:
                shown.then(page, word)
    assert not failures, f"{field.name}: {len(failures)} payload(s) failed:\n" + "\n".join(failures)


def test_the_check_catches_unescaped_payloads(new_context):
    # The harness itself: the same payloads pasted into a page unescaped must be caught.
    page = new_context(bypass_csp=True).new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    caught = 0
    samples = [p for p in PAYLOADS if p.startswith(("<script>", "<img src=x onerror", "<a href"))]
    for payload in samples:
        page.set_content(f"<html><body><p>{payload}</p></body></html>")
        page.wait_for_timeout(20)
        if dialogs or page.evaluate(LIVE_JS):
            caught += 1
        dialogs.clear()
    assert len(samples) >= 8 and caught == len(samples)
