"""The "Research digests" panel on My learning (listed in ``settings.MY_LEARNING_PANELS``)."""

from research_digest.models import DigestIndexPage, DigestSubscription, ResearchDigestPage

LATEST_COUNT = 3


def research_digests(request) -> dict | None:
    """The newest digests and the learner's round-up choice, with the link to change it."""
    user = request.user
    if not user.is_authenticated:
        return None
    index = DigestIndexPage.objects.live().first()
    if index is None:
        return None
    latest = list(ResearchDigestPage.objects.for_readers().newest_first()[:LATEST_COUNT])
    subscribed = DigestSubscription.objects.filter(user=user, subscribed=True).exists()
    return {
        "template": "research_digest/my_learning_panel.html",
        "context": {"index": index, "latest": latest, "subscribed": subscribed},
    }
