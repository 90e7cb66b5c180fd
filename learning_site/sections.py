"""The site's sections (Modules, Scenarios, Research) and links to them.

learning_site imports none of the feature apps: their index page types are named in
settings (SECTION_INDEX_PAGES) and found by content type, in one query. The header shows
them on every page, so the links are cached until a page is saved, moved or deleted.
The home page shows each as a card with one sentence: the index page's search
description where an editor has written one, otherwise the sentence in settings.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse

CACHE_KEY = "learning_site:sections:v2"
CACHE_SECONDS = 600


@dataclass(frozen=True)
class Section:
    label: str
    url: str
    description: str


def optional_reverse(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def sections() -> list[Section]:
    found = cache.get(CACHE_KEY)
    if found is None:
        found = _sections_from_pages()
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def section_links() -> list[tuple[str, str]]:
    return [(section.label, section.url) for section in sections()]


def forget_section_links(sender=None, instance=None, **kwargs) -> None:
    """Signal receiver: any page saved, moved or deleted may be a section's index."""
    from wagtail.models import Page

    if instance is None or isinstance(instance, Page):
        cache.delete(CACHE_KEY)


def _sections_from_pages() -> list[Section]:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    wanted = {}
    for label, model_path, _ in settings.SECTION_INDEX_PAGES:
        try:
            model = apps.get_model(model_path)
        except LookupError:
            continue
        wanted[ContentType.objects.get_for_model(model).pk] = label
    if not wanted:
        return []
    found: dict[str, Page] = {}
    for page in Page.objects.live().filter(content_type_id__in=wanted).order_by("path"):
        found.setdefault(wanted[page.content_type_id], page)
    return [
        Section(label, found[label].url, found[label].search_description.strip() or description)
        for label, _, description in settings.SECTION_INDEX_PAGES
        if label in found
    ]
