"""Admin forms that keep a trainer's survey set-up inside their own partnership."""

from django.db.models import Q
from django.forms import ModelChoiceField
from wagtail.admin.forms import WagtailAdminModelForm

from learning_site.admin_forms import ForgedIdMixin


def _has_partnership(model) -> bool:
    return any(f.name == "partnership" for f in model._meta.get_fields())


def scope_choices_to_partnership(form, user) -> None:
    """Every choice of a row that belongs to a partnership (an instrument, a measure)
    offers only the user's partnership's rows and the shared ones, so a trainer cannot
    pick, or post the id of, another partnership's."""
    for name, field in form.fields.items():
        if name == "partnership" or not isinstance(field, ModelChoiceField):
            continue
        if _has_partnership(field.queryset.model):
            field.queryset = field.queryset.filter(
                Q(partnership=user.partnership_id) | Q(partnership__isnull=True)
            )


class PartnershipScopedAdminForm(ForgedIdMixin, WagtailAdminModelForm):
    """Trainers may only choose their own partnership (shared rows, with no partnership,
    are for administrators: changing one would change every partnership's surveys), and
    only their own partnership's or shared rows in any other choice, inline rows included."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        field = self.fields.get("partnership")
        if field is not None:
            field.queryset = field.queryset.filter(pk=user.partnership_id)
            field.required = True
            field.empty_label = None
            field.help_text = "Your partnership."
        scope_choices_to_partnership(self, user)
        for formset in self.formsets.values():
            formset.form = _scoped_child_form(formset.form, user)


def _scoped_child_form(base, user):
    class ScopedChildForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            scope_choices_to_partnership(self, user)

    ScopedChildForm.__name__ = base.__name__
    return ScopedChildForm
