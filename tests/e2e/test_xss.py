"""Every XSS payload in ``tests/security/xss_payloads.txt``, typed into every registered
learner free-text field (``FREE_TEXT_FIELDS``), saved, then shown in Chromium: no dialog
opens, no injected script runs (payloads set ``window.__xss``) and the learner's plain
words are kept.

The pages are opened with the Content-Security-Policy bypassed, so this tests the
escaping itself; the policy is a second wall, not the one relied on here.
"""

import pytest

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


@pytest.mark.parametrize("field", FIELDS, ids=ids(FIELDS))
def test_xss_payloads_stay_inert(field, world, new_context):
    context = new_context(bypass_csp=True)
    sign_in_with_cookie(context, world.base_url, world.user(field.role))
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    failures: list[str] = []
    for index, payload in enumerate(PAYLOADS):
        value, word = marked(payload, index, field.max_length)
        form_url = world.url(field.form_path(world))
        if page.url.split("?")[0] != form_url:  # a form that shows what it saved is reused
            page.goto(form_url)
        if field.fill_other is not None:
            field.fill_other(page)
        page.fill(f"[name='{field.field}']", value)
        submit(page, field.submit)
        if page.locator(".error-summary").count():
            failures.append(f"{payload!r}: not saved ({page.inner_text('.error-summary')!r})")
            continue
        rendered = world.url(field.rendered_path(world))
        if page.url.split("?")[0] != rendered:
            page.goto(rendered)
        page.wait_for_load_state("load")
        page.wait_for_timeout(20)  # let autofocus/onerror handlers fire if any got through
        if dialogs:
            failures.append(f"{payload!r}: a dialog opened ({dialogs})")
            dialogs.clear()
        live = page.evaluate(LIVE_JS)
        if live:
            failures.append(f"{payload!r}: injected markup is live: {live}")
        if word not in page.evaluate(SHOWN_TEXT_JS):
            failures.append(f"{payload!r}: the words {word!r} were lost")
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
