"""Admin forms used by the models' panels (kept free of model imports)."""

from django import forms
from django.db import models
from django.utils.datastructures import MultiValueDict
from wagtail.admin.forms import WagtailAdminModelForm

from learning_site.converters import parse_object_id


class PartnershipForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not user.is_administrator:
            # A partnership administrator runs their partnership; switching it off, or
            # changing the address it is known by, is a platform administrator's decision.
            self.fields.pop("is_active", None)
            self.fields.pop("slug", None)


class ForgedIdMixin:
    """A model choice whose submitted value cannot be an id is refused before any query.

    Browsers send ids from the form's own choosers and selects; anything else was typed
    into a hand-made POST. Two things broke on such values: Django's model choice fields
    catch ``ValueError`` but not SQLite's ``OverflowError`` (a page id above 64 bits), and
    Wagtail's chooser widgets look the value up again to draw the form and catch neither.
    The field is drawn empty with "Select a valid choice"; no one chose that value, so
    there is nothing of theirs to keep.
    """

    def full_clean(self):
        forged = self._forged_choices() if self.is_bound else {}
        if forged:
            data = self.data.copy()
            for name in forged:
                data[self.add_prefix(name)] = ""
            self.data = data
        super().full_clean()
        for name, value in forged.items():
            field = self.fields[name]
            self._errors.pop(name, None)  # "This field is required" would be wrong
            self.add_error(
                name,
                forms.ValidationError(
                    field.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": value},
                ),
            )

    def _forged_choices(self) -> dict[str, str]:
        forged = {}
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            if not _is_integer(field.queryset.model, field.to_field_name):
                continue
            key = self.add_prefix(name)
            if isinstance(self.data, MultiValueDict):
                values = self.data.getlist(key)
            else:
                values = [self.data.get(key)]
            for value in values:
                if value not in (None, "") and parse_object_id(value) is None:
                    forged[name] = value
        return forged


def _is_integer(model, field_name: str | None) -> bool:
    """Whether the choice is looked up by an integer (the id, unless the form field names
    another)."""
    field = model._meta.get_field(field_name) if field_name else model._meta.pk
    while field.is_relation:  # a page type's id is its link to wagtailcore.Page
        field = field.target_field
    return isinstance(field, models.IntegerField)
