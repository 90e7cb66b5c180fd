"""Models of the research digests app: pages, topics and the email round-up."""

from .pages import Citation, DigestIndexPage, DigestQuerySet, EvidenceType, ResearchDigestPage
from .roundup import DigestSubscription, RoundupDelivery
from .topics import DigestTopic, DigestTopicLink, ensure_concept_topics

__all__ = [
    "Citation",
    "DigestIndexPage",
    "DigestQuerySet",
    "DigestSubscription",
    "DigestTopic",
    "DigestTopicLink",
    "EvidenceType",
    "ResearchDigestPage",
    "RoundupDelivery",
    "ensure_concept_topics",
]
