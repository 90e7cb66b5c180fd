"""A null character in a web address is refused with 400 (PostgreSQL cannot compare text
holding one, so the views that looked it up answered 500 there)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Each answered 500 on PostgreSQL (DataError) for the person shown.
URLS = [
    ("/certificates/verify/?code=%00", "anonymous"),
    ("/learning/certificates/%00.pdf", "learner"),
    ("/learning/journal/?q=%00", "learner"),
    ("/research/?topic=%00", "anonymous"),
    ("/research-digests/round-up/stop/%00/", "anonymous"),
    ("/no-such-page/?a%00b=1", "anonymous"),
]


@pytest.mark.parametrize(("url", "person"), URLS)
def test_a_null_character_in_the_address_is_a_bad_request(request, client, home_page, url, person):
    if person != "anonymous":
        client.force_login(request.getfixturevalue(person))
    response = client.get(url)
    assert response.status_code == 400
    assert "Sorry, the service cannot use that request" in response.content.decode()


def test_the_same_addresses_without_it_are_answered_as_before(client, home_page):
    assert client.get("/certificates/verify/?code=ABC").status_code == 200
    assert client.get("/no-such-page/?q=%2500").status_code == 404  # "%00", typed


def test_form_bodies_and_files_are_left_to_the_forms(client, trainer, home_page):
    from tests.scenarios.factories import make_index

    make_index(home_page)
    client.force_login(trainer)
    upload = SimpleUploadedFile("story.twee", b":: StoryTitle\nA\x00B\n", content_type="text/plain")
    response = client.post(reverse("scenarios_admin_twee_import"), {"file": upload})
    assert response.status_code == 200
    assert "null character" in response.content.decode()
