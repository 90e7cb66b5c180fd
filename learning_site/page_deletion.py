"""Pages that learners have records of cannot be deleted in the admin.

Deleting a module would delete its enrolments, completions and certificates (a
certificate's public check would then fail); deleting a scenario would delete every
play-through; the board's reports would lose them all. The admin refuses with a message
that says so and suggests unpublishing, which hides the page and keeps the records. The
models are named in ``settings.PAGES_WITH_LEARNER_RECORDS`` (learning_site imports no
feature app); their foreign keys are ``PROTECT`` as the last line of defence.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse


def learners_with_records(pages) -> int:
    """Distinct learners with records of any of ``pages`` or of a page below them."""
    from wagtail.models import Page

    if not pages:
        return 0
    tree = Q()
    for page in pages:
        tree |= Q(path__startswith=page.path)
    page_ids = Page.objects.filter(tree).values("pk")
    learners: set[int] = set()
    for model_path, field in settings.PAGES_WITH_LEARNER_RECORDS:
        model = apps.get_model(model_path)
        learners.update(
            model.objects.filter(**{f"{field}__in": page_ids}).values_list("user_id", flat=True)
        )
    return len(learners)


def refusal(request, pages):
    """A redirect with an error message if any of ``pages`` has learner records."""
    learners = learners_with_records(pages)
    if not learners:
        return None
    names = ", ".join(f"‘{page.title}’" for page in pages[:3]) + (
        " and others" if len(pages) > 3 else ""
    )
    people = "1 learner has" if learners == 1 else f"{learners} learners have"
    messages.error(
        request,
        f"{names} cannot be deleted: {people} records of it (enrolments, certificates or "
        "scenario play-throughs) that their CPD records and the board's reports need. "
        "Unpublish it instead: learners can no longer find it, and the records are kept.",
    )
    parent = pages[0].get_parent()
    return redirect(reverse("wagtailadmin_explore", args=[parent.pk]))
