from django.template import Context, Template
from hypothesis import given, settings
from hypothesis import strategies as st

from learning_site.sanitise import sanitise_text


def render(value):
    return Template("{% load learner_text %}{{ value|learner_text }}").render(
        Context({"value": value})
    )


def test_markup_is_escaped_never_rendered():
    html = render('<script>alert(1)</script> <img src=x onerror="alert(1)">')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_paragraphs_line_breaks_and_safe_links():
    html = render("First para\nsecond line\n\nSee https://example.org/guide")
    assert html.count("<p>") == 2
    assert "<br>" in html
    assert '<a href="https://example.org/guide" rel="nofollow">' in html


def test_javascript_urls_are_not_linked():
    html = render(sanitise_text('<a href="javascript:alert(1)">x</a> javascript:alert(1)'))
    assert "<a " not in html


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_text_that_skips_the_html_parser_comes_out_as_bleach_would_give_it(value):
    from learning_site.sanitise import _without_markup

    tidied = _without_markup(value).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    assert sanitise_text(value) == "\n".join(line.rstrip() for line in tidied.split("\n")).strip()
