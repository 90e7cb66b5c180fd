"""Operations on digests that other apps and this app's views call.

``digests_for_concepts`` is the contract with the scenarios and courses apps: they pass
``learning_site.concepts.Concept`` values and get the digests to link from a debrief or a
module.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.text import slugify

from research_digest.models import (
    DigestQuerySet,
    DigestSubscription,
    DigestTopic,
    DigestTopicLink,
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

    def described(self) -> list[tuple[str, str]]:
        """The filters in use, named as a reader sees them: [("topic", "Drift"), …]."""
        named = []
        if self.topic:
            topic = DigestTopic.objects.filter(slug=self.topic).first()
            named.append(("topic", topic.name if topic else self.topic))
        if self.evidence_type:
            named.append(("type of evidence", EvidenceType(self.evidence_type).label))
        return named

    def as_query_string(self) -> str:
        params = {"q": self.query, "topic": self.topic, "evidence": self.evidence_type}
        return urlencode({key: value for key, value in params.items() if value})


def find_digests(digests: DigestQuerySet, filters: DigestFilters):
    """Filter, then search. Search results come best match first; otherwise newest first."""
    if filters.topic:
        digests = digests.tagged_with_any([filters.topic])
    if filters.evidence_type:
        digests = digests.of_evidence_type(filters.evidence_type)
    if not filters.query:
        return digests.newest_first()
    # The search backends filter only on declared FilterFields, so hand them the ids the
    # topic filter (a join) allowed rather than the join itself. (Punctuation and search
    # operators in the query are dealt with by the backend: learning_site.search.)
    ids = list(digests.values_list("pk", flat=True))
    results = list(ResearchDigestPage.objects.filter(pk__in=ids).search(filters.query))
    return rank_named_matches_first(results, filters.query)


def rank_named_matches_first(
    results: list[ResearchDigestPage], query: str
) -> list[ResearchDigestPage]:
    """Put digests *named* by the search words first, keeping the backend's order otherwise.

    A reader who types "disguised compliance" wants the digest about it, not the one that
    mentions it most often. PostgreSQL full text weights titles and topics through the
    ``search_fields`` boosts, but the SQLite backend ranks all text alike, so the rule is
    applied here: first digests whose title contains the words, then those with a topic
    of that name, then the rest. The result list is small (one partnership's digests).
    """
    phrase = " ".join(query.lower().split())
    if not results or not phrase:
        return results
    topic_ids = set(
        DigestTopicLink.objects.filter(content_object_id__in=[page.pk for page in results])
        .filter(Q(tag__name__iexact=phrase) | Q(tag__slug=slugify(phrase)))
        .values_list("content_object_id", flat=True)
    )

    def tier(page: ResearchDigestPage) -> int:
        if phrase in " ".join(page.title.lower().split()):
            return 0
        return 1 if page.pk in topic_ids else 2

    return sorted(results, key=tier)


def subscription_for(user) -> DigestSubscription:
    """The person's round-up choice, made (not subscribed) on first use."""
    subscription, _ = DigestSubscription.objects.get_or_create(user=user)
    return subscription


def set_subscribed(subscription: DigestSubscription, subscribed: bool) -> None:
    if subscription.subscribed != subscribed:
        subscription.subscribed = subscribed
        subscription.save(update_fields=["subscribed", "changed_at"])
