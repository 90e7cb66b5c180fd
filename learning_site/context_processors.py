from django.utils.functional import SimpleLazyObject

from learning_site import content_version
from learning_site.sections import optional_reverse, section_links


def site_navigation(request):
    """Header links that match what the signed-in person's role lets them use."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    links: list[tuple[str, str | None]] = []
    if signed_in:
        links.append(("My learning", optional_reverse("my_learning")))
    links += section_links()
    if signed_in and user.has_perm("learning_site.view_impact_reports"):
        links.append(("Reports", optional_reverse("reports_home")))
    if signed_in and user.has_perm("wagtailadmin.access_admin"):
        links.append(("Admin", optional_reverse("wagtailadmin_home")))
    current = request.path if request is not None else ""
    return {
        # Read from the cache only by a template that caches a fragment under it. A
        # preview (a draft, as edited) has a version of its own: never the live copy.
        "content_version": SimpleLazyObject(
            content_version.for_preview
            if getattr(request, "is_preview", False)
            else content_version.current
        ),
        "site_nav_links": [
            {"label": label, "url": url, "current": url != "/" and current.startswith(url)}
            for label, url in links
            if url
        ],
    }
