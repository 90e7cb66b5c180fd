"""The site's sections (Modules, Scenarios, Research) and links to them.

learning_site imports none of the feature apps: their index page types are named in
settings (SECTION_INDEX_PAGES) and found by content type, in one query.
"""

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse


def optional_reverse(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def section_links() -> list[tuple[str, str]]:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    wanted = {}
    for label, model_path in settings.SECTION_INDEX_PAGES:
        try:
            model = apps.get_model(model_path)
        except LookupError:
            continue
        wanted[ContentType.objects.get_for_model(model).pk] = label
    if not wanted:
        return []
    found: dict[str, str] = {}
    for page in Page.objects.live().filter(content_type_id__in=wanted).order_by("path"):
        found.setdefault(wanted[page.content_type_id], page.url)
    return [(label, found[label]) for label, _ in settings.SECTION_INDEX_PAGES if label in found]
