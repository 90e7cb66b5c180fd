"""Rich text typed in the admin arrives from the editor (Draftail) as JSON. Wagtail's
widget reads it without a guard, so a garbled or forged post (a stale tab's, a script's)
was a server error. On our own admin forms it is an error on that field instead, and the
rest of what was typed is kept."""

from wagtail.admin.rich_text import DraftailRichTextArea

UNREADABLE = "This text could not be read, so it was not saved. Reload the page and type it again."


class _CheckedDraftail(DraftailRichTextArea):
    unreadable = False

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError):
            self.unreadable = True
            return None


def _forms_of(form):
    """The form and every form of its formsets (child forms of an inline panel)."""
    yield form
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            yield from _forms_of(child)


class CheckedRichTextMixin:
    """For a Wagtail admin form: rich text that cannot be read is a field error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for each in _forms_of(self):
            for field in each.fields.values():
                if type(field.widget) is DraftailRichTextArea:
                    field.widget.__class__ = _CheckedDraftail

    def clean(self):
        cleaned = super().clean()
        for each in _forms_of(self):
            for name, field in each.fields.items():
                if getattr(field.widget, "unreadable", False):
                    each.errors.pop(name, None)  # "required": it came, but unreadable
                    each.add_error(name, UNREADABLE)
        return cleaned
