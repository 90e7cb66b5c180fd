"""The data a Wagtail page editor posts, read from the edit form as a browser would.

``querydict_from_html`` reads the plain fields of the edit form, but a StreamField's form
is drawn by JavaScript, so its fields are built here from the page's stored blocks.
"""

from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text


def _block_form_data(block, raw):
    if isinstance(block, blocks.StreamBlock):
        return _sequence(
            raw,
            lambda item: {
                "type": item["type"],
                "value": _block_form_data(block.child_blocks[item["type"]], item["value"]),
            },
        )
    if isinstance(block, blocks.ListBlock):
        items = [
            item if isinstance(item, dict) and "value" in item else {"value": item} for item in raw
        ]
        return _sequence(
            items, lambda item: {"value": _block_form_data(block.child_block, item["value"])}
        )
    if isinstance(block, blocks.StructBlock):
        return {
            name: _block_form_data(child, (raw or {}).get(name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(raw or "")
    if isinstance(block, blocks.BooleanBlock):
        return "on" if raw else ""
    return "" if raw is None else str(raw)


def _sequence(items, item_form_data) -> dict:
    data = {"count": str(len(items))}
    for i, item in enumerate(items):
        data[str(i)] = {
            **item_form_data(item),
            "id": item.get("id") or "",
            "deleted": "",
            "order": str(i),
        }
    return data


def edit_form_data(client, page) -> dict:
    """What the edit form of ``page`` posts unchanged (the client must be signed in)."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form").copy()
    page = page.specific
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            raw = getattr(page, field.name).raw_data
            data.update(
                nested_form_data({field.name: _block_form_data(field.stream_block, list(raw))})
            )
    return data
