"""Admin forms that keep a trainer's survey set-up inside their own partnership."""

from wagtail.admin.forms import WagtailAdminModelForm


class PartnershipScopedAdminForm(WagtailAdminModelForm):
    """Trainers may only choose their own partnership (shared rows, with no partnership,
    are for administrators: changing one would change every partnership's surveys)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        field = self.fields.get("partnership")
        if user is None or field is None or user.is_superuser:
            return
        field.queryset = field.queryset.filter(pk=user.partnership_id)
        field.required = True
        field.empty_label = None
        field.help_text = "Your partnership."
