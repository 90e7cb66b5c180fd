"""Admin registration for research digests: topics, the review report, the reminder."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from research_digest.admin_views import DigestsDueForReviewPanel, DigestsDueForReviewView
from research_digest.models import DigestTopic


class DigestTopicViewSet(SnippetViewSet):
    """Topics editors pick from (free tagging is off, so new topics are made here)."""

    model = DigestTopic
    icon = "tag"
    menu_label = "Digest topics"
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    panels = [
        FieldPanel("name"),
        FieldPanel(
            "slug",
            help_text=(
                "Topics whose slug matches a shared concept (e.g. disguised-compliance) link "
                "digests to scenarios and modules. Do not change those slugs."
            ),
        ),
    ]


register_snippet(DigestTopicViewSet)


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path(
            "reports/digests-due-for-review/",
            DigestsDueForReviewView.as_view(),
            name="research_digest_review_due",
        ),
        path(
            "reports/digests-due-for-review/results/",
            DigestsDueForReviewView.as_view(results_only=True),
            name="research_digest_review_due_results",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(request.user, ["change", "publish"])


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        "Digests due for review",
        reverse("research_digest_review_due"),
        name="digests-due-for-review",
        icon_name="time",
        order=650,
    )


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    panels.append(DigestsDueForReviewPanel(request))


@hooks.register("before_serve_page")
def tell_listeners_a_digest_was_read(page, request, serve_args, serve_kwargs):
    """``research_digest.signals.digest_read`` for a signed-in reader of a published
    digest (Wagtail's previews do not pass through here)."""
    from django.utils import timezone

    from research_digest.models import ResearchDigestPage
    from research_digest.signals import digest_read

    if isinstance(page, ResearchDigestPage) and request.user.is_authenticated:
        digest_read.send(
            sender=ResearchDigestPage, page=page, user=request.user, when=timezone.now()
        )
