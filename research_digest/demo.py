"""Demo research digests for ``seed_demo``, read from ``research_digest/demo_content/``
(one YAML file a digest, written in our own words from the five seed documents).

Slugs are fixed: the demo modules and scenarios link digests by these slugs. Every
shared concept (``learning_site.concepts.Concept``) is a topic of at least one digest.
Running ``seed`` again updates the same pages; StreamField blocks get ids derived from
the slug so a second run stores exactly the same content.
"""

import uuid

from django.db import transaction

from research_digest.demo_content import DemoDigest, load_digests
from research_digest.models import (
    DigestIndexPage,
    DigestTopic,
    ResearchDigestPage,
    ensure_concept_topics,
)

INDEX_SLUG = "research"


def _stream(slug: str, field_name: str, block_type: str, values: list[dict]) -> list[dict]:
    """Raw StreamField data with ids fixed by slug and position (idempotent seeding)."""
    return [
        {
            "type": block_type,
            "value": value,
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"digest:{slug}:{field_name}:{n}")),
        }
        for n, value in enumerate(values)
    ]


def seed_index(home) -> DigestIndexPage:
    index = DigestIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is None:
        index = DigestIndexPage(title="Research digests", slug=INDEX_SLUG, live=False)
        home.add_child(instance=index)
    index.title = "Research digests"
    index.intro = (
        "<p>Five-minute summaries of the evidence on child neglect, each with what it means "
        "for your practice and questions to take to supervision.</p>"
    )
    index.save_revision().publish()
    return index


def seed_digest(index: DigestIndexPage, spec: DemoDigest, pages: dict) -> ResearchDigestPage:
    digest = ResearchDigestPage.objects.filter(slug=spec.slug).first()
    fields = {
        "title": spec.title,
        "takeaway": spec.takeaway,
        "summary": spec.summary,
        "key_findings": _stream(
            spec.slug,
            "key_findings",
            "finding",
            [{"figure": figure, "finding": text} for figure, text in spec.findings],
        ),
        "implications": _stream(
            spec.slug, "implications", "point", [{"point": text} for text in spec.points]
        ),
        "supervision_questions": _stream(
            spec.slug,
            "supervision_questions",
            "question",
            [{"question": text} for text in spec.questions],
        ),
        "evidence_type": spec.evidence_type,
        "source_author": spec.author,
        "source_title": spec.source_title,
        "source_publisher": spec.publisher,
        "source_year": spec.year,
        "source_reference": spec.reference,
        "source_url": spec.url,
        "source_doi": "",
        "related_pages": _stream(
            spec.slug,
            "related_pages",
            "page",
            [{"page": pages[slug].pk} for slug in spec.related if slug in pages],
        ),
        "last_reviewed": spec.last_reviewed,
    }
    if digest is None:
        digest = ResearchDigestPage(slug=spec.slug, live=False, **fields)
        index.add_child(instance=digest)
    else:
        for name, value in fields.items():
            setattr(digest, name, value)
    wanted = {str(concept) for concept in spec.topics}
    if {topic.slug for topic in digest.topics.all()} != wanted:
        digest.topics.set(list(DigestTopic.objects.filter(slug__in=wanted)))
    digest.save_revision().publish()
    return digest


@transaction.atomic
def seed(context) -> None:
    """Build the research section and its demo digests (safe to run repeatedly)."""
    ensure_concept_topics()
    digests = load_digests()
    index = seed_index(context.home)
    pages = {
        page.slug: page
        for page in ResearchDigestPage.objects.filter(slug__in=[spec.slug for spec in digests])
    }
    # Digests link each other, so any missing ones are created first, then all are filled.
    for spec in digests:
        if spec.slug not in pages:
            pages[spec.slug] = seed_digest(index, spec, {})
    for spec in digests:
        pages[spec.slug] = seed_digest(index, spec, pages)
    context.log.append(f"Research digests: {len(digests)} digests under /{INDEX_SLUG}/.")


def __getattr__(name: str):
    if name == "DIGESTS":  # the loaded digests, for callers that read them
        return load_digests()
    raise AttributeError(name)
