"""Fast, no browser: every payload in the corpus, through the one cleaning function on
the way in (``sanitise_text``) and the one rendering filter on the way out
(``learner_text``). No tag survives cleaning, rendering adds only our own paragraphs,
line breaks and http(s)/mailto links, and the plain words are kept.

The browser test (``tests/e2e/test_xss.py``) submits the same corpus to every registered
learner free-text field and renders it in Chromium.
"""

from html.parser import HTMLParser

import pytest

from learning_site.sanitise import sanitise_text
from learning_site.templatetags.learner_text import learner_text
from tests.security.payloads import load_payloads, marked

PAYLOADS = load_payloads()
SAFE_HREF = ("http://", "https://", "mailto:")


class Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.comments = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag, {}))

    def handle_comment(self, data):
        self.comments += 1


def parse(text: str) -> Markup:
    markup = Markup()
    markup.feed(text)
    markup.close()
    return markup


def test_corpus_has_at_least_100_distinct_payloads():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_payload_is_cleaned_to_plain_text_and_rendered_safely(index):
    value, word = marked(PAYLOADS[index], index)
    cleaned = sanitise_text(value)
    stored = parse(cleaned)
    assert not stored.tags and not stored.comments, f"markup survived cleaning: {cleaned!r}"
    assert word in cleaned

    rendered = str(learner_text(cleaned))
    shown = parse(rendered)
    for tag, attrs in shown.tags:
        assert tag in {"p", "/p", "br", "a", "/a"}, f"{tag} in {rendered!r}"
        assert not any(name.startswith("on") or name == "style" for name in attrs), rendered
        if tag == "a":
            assert attrs.get("href", "").startswith(SAFE_HREF), rendered
            assert "nofollow" in attrs.get("rel", "")
    assert "javascript:" not in "".join(a.get("href", "") for _, a in shown.tags).lower()
    assert word in rendered
