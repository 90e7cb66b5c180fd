"""Build digest pages for tests."""

import datetime
from itertools import count

from research_digest.models import DigestIndexPage, DigestTopic, EvidenceType, ResearchDigestPage

_seq = count(1)


def make_index(home) -> DigestIndexPage:
    index = DigestIndexPage.objects.first()
    if index is None:
        index = DigestIndexPage(title="Research digests", slug="research")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_digest(
    index,
    *,
    title: str | None = None,
    topics: tuple[str, ...] = (),
    evidence_type: str = EvidenceType.INSPECTION,
    summary: str = "<p>A short summary of a piece of evidence.</p>",
    findings: list[tuple[str, str]] | None = None,
    points: list[str] | None = None,
    takeaway: str = "Look at the child's day, not the adult's promises.",
    publish: bool = True,
    last_reviewed: datetime.date | None = None,
    related: list | None = None,
    **fields,
) -> ResearchDigestPage:
    n = next(_seq)
    digest = ResearchDigestPage(
        title=title or f"Digest {n}",
        live=False,
        slug=fields.pop("slug", f"digest-{n}"),
        takeaway=takeaway,
        summary=summary,
        key_findings=[
            ("finding", {"figure": figure, "finding": text})
            for figure, text in (findings or [("1 in 3", "cases drifted.")])
        ],
        implications=[("point", {"point": text}) for text in (points or ["Act sooner."])],
        evidence_type=evidence_type,
        source_author=fields.pop("source_author", "Ofsted"),
        source_title=fields.pop("source_title", "In the child's time"),
        source_year=fields.pop("source_year", 2014),
        last_reviewed=last_reviewed or datetime.date.today(),
        related_pages=[("page", {"page": page}) for page in (related or [])],
        **fields,
    )
    index.add_child(instance=digest)
    for slug in topics:
        digest.topics.add(DigestTopic.objects.get(slug=slug))
    revision = digest.save_revision()
    if publish:
        revision.publish()
    digest.refresh_from_db()
    return digest
