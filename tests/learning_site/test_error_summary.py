"""The error summary at the top of every form: each problem once, linked to its field."""

import re

from django import forms
from django.template.loader import render_to_string


class TwiceSaidForm(forms.Form):
    name = forms.CharField(label="Name")
    step = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        # A form's clean() repeating what a field's own check already said.
        self.add_error("name", "Enter your name.")
        self.add_error("name", "Enter your name.")
        self.add_error(None, "Something went wrong.")
        self.add_error(None, "Something went wrong.")
        return super().clean()


def test_each_error_is_listed_once_and_hidden_fields_are_not_links():
    form = TwiceSaidForm(data={"name": "", "step": ""})
    form.fields["name"].error_messages["required"] = "Enter your name."
    html = render_to_string("components/form.html", {"form": form, **form.get_context()})
    summary = re.search(r'<ul class="error-summary__list">(.*?)</ul>', html, re.S).group(1)
    items = [item.strip() for item in re.findall(r"<li>(.*?)</li>", summary, re.S)]
    assert items == [
        "Something went wrong.",
        '<a href="#id_name">Enter your name.</a>',
        "This field is required.",
    ]
    field_message = re.search(r'<p class="error-message" id="id_name_error">(.*?)</p>', html)
    assert field_message.group(1) == '<span class="visually-hidden">Error:</span> Enter your name.'
