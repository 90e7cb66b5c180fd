from django import forms


class RoundupChoiceForm(forms.Form):
    subscribed = forms.TypedChoiceField(
        label="Do you want the monthly round-up of new research digests?",
        choices=[
            ("yes", "Yes, email me once a month when there are new digests"),
            ("no", "No, do not email me"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes or no"},
    )
