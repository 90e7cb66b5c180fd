"""The learning record store form: the secret is write-only."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from learning_site.admin_forms import ForgedIdMixin


class LearningRecordStoreForm(ForgedIdMixin, WagtailAdminModelForm):
    """The secret is never drawn back into the page (nor its length): on an existing
    store, leaving it empty keeps the one saved. A partnership administrator can only
    set up their own partnership's store."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from learning_site.models import Partnership

        secret = self.fields["secret"]
        secret.widget = forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"})
        self.has_saved_secret = bool(self.instance.pk and self.instance.secret)
        if self.has_saved_secret:
            secret.required = False
            secret.help_text = (
                "A secret is saved. Leave this empty to keep it, or enter a new one to replace it."
            )
        field = self.fields["partnership"]
        field.queryset = Partnership.objects.order_by("name")
        user = self.for_user
        if user is not None and not user.is_administrator:
            field.queryset = field.queryset.filter(pk=user.partnership_id)
            field.empty_label = None
            field.initial = user.partnership_id

    def clean_secret(self):
        secret = self.cleaned_data.get("secret", "")
        if not secret and self.has_saved_secret:
            return self.instance.secret
        return secret

    def clean_endpoint(self):
        endpoint = self.cleaned_data.get("endpoint", "").strip()
        if endpoint.rstrip("/").endswith("/statements"):
            raise forms.ValidationError(
                "Enter the address without 'statements' at the end, for example "
                "https://lrs.eastborough.gov.uk/xAPI/."
            )
        return endpoint
