"""What the error summary and each field's error message list, each error once.

A message added twice (by a field's own check and again by the form's ``clean``, or by
two validators saying the same thing) would otherwise be read out twice; the summary
lists each field and message once, linking visible fields and naming hidden ones' errors
in plain text (a link to a hidden input goes nowhere).
"""

from dataclasses import dataclass

from django import template

register = template.Library()


@dataclass(frozen=True)
class SummaryError:
    message: str
    href: str = ""


def unique(messages) -> list[str]:
    return list(dict.fromkeys(str(message) for message in messages))


@register.filter
def unique_errors(errors) -> list[str]:
    """A field's errors without repeats, in the order they were added."""
    return unique(errors or [])


@register.simple_tag
def error_summary_items(form) -> list[SummaryError]:
    items = [SummaryError(message) for message in unique(form.non_field_errors())]
    for field in form:
        if field.is_hidden:
            items += [SummaryError(message) for message in unique(field.errors)]
            continue
        href = f"#{field.auto_id}{'_0' if field.use_fieldset else ''}"
        items += [SummaryError(message, href) for message in unique(field.errors)]
    return list(dict.fromkeys(items))
