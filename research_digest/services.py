"""Operations on digests that other apps and this app's views call.

``digests_for_concepts`` is the contract with the scenarios and courses apps: they pass
``learning_site.concepts.Concept`` values and get the digests to link from a debrief or a
module.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from research_digest.models import (
    DigestQuerySet,
    DigestSubscription,
    EvidenceType,
    ResearchDigestPage,
)


def digests_for_concepts(concept_slugs: Iterable[str]) -> DigestQuerySet:
    """Live, public digests tagged with any of ``concept_slugs``, newest first, each once."""
    slugs = [str(slug) for slug in concept_slugs]
    if not slugs:
        return ResearchDigestPage.objects.none()
    return ResearchDigestPage.objects.for_readers().tagged_with_any(slugs).newest_first()


@dataclass(frozen=True)
class DigestFilters:
    """What a reader asked the index for: search words, a topic, an evidence type.

    Unknown values are dropped rather than rejected, so an old bookmarked link still
    shows something useful.
    """

    query: str = ""
    topic: str = ""
    evidence_type: str = ""

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> "DigestFilters":
        evidence = params.get("evidence", "").strip()
        return cls(
            query=params.get("q", "").strip()[:200],
            topic=params.get("topic", "").strip()[:100],
            evidence_type=evidence if evidence in EvidenceType.values else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.query or self.topic or self.evidence_type)

    def as_query_string(self) -> str:
        params = {"q": self.query, "topic": self.topic, "evidence": self.evidence_type}
        return urlencode({key: value for key, value in params.items() if value})


def find_digests(digests: DigestQuerySet, filters: DigestFilters):
    """Filter, then search. Search results come best match first; otherwise newest first."""
    if filters.topic:
        digests = digests.tagged_with_any([filters.topic])
    if filters.evidence_type:
        digests = digests.of_evidence_type(filters.evidence_type)
    if filters.query:
        # The search backends filter only on declared FilterFields, so hand them the ids
        # the topic filter (a join) allowed rather than the join itself.
        ids = list(digests.values_list("pk", flat=True))
        return ResearchDigestPage.objects.filter(pk__in=ids).search(filters.query)
    return digests.newest_first()


def subscription_for(user) -> DigestSubscription:
    """The person's round-up choice, made (not subscribed) on first use."""
    subscription, _ = DigestSubscription.objects.get_or_create(user=user)
    return subscription


def set_subscribed(subscription: DigestSubscription, subscribed: bool) -> None:
    if subscription.subscribed != subscribed:
        subscription.subscribed = subscribed
        subscription.save(update_fields=["subscribed", "changed_at"])
