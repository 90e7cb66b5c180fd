import re

import pytest

from research_digest.models import DigestIndexPage, ResearchDigestPage
from research_digest.services import DigestFilters, find_digests

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_site):
    return DigestIndexPage.objects.get(slug="research")


def _titles(index, **params):
    filters = DigestFilters(**params)
    return [page.slug for page in find_digests(index.digests(), filters)]


def test_search_finds_disguised_compliance_and_ranks_the_ssscb_digest_first(seeded):
    slugs = _titles(seeded, query="disguised compliance")
    assert slugs[0] == "ssscb-optimism-start-again-disguised-compliance"
    assert "in-the-childs-time-recommendations" in slugs


def test_search_page_shows_results_with_takeaway_and_reading_time(client, seeded):
    response = client.get(seeded.url, {"q": "disguised compliance"})
    html = response.content.decode()
    first = html.split('class="digest-result"')[1]
    assert "The rule of optimism, start-again syndrome and disguised compliance" in first
    assert "minute read" in first
    assert "taking a parent&#x27;s apparent co-operation at face" in first
    assert 'value="disguised compliance"' in html  # the query is kept in the box


def test_search_combines_with_topic_and_evidence_type(seeded):
    assert _titles(seeded, query="neglect", evidence_type="survey") == [
        "action-for-children-voices"
    ]
    assert _titles(seeded, query="neglect", topic="start-again-syndrome") == [
        "ssscb-optimism-start-again-disguised-compliance"
    ]


def test_search_with_no_match_says_so(client, seeded):
    html = client.get(seeded.url, {"q": "zebra crossing"}).content.decode()
    assert "0 digests found" in html
    assert "No digests match “zebra crossing”" in html


def test_topic_filter_on_the_seeded_index(client, seeded):
    html = client.get(seeded.url, {"topic": "rule-of-optimism"}).content.decode()
    assert html.count('class="digest-result"') == 1
    assert "The rule of optimism" in html
    assert ResearchDigestPage.objects.live().count() == 6


def test_no_results_from_a_topic_says_the_topic_not_the_words(client, seeded):
    html = client.get(
        seeded.url, {"q": "neglect", "topic": "rule-of-optimism", "evidence": "survey"}
    )
    html = html.content.decode()
    assert "0 digests found" in html
    assert (
        "No digests match “neglect” with the topic “The rule of optimism” and the type of "
        "evidence “Survey of children, parents and professionals”." in html
    )
    # One step back: the same words in every topic, which does find digests.
    link = re.search(r'<a href="([^"]+)">Search all topics and types of evidence for', html)
    assert link.group(1) == f"{seeded.url}?q=neglect"
    assert re.search(r"[1-9]\d* digests? found", client.get(link.group(1)).content.decode())


def test_no_results_from_filters_alone_names_them(client, seeded):
    html = client.get(seeded.url, {"topic": "rule-of-optimism", "evidence": "survey"})
    html = html.content.decode()
    assert (
        "There are no digests with the topic “The rule of optimism” and the type of evidence "
        "“Survey of children, parents and professionals”." in html
    )
    assert "Search all topics" not in html
