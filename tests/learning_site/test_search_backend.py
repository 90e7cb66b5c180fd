"""Search boxes take any text: the backend is given only the words in it
(learning_site.search). On SQLite a stray double quote broke FTS5's query syntax, so
every search box, the admin's included, answered 500 (wagtail/wagtail#13227)."""

import pytest
from django.urls import reverse
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Phrase, PlainText

from learning_site.search import WordsOnlySearch, words_only

HOSTILE = ['"', '"neglect', "a OR b NEAR c*", "title:neglect", "((", "neglect\u202e"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"neglect', "neglect"),
        ("start-again child's", "start again child s"),
        ("a OR b NEAR c*", "a OR b NEAR c"),
        ('"', None),
        ("   ", None),
    ],
)
def test_words_only_in_text(query, expected):
    assert words_only(query) == expected


def test_words_only_in_query_objects():
    cleaned = words_only(And([PlainText('"neglect'), Phrase('"'), Not(PlainText("drift*"))]))
    assert isinstance(cleaned, And) and len(cleaned.subqueries) == 2
    assert cleaned.subqueries[0].query_string == "neglect"
    assert cleaned.subqueries[1].subquery.query_string == "drift"
    assert words_only(Phrase("?!")) is None


def test_the_default_backend_searches_for_words_only():
    assert isinstance(get_search_backend(), WordsOnlySearch)


@pytest.mark.django_db
@pytest.mark.parametrize("typed", HOSTILE)
def test_the_admin_searches_take_any_text(client, trainer, partnership, home_page, typed):
    from learning_site.roles import ensure_roles
    from tests.evaluations.factories import make_instrument

    ensure_roles()
    make_instrument(slug="ours", title="Our follow-up survey", partnership=partnership)
    client.force_login(trainer)
    for url in (
        reverse("wagtailadmin_pages:search"),
        reverse("wagtailsnippets_evaluations_instrument:list"),
        reverse("wagtailsnippetchoosers_evaluations_instrument:choose_results"),
    ):
        assert client.get(url, {"q": typed}).status_code == 200, url
