"""Ids in URLs: a number no row can have is "not found", never a database error."""

import pytest

from learning_site.converters import MAX_ID, parse_object_id

TOO_BIG = "99999999999999999999"  # 10**20 - 1: SQLite raised OverflowError on it
JUST_TOO_BIG = str(MAX_ID + 1)

# Each URL that answered 500 on SQLite for an id too big for a 64-bit integer, with the
# method its view takes and the person who gets past its access check.
URLS = [
    ("get", "/surveys/{id}/three_months/", "learner"),
    ("get", "/learning/modules/{id}/questions/post/", "learner"),
    ("post", "/learning/modules/{id}/enrol/", "learner"),
    ("post", "/learning/modules/{id}/leave/", "learner"),
    ("post", "/scenarios/play/{id}/start/", "learner"),
    ("get", "/scenarios/play/{id}/analytics/", "trainer"),
    ("get", "/scenarios/play/{id}/analytics.csv", "trainer"),
    ("get", "/admin/scenarios/{id}/map/", "trainer"),
    ("get", "/admin/scenarios/{id}/twee/", "trainer"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("number", [TOO_BIG, JUST_TOO_BIG])
@pytest.mark.parametrize(("method", "url", "person"), URLS)
def test_an_id_too_big_for_the_database_is_not_found(
    request, client, home_page, method, url, person, number
):
    client.force_login(request.getfixturevalue(person))
    response = getattr(client, method)(url.format(id=number))
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_largest_possible_id_still_reaches_the_view(client, learner):
    client.force_login(learner)
    response = client.get(f"/learning/journal/{MAX_ID}/")
    assert response.status_code == 404  # the view looked and found nothing
    assert response.resolver_match.url_name == "journal_entry"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42", 42),
        (str(MAX_ID), MAX_ID),
        (JUST_TOO_BIG, None),
        (TOO_BIG, None),
        ("", None),
        ("-1", None),
        ("²", None),  # "²".isdigit() is true
        ("١٢", None),  # Arabic-Indic digits: int() reads them, but they are no id
        (" 42", None),
        ("42\x00", None),
        (None, None),
    ],
)
def test_parse_object_id(text, expected):
    assert parse_object_id(text) == expected
