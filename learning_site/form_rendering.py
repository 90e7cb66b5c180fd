"""Site-wide form markup: GOV.UK-style error summary, hints and errors tied to fields.

Every ``{{ form }}`` in the project (ours and allauth's) renders through these templates,
so labels, hints, error messages and ``aria-describedby`` are right in one place.
"""

from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting


class SiteBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.auto_id:
            described_by = []
            if self.help_text:
                described_by.append(f"{self.auto_id}_helptext")
            if self.errors:
                described_by.append(f"{self.auto_id}_error")
            if described_by:
                attrs["aria-describedby"] = " ".join(described_by)
        return attrs


class SiteFormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"
    bound_field_class = SiteBoundField
