import pytest

from learning_site.concepts import Concept
from research_digest.models import EvidenceType
from tests.research_digest.factories import make_digest, make_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return make_index(home_page)


def test_digest_page_shows_takeaway_reading_time_citation_and_lists(client, index):
    digest = make_digest(
        index,
        title="In the child's time: key findings",
        takeaway="A third of long-term neglect cases drifted.",
        findings=[("55 of 124", "cases were tracked in depth.")],
        points=["Record what has changed for the child."],
        source_author="Ofsted",
        source_title="In the child's time: professional responses to neglect",
        source_year=2014,
        source_reference="No. 140059",
        source_url="https://www.gov.uk/government/publications/in-the-childs-time",
        topics=(Concept.DRIFT_AND_DELAY,),
    )
    html = client.get(digest.url).content.decode()
    assert "A third of long-term neglect cases drifted." in html
    assert "1 minute" in html
    assert '<strong class="digest-finding__figure">55 of 124</strong>' in html
    assert "Record what has changed for the child." in html
    assert (
        "Ofsted (2014) <cite>In the child&#x27;s time: professional responses to neglect</cite>."
        " No. 140059." in html
    )
    assert 'href="https://www.gov.uk/government/publications/in-the-childs-time"' in html
    assert "?topic=drift-and-delay" in html
    assert 'media="print"' in html and "research_digest/print.css" in html


def test_index_lists_digests_with_takeaway_and_reading_time(client, index):
    make_digest(index, title="First digest", takeaway="Notice the child's day.")
    html = client.get(index.url).content.decode()
    assert "First digest" in html
    assert "Notice the child&#x27;s day." in html
    assert "1 minute read" in html


def test_index_is_in_the_header_navigation(client, index):
    html = client.get("/").content.decode()
    assert f'href="{index.url}"' in html
    assert ">Research<" in html


def test_topic_filter_shows_only_that_topic(client, index):
    make_digest(index, title="On disguised compliance", topics=(Concept.DISGUISED_COMPLIANCE,))
    make_digest(index, title="On drift", topics=(Concept.DRIFT_AND_DELAY,))
    html = client.get(index.url, {"topic": "disguised-compliance"}).content.decode()
    assert "On disguised compliance" in html
    assert "On drift" not in html
    assert "1 digest found" in html


def test_evidence_type_filter(client, index):
    make_digest(index, title="An inspection", evidence_type=EvidenceType.INSPECTION)
    make_digest(index, title="A local strategy", evidence_type=EvidenceType.LOCAL_STRATEGY)
    html = client.get(index.url, {"evidence": "local_strategy"}).content.decode()
    assert "A local strategy" in html
    assert "An inspection" not in html


def test_unknown_filter_values_are_ignored(client, index):
    make_digest(index, title="Still listed")
    response = client.get(index.url, {"evidence": "nonsense", "page": "999"})
    assert response.status_code == 200
    assert "Still listed" in response.content.decode()


def test_index_is_paginated_and_keeps_the_filters(client, index):
    for n in range(12):
        make_digest(index, title=f"Drift digest {n}", topics=(Concept.DRIFT_AND_DELAY,))
    first = client.get(index.url, {"topic": "drift-and-delay"}).content.decode()
    assert first.count('class="digest-result"') == 10
    assert "?topic=drift-and-delay&amp;page=2" in first
    second = client.get(index.url, {"topic": "drift-and-delay", "page": 2}).content.decode()
    assert second.count('class="digest-result"') == 2


def test_drafts_are_not_listed(client, index):
    make_digest(index, title="Unpublished draft", publish=False)
    assert "Unpublished draft" not in client.get(index.url).content.decode()


def test_used_in_lists_a_live_page_that_links_the_digest(client, index):
    target = make_digest(index, title="The target digest")
    make_digest(index, title="A digest that links it", related=[target])
    make_digest(index, title="A draft that links it", related=[target], publish=False)

    assert [page.title for page in target.used_in()] == ["A digest that links it"]
    html = client.get(target.url).content.decode()
    used_in = html.split('id="used-in-heading"')[1]
    assert "A digest that links it" in used_in
    assert "A draft that links it" not in used_in


def test_used_in_is_a_constant_number_of_queries(index, django_assert_max_num_queries):
    target = make_digest(index, title="Target")
    for n in range(5):
        make_digest(index, title=f"Linker {n}", related=[target])
    with django_assert_max_num_queries(4):
        assert len(target.used_in()) == 5


def test_topic_choices_are_those_of_published_digests(client, index):
    make_digest(index, topics=(Concept.RULE_OF_OPTIMISM,))
    make_digest(index, topics=(Concept.START_AGAIN_SYNDROME,), publish=False)
    html = client.get(index.url).content.decode()
    assert 'value="rule-of-optimism"' in html
    assert 'value="start-again-syndrome"' not in html


def test_index_queries_do_not_grow_with_the_number_of_digests(
    client, index, django_assert_max_num_queries
):
    for n in range(3):
        make_digest(index, title=f"Digest {n}", topics=(Concept.CHILDS_VOICE,))
    client.get(index.url)  # warm the site-root cache
    with django_assert_max_num_queries(12) as few:
        client.get(index.url)
    # Read the count now: each request clears Django's query log.
    few_count = len(few.captured_queries)
    for n in range(3, 10):
        make_digest(index, title=f"Digest {n}", topics=(Concept.CHILDS_VOICE,))
    client.get(index.url)  # saving pages clears the header's cached section links
    with django_assert_max_num_queries(few_count):
        client.get(index.url)
