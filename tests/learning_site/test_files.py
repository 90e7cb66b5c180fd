"""Who may fetch which files: public images are served at /media/ (in development by the
site, in production by the web server); documents only through Wagtail's serve view, which
checks the filename and the collection's privacy; board packs never from /media/."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from learning_site.roles import Role
from tests.dev_server import dev_server  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

HANDOUT = b"Neglect: questions to ask at a home visit."
PRIVATE_NOTES = b"Board only: the serious case review action plan."


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """A fresh MEDIA_ROOT per test, so file names are as uploaded (no suffixes)."""
    settings.MEDIA_ROOT = tmp_path / "media"


def _media_file(relative: str, content: bytes) -> Path:
    path = Path(settings.MEDIA_ROOT) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- public media in development -----------------------------------------------------


@pytest.mark.usefixtures("dev_server")
def test_development_serves_image_originals_and_renditions(client):
    image = Image.objects.create(title="Kitchen", file=get_test_image_file())
    rendition = image.get_rendition("fill-10x10")
    assert image.file.url.startswith("/media/original_images/")
    for url in (image.file.url, rendition.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _body(response).startswith(b"\x89PNG")


@pytest.mark.usefixtures("dev_server")
def test_development_does_not_serve_documents_or_anything_else_under_media(client):
    document = Document.objects.create(
        title="Handout", file=ContentFile(HANDOUT, name="handout.txt")
    )
    direct = "/media/" + document.file.name
    assert direct == "/media/documents/handout.txt"
    old_board_pack = "impact_reports/exports/0b7c/training-impact-north-2027-01-01.pdf"
    _media_file(old_board_pack, b"%PDF-1.4 board pack")
    _media_file("images/secret.txt", b"not an image")
    for url in (
        direct,
        "/media/" + old_board_pack,
        "/media/images/../documents/handout.txt",
        "/media/original_images/../documents/handout.txt",
        "/media/images/%2e%2e/documents/handout.txt",
        "/media/images/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert HANDOUT not in _body(response), url


def test_outside_development_the_site_serves_no_media(client):
    image = Image.objects.create(title="Kitchen", file=get_test_image_file())
    assert client.get(image.file.url).status_code == 404


# --- Wagtail documents ----------------------------------------------------------------


def test_document_links_go_through_the_serve_view_and_need_the_filename(client):
    document = Document.objects.create(
        title="Handout", file=ContentFile(HANDOUT, name="handout.txt")
    )
    other = Document.objects.create(title="Other", file=ContentFile(b"x", name="agenda.txt"))
    assert document.url == f"/documents/{document.pk}/handout.txt"
    assert _body(client.get(document.url)) == HANDOUT

    # Walking the ids without the exact filename finds nothing.
    for guess in (
        f"/documents/{document.pk}/",
        f"/documents/{document.pk}/x.txt",
        f"/documents/{document.pk}/handout.pdf",
        f"/documents/{other.pk}/handout.txt",
        f"/documents/{document.pk + other.pk + 1}/handout.txt",
    ):
        assert client.get(guess).status_code == 404, guess


@pytest.fixture
def private_collection():
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[Role.TRAINER, Role.BOARD_MEMBER]))
    return collection


@pytest.fixture
def private_document(private_collection):
    return Document.objects.create(
        title="Action plan",
        collection=private_collection,
        file=ContentFile(PRIVATE_NOTES, name="action-plan.txt"),
    )


def test_private_document_sends_anonymous_people_to_sign_in(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    # allauth's sign-in (rate limits, two-factor), not Wagtail's own login form.
    assert response.url.startswith(reverse("account_login") + "?next=")
    assert PRIVATE_NOTES not in _body(response)


def test_private_document_is_refused_to_people_outside_its_groups(
    client, private_document, learner
):
    client.force_login(learner)
    response = client.get(private_document.url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>You cannot open this document</h1>" in html
    assert PRIVATE_NOTES.decode() not in html


def test_private_document_opens_for_people_in_its_groups(client, private_document, trainer):
    client.force_login(trainer)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert _body(response) == PRIVATE_NOTES


@pytest.mark.usefixtures("dev_server")
def test_private_document_is_not_served_from_media_in_development(client, private_document):
    response = client.get("/media/" + private_document.file.name)
    assert response.status_code == 404


def test_a_document_restricted_to_signed_in_people_opens_for_any_of_them(
    client, learner, private_collection
):
    CollectionViewRestriction.objects.filter(collection=private_collection).update(
        restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Notes", collection=private_collection, file=ContentFile(b"n", name="notes.txt")
    )
    assert client.get(document.url).status_code == 302
    client.force_login(learner)
    assert client.get(document.url).status_code == 200
