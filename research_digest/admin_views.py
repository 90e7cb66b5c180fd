"""Wagtail admin: the report of digests due for review and the dashboard reminder."""

from django.utils.functional import cached_property
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import PageReportView
from wagtail.permissions import page_permission_policy

from learning_site.spreadsheets import csv_lines
from research_digest.models import ResearchDigestPage, review_after_days


def digests_due_for_review_for(user):
    """Digests past their review date that ``user`` may edit, oldest review first."""
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return ResearchDigestPage.objects.review_due().filter(pk__in=editable.values("pk"))


class DigestsDueForReviewView(PageReportView):
    """Trainers' list of digests last reviewed longer ago than the review period."""

    results_template_name = "research_digest/admin/review_due_results.html"
    page_title = "Research digests due for review"
    header_icon = "time"
    index_url_name = "research_digest_review_due"
    index_results_url_name = "research_digest_review_due_results"
    any_permission_required = ["change", "publish"]
    list_export = ["title", "last_reviewed", "review_due_on", "status_string", "url"]
    export_headings = {
        "last_reviewed": "Last reviewed",
        "review_due_on": "Review was due",
        "status_string": "Status",
        "url": "Address",
    }

    def get_queryset(self):
        return digests_due_for_review_for(self.request.user)

    def stream_csv(self, queryset):
        """Wagtail's CSV, through the site's writer: a byte-order mark so Excel reads it
        as UTF-8, and titles typed as formulas kept as text."""
        header = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        for piece in csv_lines(header, rows):
            yield piece.encode("utf-8")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["review_after_days"] = review_after_days()
        return context


class DigestsDueForReviewPanel(Component):
    """A reminder on the admin dashboard when any digest the user can edit is stale."""

    name = "research_digests_due_for_review"
    template_name = "research_digest/admin/review_due_panel.html"
    order = 150

    def __init__(self, request):
        self.request = request

    @cached_property
    def due(self):
        return list(digests_due_for_review_for(self.request.user)[:5])

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context.update(due=self.due, review_after_days=review_after_days())
        return context

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.due else ""
