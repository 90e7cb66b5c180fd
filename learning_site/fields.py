from django import forms
from django.db import models


class MultipleChoiceField(models.CharField):
    """A list of choice keys stored as comma-separated text, so it works on SQLite and
    PostgreSQL, survives Wagtail revisions unchanged, and can be filtered with
    ``__contains``. Edited as a group of checkboxes in the Wagtail admin."""

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or isinstance(value, list | tuple):
            return list(value or [])
        return [v for v in str(value).split(",") if v]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return ",".join(value)
        return value or ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        valid = {key for key, _ in self.choices or []}
        bad = [v for v in value if v not in valid]
        if bad:
            raise forms.ValidationError(f"Unknown choice: {', '.join(bad)}")
        if not value and not self.blank:
            raise forms.ValidationError("Choose at least one.")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name[:1].upper() + self.verbose_name[1:],
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
