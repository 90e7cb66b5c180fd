"""Models of the research digests app: pages, topics and the email round-up."""

from .pages import (
    Citation,
    DigestIndexPage,
    DigestQuerySet,
    EvidenceType,
    ResearchDigestPage,
    review_after_days,
)
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
    "review_after_days",
]
