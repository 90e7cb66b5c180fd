"""Finding the page for an address in a fixed number of queries (issue 19).

Wagtail's own routing walks down the tree one level at a time: for each part of the
address it reads the child with that slug and then its specific row, so a lesson four
levels down costs eight queries, and its view-restriction check reads the ancestors once
more. Here the same answer comes from:

- the site and its root page, kept in the shared cache per host name and port (cleared
  whenever a site or a site's root page is saved, moved or deleted);
- one query for every page on the way down (their ``url_path`` values are known from
  the address);
- one for the specific row of the page found;
- none for view restrictions, unless the page or an ancestor has one (the pages that
  carry one are kept in the shared cache, cleared when a restriction is saved or
  deleted); then one.

The walk follows Wagtail's rules: each part must be a child of the page before it, the
page found must be live, and a page whose class routes its own sub-addresses
(``RoutablePageMixin``) is handed the rest of the address, as Wagtail would. With
translations switched on, or a page on the way that is an alias, Wagtail's own routing
runs instead. ``serve`` fills in Wagtail's per-request route and then calls Wagtail's
``serve`` view, so its hooks, view restrictions and errors are unchanged.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from learning_site import cache_tokens
from learning_site.content_version import cached_for_readers

SITE_CACHE_VERSION_KEY = "page-routing:site-version"
RESTRICTIONS_VERSION_KEY = "page-routing:restrictions-version"


def serve(request, path):
    """Wagtail's page view, with the route found by :func:`route`."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def route(request, path: str):
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return Page.route_for_request(request, path)
    site = find_site(request)
    if site is None:
        return None
    root = site.root_page
    components = [part for part in path.split("/") if part]
    chain = _pages_on_the_way(root, components)
    if any(page.alias_of_id for page in chain.values()):
        return _wagtail_route(request, site, components)
    parent = root
    for depth, part in enumerate(components):
        if _routes_itself(parent):
            return _specific(parent, chain).route(request, components[depth:])
        child = chain.get(parent.url_path + part + "/")
        if (
            child is None
            or child.depth != parent.depth + 1
            or not child.path.startswith(parent.path)
        ):
            raise Http404
        child._cached_parent_obj = parent
        parent = child
    return _specific(parent, chain).route(request, [])


def find_site(request):
    """``Site.find_for_request``, kept in the shared cache with its root page."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"page-routing:site:{_site_version()}:{hostname}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - read now, so the cached copy holds it
            cache.set(key, site, 3600)
    request._wagtail_site = site
    return site


def _site_version() -> str:
    return cache_tokens.token(SITE_CACHE_VERSION_KEY)


def forget_sites() -> None:
    """Drop every cached site (a site, or a site's root page, has changed)."""
    cache_tokens.renew(SITE_CACHE_VERSION_KEY)


def _pages_on_the_way(root: Page, components: list[str]) -> dict[str, Page]:
    """Every page the address passes through below the root, and the root's ancestors
    (for view restrictions), by ``url_path``, in one query."""
    url_paths = [
        root.url_path + "/".join(components[: n + 1]) + "/" for n in range(len(components))
    ]
    step = Page.steplen
    ancestor_paths = [root.path[: step * n] for n in range(1, root.depth)]
    if not url_paths and not ancestor_paths:
        return {}
    pages = Page.objects.filter(
        Q(url_path__in=url_paths, path__startswith=root.path) | Q(path__in=ancestor_paths)
    )
    return {page.url_path if page.depth > root.depth else page.path: page for page in pages}


def _routes_itself(page: Page) -> bool:
    model = page.specific_class
    return model is not None and model.route is not Page.route


def _specific(page: Page, chain: dict[str, Page]) -> Page:
    """The page's specific object, keeping its parent, with its view restrictions read
    for the page and every ancestor in one query when Wagtail asks for them."""
    # The page's own object, as every reader sees it, kept under the content version and
    # the row just read (so a page changed without a signal is read afresh): its blocks,
    # once turned into values for one reader, serve the next without a query.
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    specific = cached_for_readers(
        f"routed-page:{page.pk}:{page.live:d}:{page.latest_revision_id}:{published}",
        lambda: page.specific,
    )
    if hasattr(page, "_cached_parent_obj"):
        specific._cached_parent_obj = page._cached_parent_obj
    ids = [p.pk for p in chain.values() if p.path != page.path and page.path.startswith(p.path)]
    ids += [p.pk for p in _parents(page)]
    ids.append(page.pk)
    specific.get_view_restrictions = _ViewRestrictions(set(ids))
    return specific


class _ViewRestrictions:
    """``page.get_view_restrictions`` for a routed page: its own and its ancestors'
    restrictions, with no query when none of them has one. A plain object, so the page
    can still be pickled."""

    def __init__(self, page_ids: set[int]):
        self.page_ids = sorted(page_ids)

    def __call__(self):
        if set(self.page_ids).isdisjoint(_restricted_page_ids()):
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=self.page_ids)


def _restricted_page_ids() -> set[int]:
    """The pages that carry a view restriction (few, if any), kept in the shared cache
    until a restriction is saved or deleted."""
    return cache_tokens.cached(
        "page-routing:restricted-pages",
        RESTRICTIONS_VERSION_KEY,
        lambda: set(PageViewRestriction.objects.values_list("page_id", flat=True)),
        3600,
    )


def _parents(page: Page) -> list[Page]:
    found = []
    while hasattr(page, "_cached_parent_obj"):
        page = page._cached_parent_obj
        found.append(page)
    return found


def _wagtail_route(request, site: Site, components: list[str]):
    return site.root_page.localized.specific.route(request, components)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _site_changed(**kwargs) -> None:
    forget_sites()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _restrictions_changed(**kwargs) -> None:
    cache_tokens.renew(RESTRICTIONS_VERSION_KEY)


def _page_changed(sender, instance, **kwargs) -> None:
    if Site.objects.filter(root_page_id=instance.pk).exists():
        forget_sites()


for _signal in (page_published, page_unpublished, post_page_move):
    _signal.connect(_page_changed, dispatch_uid=f"page-routing-{_signal}")
