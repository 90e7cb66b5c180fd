from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from learning_site.admin_scoping import (
    OwnPartnershipPermissionPolicy,
    ScopedDeleteView,
    ScopedEditView,
    ScopedHistoryView,
    ScopedIndexView,
    ScopedInspectView,
    ScopedUsageView,
)
from learning_site.learning_records.models import LearningRecordStore


class LearningRecordStoreViewSet(ModelViewSet):
    """Platform administrators see every partnership's store; a partnership administrator
    their own only (the listing, edit, delete and history views check the row)."""

    model = LearningRecordStore
    icon = "link-external"
    menu_label = "Learning record stores"
    add_to_settings_menu = True
    list_display = ["partnership", "endpoint", "is_enabled", "updated_at"]
    # The secret never appears on the inspect page either.
    inspect_view_enabled = True
    inspect_view_fields = ["partnership", "is_enabled", "endpoint", "username", "updated_at"]
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    @property
    def permission_policy(self):
        return OwnPartnershipPermissionPolicy(LearningRecordStore)


@hooks.register("register_admin_viewset")
def register_learning_record_stores():
    return LearningRecordStoreViewSet("learning_record_stores")
