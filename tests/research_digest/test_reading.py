import pytest

from research_digest.reading import READING_WARNING_WORDS, count_words, reading_minutes
from tests.research_digest.factories import make_digest, make_index

pytestmark = pytest.mark.django_db


def test_count_words_ignores_html_and_entities():
    assert count_words("<p>The child&#x27;s <b>day-to-day</b> life.</p>") == 4
    assert count_words("one two", "", None, "three") == 3


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (600, 3), (1000, 5)]
)
def test_reading_minutes_at_200_words_a_minute_rounded_up(words, minutes):
    assert reading_minutes(words) == minutes


def test_digest_reading_time_counts_summary_findings_and_practice_points(home_page):
    digest = make_digest(
        make_index(home_page),
        summary="<p>" + "word " * 300 + "</p>",
        findings=[("55 of 124", "cases " * 47)],  # 3 + 47 words
        points=["act " * 50],
    )
    digest.supervision_questions = [("question", {"question": "not counted " * 100})]
    assert digest.word_count == 400
    assert digest.reading_minutes == 2
    assert not digest.too_long


def test_long_digest_is_flagged(home_page):
    digest = make_digest(
        make_index(home_page), summary="<p>" + "word " * (READING_WARNING_WORDS + 1) + "</p>"
    )
    assert digest.too_long
    assert digest.reading_minutes == 4


def _edit_page(client, user, digest):
    client.force_login(user)
    return client.get(f"/admin/pages/{digest.pk}/edit/").content.decode()


def test_editor_shows_reading_time(client, trainer, home_page):
    digest = make_digest(make_index(home_page), summary="<p>" + "word " * 390 + "</p>")
    html = _edit_page(client, trainer, digest)
    assert "Reading time: 2 minutes" in html
    assert "longer than 600 words" not in html


def test_editor_warns_past_600_words_but_still_saves(client, trainer, home_page):
    digest = make_digest(make_index(home_page), summary="<p>" + "word " * 700 + "</p>")
    html = _edit_page(client, trainer, digest)
    assert "Reading time: 4 minutes" in html
    assert "This digest is longer than 600 words." in html
    assert "You can still save and publish." in html
