import datetime

from django import forms

from evaluations.reports.models import ExportFormat, IndicatorValue, OutcomeIndicator


class OutcomeIndicatorForm(forms.ModelForm):
    class Meta:
        model = OutcomeIndicator
        fields = ["name", "description", "unit", "higher_is_better", "sort_order"]
        labels = {"sort_order": "Position in the report"}
        help_texts = {"sort_order": "Lower numbers come first."}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = OutcomeIndicator.objects.filter(partnership=self.partnership, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Your partnership already has an indicator with this name.")
        return name


QUARTER_CHOICES = [(1, "January to March"), (4, "April to June"), (7, "July to September"), (10, "October to December")]  # fmt: skip


class IndicatorValueForm(forms.Form):
    """Add or correct one quarter's figure. The quarter is picked from a list so a
    mistyped date cannot land a figure between quarters."""

    year = forms.IntegerField(
        min_value=2000,
        max_value=2100,
        help_text="The calendar year the quarter is in, for example 2025.",
    )
    quarter = forms.TypedChoiceField(choices=QUARTER_CHOICES, coerce=int)
    value = forms.DecimalField(
        max_digits=12, decimal_places=2, min_value=0,
        help_text="The figure for the quarter, for example 42 or 61.5.",
        error_messages={"invalid": "Enter the figure as a number, for example 42 or 61.5."},
    )  # fmt: skip
    note = forms.CharField(max_length=255, required=False, help_text="Optional.")

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    def clean(self):
        cleaned = super().clean()
        year, quarter = cleaned.get("year"), cleaned.get("quarter")
        if year and quarter:
            start = datetime.date(year, quarter, 1)
            if start > datetime.date.today():
                self.add_error("year", "The quarter has not started yet.")
            cleaned["quarter_start"] = start
        return cleaned

    def save(self) -> tuple[IndicatorValue, bool]:
        data = self.cleaned_data
        return IndicatorValue.objects.update_or_create(
            indicator=self.indicator,
            quarter_start=data["quarter_start"],
            defaults={"value": data["value"], "note": data.get("note", "")},
        )


class ExportRequestForm(forms.Form):
    export_format = forms.ChoiceField(choices=ExportFormat.choices, label="Format")
