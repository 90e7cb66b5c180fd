from django.template import Context, Template

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
