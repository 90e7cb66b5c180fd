"""The survey form, built from a frozen instrument version's questions."""

from django import forms
from django.conf import settings

from evaluations.models import FrozenQuestion, QuestionKind
from learning_site.sanitise import sanitise_text


def _field_for(question: FrozenQuestion, required: bool) -> forms.Field:
    common = {"label": question.text, "help_text": question.help_text, "required": required}
    if question.kind == QuestionKind.LIKERT:
        labels = question.scale_labels or []
        return forms.ChoiceField(
            choices=[(str(i), f"{i}: {label}") for i, label in enumerate(labels, start=1)],
            widget=forms.RadioSelect,
            error_messages={"required": f"Choose an answer to '{question.text}'."},
            **common,
        )
    if question.kind == QuestionKind.SINGLE:
        return forms.ChoiceField(
            choices=[(c, c) for c in question.choices],
            widget=forms.RadioSelect,
            error_messages={"required": f"Choose an answer to '{question.text}'."},
            **common,
        )
    if question.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=[(c, c) for c in question.choices],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": f"Choose at least one answer to '{question.text}'."},
            **common,
        )
    if question.kind == QuestionKind.NUMBER:
        low, high = question.min_value or 0, question.max_value or 999
        message = f"Enter a whole number from {low} to {high}, for example 3."
        return forms.IntegerField(
            min_value=low,
            max_value=high,
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input--short"}),
            error_messages={
                "required": f"Enter a number for '{question.text}' (0 if none).",
                "invalid": message,
                "min_value": message,
                "max_value": message,
            },
            **common,
        )
    return forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        strip=True,
        error_messages={"required": f"Write an answer to '{question.text}'."},
        **common,
    )


def knowledge_field_name(spec) -> str:
    return f"knowledge_{spec.lesson_id}_{spec.key}"


class SurveyForm(forms.Form):
    """One field per question, then one per knowledge question of the module (``checks``,
    before and after the module only). With ``partial`` (save and come back later) nothing
    is required, but every answer given is still checked."""

    def __init__(self, questions, *args, partial: bool = False, checks=(), **kwargs):
        from courses.blocks import question_text
        from courses.forms import answer_field

        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.checks = list(checks)
        self.partial = partial
        for question in self.questions:
            self.fields[question.field_name] = _field_for(
                question, required=question.required and not partial
            )
        for n, spec in enumerate(self.checks, start=1):
            field = answer_field(
                spec, label=f"Knowledge question {n}: {question_text(spec.question)}"
            )
            field.required = not partial
            self.fields[knowledge_field_name(spec)] = field

    def knowledge(self) -> dict[str, list[int]]:
        """The knowledge questions answered, as {'lesson id:key': [option indexes]}."""
        answers = {}
        for spec in self.checks:
            value = self.cleaned_data.get(knowledge_field_name(spec))
            if value in (None, "", []):
                continue
            answers[spec.ref] = sorted(
                int(v) for v in (value if isinstance(value, list) else [value])
            )
        return answers

    def clean(self):
        cleaned = super().clean()
        limit = settings.SURVEY_FREE_TEXT_MAX_CHARS
        for question in self.questions:
            if question.kind != QuestionKind.TEXT:
                continue
            name = question.field_name
            if name not in cleaned:
                continue
            text = sanitise_text(cleaned[name])
            if len(text) > limit:
                self.add_error(
                    name,
                    f"Your answer is {len(text):,} characters long. Keep it to {limit:,} "
                    "characters or fewer: your words are still in the box to shorten.",
                )
                continue
            cleaned[name] = text
        return cleaned

    def show_real_required(self) -> None:
        """After a partial save fails, label the fields as the full survey does."""
        for question in self.questions:
            self.fields[question.field_name].required = question.required
        for spec in self.checks:
            self.fields[knowledge_field_name(spec)].required = True
