"""Atom feed of new and updated digests, for feed readers and partner intranets."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from learning_site.urls_absolute import absolute_url, page_url
from research_digest.models import DigestIndexPage, ResearchDigestPage

FEED_LENGTH = 30


class DigestAtomFeed(Feed):
    """The latest digests, most recently published or updated first.

    Every link is absolute, on the site's base URL (``WAGTAILADMIN_BASE_URL``), as feed
    readers need.
    An entry's id is its page URL; ``updated`` is when it was last published, so an
    edited digest rises to the top again.
    """

    feed_type = Atom1Feed
    title = "Research digests – Neglect learning"
    subtitle = (
        "Five-minute summaries of research on child neglect, with what they mean for practice."
    )
    author_name = "Neglect learning"

    def get_object(self, request, *args, **kwargs):
        # The feed has no object of its own; the request is what link() needs, and
        # passing it here keeps the shared Feed instance free of per-request state.
        return request

    def link(self, request):
        index = DigestIndexPage.objects.live().first()
        url = page_url(index) if index is not None else None
        return url or absolute_url("/")

    def feed_url(self, request):
        return absolute_url(request.get_full_path())

    def feed_guid(self, request):
        return self.link(request)

    def items(self, request):
        return (
            ResearchDigestPage.objects.for_readers()
            .order_by("-last_published_at", "-pk")
            .prefetch_related("topic_links__tag")[:FEED_LENGTH]
        )

    def item_title(self, item: ResearchDigestPage) -> str:
        return item.title

    def item_description(self, item: ResearchDigestPage) -> str:
        return f"{item.takeaway} ({item.reading_minutes} minute read.) Source: {item.citation.as_text()}"

    def item_link(self, item: ResearchDigestPage) -> str:
        return page_url(item)

    def item_pubdate(self, item: ResearchDigestPage):
        return item.first_published_at

    def item_updateddate(self, item: ResearchDigestPage):
        return item.last_published_at

    def item_categories(self, item: ResearchDigestPage):
        return [link.tag.name for link in item.topic_links.all()]

    def item_author_name(self, item: ResearchDigestPage) -> str:
        return item.source_author
