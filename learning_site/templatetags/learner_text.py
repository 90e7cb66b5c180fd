"""Render learner free text safely: escaped, with paragraphs, line breaks and safe links.

The text was cleaned to plain text on the way in (``sanitise_text``); here it is escaped
again and only our own markup is added. Links are made only for http(s) addresses.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import urlize

register = template.Library()


@register.filter(needs_autoescape=False)
def learner_text(value: str | None):
    if not value:
        return ""
    # urlize escapes the text (autoescape=True) and only links http(s)/www addresses and
    # emails, adding rel="nofollow"; linebreaks then wraps paragraphs without re-escaping.
    linked = urlize(str(value), nofollow=True, autoescape=True)
    return linebreaks_filter(linked, autoescape=False)
