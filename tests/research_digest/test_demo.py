import datetime

import pytest

from learning_site.concepts import Concept
from research_digest.demo import DIGESTS
from research_digest.models import DigestIndexPage, DigestTopicLink, ResearchDigestPage

pytestmark = pytest.mark.django_db

MODULE_LINKED_SLUGS = {
    "in-the-childs-time-key-findings",
    "in-the-childs-time-recommendations",
    "csn-lgiu-briefing",
    "blackburn-with-darwen-neglect-strategy",
    "ssscb-optimism-start-again-disguised-compliance",
    "action-for-children-voices",
}


def test_demo_digests_are_live_under_research_with_fixed_slugs(demo_site):
    index = DigestIndexPage.objects.get(slug="research")
    assert index.live and index.url == "/research/"
    live = set(ResearchDigestPage.objects.live().child_of(index).values_list("slug", flat=True))
    assert live >= MODULE_LINKED_SLUGS
    assert len(live) >= 6


def test_every_concept_is_the_topic_of_a_demo_digest(demo_site):
    used = set(DigestTopicLink.objects.values_list("tag__slug", flat=True))
    assert set(Concept.values) <= used


def test_demo_digests_are_five_minute_reads_with_citations(demo_site):
    for digest in ResearchDigestPage.objects.all():
        assert not digest.too_long, digest.slug
        assert digest.reading_minutes <= 3
        assert digest.source_author and digest.source_title
        assert len(digest.key_findings) >= 3
        assert any(
            char.isdigit() for block in digest.key_findings for char in block.value["figure"]
        )


def test_demo_digests_link_each_other_so_used_in_is_populated(demo_site, client):
    findings = ResearchDigestPage.objects.get(slug="in-the-childs-time-key-findings")
    titles = {page.title for page in findings.used_in()}
    assert "A policy reading of the Ofsted neglect inspection" in titles
    assert client.get(findings.url).status_code == 200


def test_one_demo_digest_is_due_for_review(demo_site):
    today = datetime.date(2026, 11, 23)
    due = ResearchDigestPage.objects.review_due(today)
    assert list(due.values_list("slug", flat=True)) == ["blackburn-with-darwen-neglect-strategy"]


def test_demo_specs_have_unique_slugs():
    assert len({spec.slug for spec in DIGESTS}) == len(DIGESTS)
