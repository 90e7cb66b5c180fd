from django import forms
from django.conf import settings

from courses.blocks import ALL_THAT_APPLY, question_text
from courses.models import GIBBS_HEADINGS, JournalEntry
from courses.models.progress import CERTIFICATE_CODE_LENGTH, normalised_certificate_code
from courses.requirements import CheckSpec
from learning_site.forms import new_submission_key
from learning_site.sanitise import sanitise_text


def answer_field(spec: CheckSpec, label: str | None = None) -> forms.Field:
    choices = [(str(i), option["text"]) for i, option in enumerate(spec.options)]
    label = label or question_text(spec.question)
    if spec.multiple:
        return forms.MultipleChoiceField(
            label=label,
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            help_text=ALL_THAT_APPLY,
            error_messages={"required": "Select at least one answer."},
        )
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select an answer."},
    )


class KnowledgeCheckForm(forms.Form):
    def __init__(self, spec: CheckSpec, *args, **kwargs):
        kwargs.setdefault("prefix", f"check-{spec.key}")
        super().__init__(*args, **kwargs)
        self.spec = spec
        self.fields["answer"] = answer_field(spec)

    def selected(self) -> list[int]:
        value = self.cleaned_data["answer"]
        return [int(v) for v in (value if isinstance(value, list) else [value])]


def clean_learner_text(value: str, *, required: bool, label: str = "your reflection") -> str:
    text = sanitise_text(value)
    limit = settings.REFLECTION_MAX_CHARS
    if required and not text:
        raise forms.ValidationError(f"Write {label} before saving.")
    if len(text) > limit:
        raise forms.ValidationError(
            f"{label[0].upper()}{label[1:]} must be {limit:,} characters or fewer. "
            f"It is {len(text):,} characters now."
        )
    return text


class ReflectionForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), required=False, strip=False)

    def __init__(
        self,
        prompt: str,
        *args,
        key: str = "",
        required: bool = True,
        guidance: str = "",
        **kwargs,
    ):
        kwargs.setdefault("prefix", f"reflection-{key}")
        super().__init__(*args, **kwargs)
        field = self.fields["text"]
        field.label = prompt
        # Guidance is read after the question and announced with the box it helps with.
        field.help_text = guidance
        # The label says "(optional)" unless the module needs this reflection to complete,
        # as the "Required" tag above it does. Saving still needs some words either way.
        field.required = required
        field.error_messages["required"] = "Write your reflection before saving."

    def clean_text(self):
        return clean_learner_text(self.cleaned_data["text"], required=True)


class JournalEntryForm(forms.ModelForm):
    """Free entries and edits. Gibbs headings are optional prompts for deeper reflection."""

    next = forms.CharField(required=False, widget=forms.HiddenInput)
    # A new entry's one-time key: sending the same form twice saves one entry.
    submission_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    class Meta:
        model = JournalEntry
        fields = [
            "title",
            "body",
            *[name for name, _, _ in GIBBS_HEADINGS],
            "include_in_cpd",
            "discussed_with_peer",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            **{name: forms.Textarea(attrs={"rows": 3}) for name, _, _ in GIBBS_HEADINGS},
        }
        labels = {
            "title": "Title",
            "body": "Your reflection",
            **{n: label for n, label, _ in GIBBS_HEADINGS},
        }
        help_texts = {n: hint for n, _, hint in GIBBS_HEADINGS if hint}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = False  # any heading will do instead: see clean()
        self.fields["body"].strip = False
        if self.instance.pk is None and not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())

    def clean_title(self):
        return clean_learner_text(
            self.cleaned_data.get("title", ""), required=False, label="the title"
        )[:200]

    def clean_body(self):
        return clean_learner_text(self.cleaned_data.get("body", ""), required=False)

    def clean(self):
        cleaned = super().clean()
        for name, label, _ in GIBBS_HEADINGS:
            if name in cleaned:
                try:
                    cleaned[name] = clean_learner_text(
                        cleaned[name] or "", required=False, label=f"'{label}'"
                    )
                except forms.ValidationError as error:
                    self.add_error(name, error)
        texts = [cleaned.get("body"), *(cleaned.get(n) for n, _, _ in GIBBS_HEADINGS)]
        if not self.has_error("body") and not any(texts):
            self.add_error(
                "body", "Write your reflection, or answer one of the headings, before saving."
            )
        return cleaned


class CertificateCodeForm(forms.Form):
    """Check a certificate: the code as printed, however it was typed."""

    code = forms.CharField(
        label="Certificate code",
        max_length=40,
        help_text="It is printed on the certificate, for example ABCD-EFGH-JKLM. "
        "Spaces, hyphens and small letters do not matter.",
        error_messages={
            "required": "Enter the certificate code.",
            "max_length": "A certificate code has 12 letters and numbers, like ABCD-EFGH-JKLM.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        code = normalised_certificate_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError("Enter the certificate code.")
        if len(code) != CERTIFICATE_CODE_LENGTH + 2:
            raise forms.ValidationError(
                "A certificate code has 12 letters and numbers, like ABCD-EFGH-JKLM. "
                "Check you typed all of it."
            )
        return code
