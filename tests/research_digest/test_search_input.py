"""What a person may type into the digest search, on a small index of one digest."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    from tests.research_digest.factories import make_digest, make_index

    index = make_index(home_page)
    make_digest(index, title="Neglect and the child's day", takeaway="See the child's day.")
    return index


@pytest.mark.parametrize("typed", ['"', '"neglect', "a OR b NEAR c*", "neglect:*", "(("])
def test_search_punctuation_and_operators_are_plain_text_not_a_500(client, index, typed):
    # SQLite FTS5 read a stray double quote as an unterminated string (OperationalError).
    response = client.get(index.url, {"q": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"\d+ digests? found", html)
    assert 'name="q"' in html


def test_search_words_in_quotes_still_find_the_digest(client, index):
    html = client.get(index.url, {"q": '"neglect'}).content.decode()
    assert "1 digest found" in html
    assert "Neglect and the child" in html


def test_search_of_only_punctuation_matches_nothing_and_says_what_was_typed(client, index):
    html = client.get(index.url, {"q": '"'}).content.decode()
    assert "0 digests found" in html
    assert "No digests match “&quot;”" in html
