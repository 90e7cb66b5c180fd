"""The "Research digests" panel on My learning (listed in ``settings.MY_LEARNING_PANELS``)."""

from learning_site import cache_tokens, content_version
from research_digest.models import DigestIndexPage, DigestSubscription, ResearchDigestPage

LATEST_COUNT = 3


def research_digests(request) -> dict | None:
    """The newest digests and the learner's round-up choice, with the link to change it."""
    user = request.user
    if not user.is_authenticated:
        return None
    index, latest = cache_tokens.cached(
        "my-learning-digests", content_version.KEY, _index_and_latest, 3600
    )
    if index is None:
        return None
    subscribed = DigestSubscription.objects.filter(user=user, subscribed=True).exists()
    return {
        "template": "research_digest/my_learning_panel.html",
        "context": {"index": index, "latest": latest, "subscribed": subscribed},
    }


def _index_and_latest() -> tuple:
    """The digests index and the newest digests: the same for every reader, so kept in
    the shared cache until content changes (``learning_site.content_version``)."""
    index = DigestIndexPage.objects.live().first()
    if index is None:
        return None, []
    return index, list(ResearchDigestPage.objects.for_readers().newest_first()[:LATEST_COUNT])
