from wagtail import hooks

from learning_site.files import refuse_private_document
from learning_site.page_deletion import refusal


@hooks.register("before_delete_page")
def refuse_to_delete_pages_with_learner_records(request, page):
    return refusal(request, [page])


@hooks.register("before_bulk_action")
def refuse_to_bulk_delete_pages_with_learner_records(request, action_type, objects, action):
    from wagtail.models import Page

    if action_type != "delete":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    return refusal(request, pages) if pages else None


# Before Wagtail's own check (order 0), which would send a signed-in person round in a
# loop through the sign-in page.
hooks.register("before_serve_document", refuse_private_document, order=-1)
