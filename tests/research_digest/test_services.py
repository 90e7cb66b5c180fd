import pytest

from learning_site.concepts import Concept
from research_digest.models import DigestTopic
from research_digest.services import digests_for_concepts
from tests.research_digest.factories import make_digest, make_index

pytestmark = pytest.mark.django_db


def test_every_concept_has_a_topic_with_its_slug():
    slugs = set(DigestTopic.objects.values_list("slug", flat=True))
    assert set(Concept.values) <= slugs


def test_digests_for_concepts_live_tagged_newest_first_no_duplicates(home_page):
    index = make_index(home_page)
    older = make_digest(
        index,
        title="Older",
        topics=(Concept.DISGUISED_COMPLIANCE, Concept.RULE_OF_OPTIMISM),
    )
    newer = make_digest(index, title="Newer", topics=(Concept.RULE_OF_OPTIMISM,))
    make_digest(index, title="Other topic", topics=(Concept.DRIFT_AND_DELAY,))
    make_digest(index, title="Draft", topics=(Concept.RULE_OF_OPTIMISM,), publish=False)

    found = list(digests_for_concepts([Concept.DISGUISED_COMPLIANCE, Concept.RULE_OF_OPTIMISM]))

    assert [d.title for d in found] == ["Newer", "Older"]
    assert found == [newer, older]


def test_digests_for_no_concepts_is_empty(home_page):
    make_digest(make_index(home_page), topics=(Concept.CHILDS_VOICE,))
    assert list(digests_for_concepts([])) == []


def test_private_digests_are_not_offered(home_page):
    from wagtail.models import PageViewRestriction

    digest = make_digest(make_index(home_page), topics=(Concept.CHILDS_VOICE,))
    PageViewRestriction.objects.create(page=digest, restriction_type="login")
    assert list(digests_for_concepts([Concept.CHILDS_VOICE])) == []
