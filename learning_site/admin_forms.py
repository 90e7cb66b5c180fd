"""Admin forms used by the models' panels (kept free of model imports)."""

from wagtail.admin.forms import WagtailAdminModelForm


class PartnershipForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not user.is_administrator:
            # A partnership administrator runs their partnership; switching it off, or
            # changing the address it is known by, is a platform administrator's decision.
            self.fields.pop("is_active", None)
            self.fields.pop("slug", None)
