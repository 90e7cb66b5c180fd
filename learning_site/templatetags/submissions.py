"""``{% one_time_submission_key %}``: the hidden key that makes a form idempotent.

A form drawn with a fresh key saves once however often it is sent (a double click, a
resend after a slow network); the view that receives it looks the key up first. Forms
built with Django forms get theirs from the form class; hand-written forms, such as the
scenario debrief's reflection, use this tag so both draw keys the same way.
"""

from django import template

from learning_site.forms import new_submission_key

register = template.Library()


@register.simple_tag
def one_time_submission_key() -> str:
    return new_submission_key()
