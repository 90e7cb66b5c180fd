import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from wagtail.models import Site

from tests.research_digest.factories import make_digest, make_index

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - our own feed, generated in this test


def test_feed_is_valid_atom_with_absolute_links(client, home_page):
    index = make_index(home_page)
    make_digest(index, title="Older digest", takeaway="First takeaway.")
    newer = make_digest(index, title="Newer digest", takeaway="Second takeaway.")
    make_digest(index, title="Draft digest", publish=False)

    response = client.get(reverse("research_digest:feed"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id").startswith("http")
    assert feed.findtext(f"{ATOM}updated")
    assert feed.findtext(f"{ATOM}title")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").startswith("http://testserver/")

    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Newer digest",
        "Older digest",
    ]
    for entry in entries:
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}updated")
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith("http://") and href.endswith("/")
    assert entries[0].find(f"{ATOM}link").get("href") == "http://testserver" + newer.url
    assert "Second takeaway." in entries[0].findtext(f"{ATOM}summary")


def test_every_link_in_the_feed_is_on_the_sites_base_url(client, home_page, settings):
    """Feed readers got http://localhost/ (the Wagtail Site record's default, port 80)."""
    settings.WAGTAILADMIN_BASE_URL = "https://learning.example.org"
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    index = make_index(home_page)
    digest = make_digest(index, title="Disguised compliance")

    feed = parse(client.get(reverse("research_digest:feed")).content)

    hrefs = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    ids = [element.text for element in feed.iter(f"{ATOM}id")]
    assert len(hrefs) == 3 and len(ids) == 2  # feed and entry links; feed and entry ids
    assert all(url.startswith("https://learning.example.org/") for url in hrefs + ids)
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == "https://learning.example.org" + digest.url
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "https://learning.example.org" + reverse("research_digest:feed")
    )


def test_updated_digest_rises_to_the_top(client, home_page):
    index = make_index(home_page)
    first = make_digest(index, title="First")
    make_digest(index, title="Second")
    first.takeaway = "Revised after review."
    first.save_revision().publish()

    feed = parse(client.get(reverse("research_digest:feed")).content)
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}title") == "First"


def test_index_page_advertises_the_feed(client, home_page):
    index = make_index(home_page)
    html = client.get(index.url).content.decode()
    assert 'type="application/atom+xml"' in html
    assert reverse("research_digest:feed") in html
