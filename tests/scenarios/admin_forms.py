"""Build the Wagtail editor's POST data for a scenario (nested node/choice formsets)."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from scenarios.spec import ScenarioSpec


def editor_post_data(spec: ScenarioSpec, page=None, **extra) -> dict:
    """The form a trainer would submit. With ``page``, existing node and choice ids are
    included so the edit view updates rows rather than adding new ones."""
    existing = {}
    if page is not None:
        for node in page.nodes.all():
            existing[node.key] = (node.pk, [c.pk for c in node.choices.all()])
    nodes = []
    initial_nodes = 0
    for position, node in enumerate(spec.nodes):
        node_id, choice_ids = existing.get(node.key, (None, []))
        if node_id:
            initial_nodes += 1
        choices = []
        for index, choice in enumerate(node.choices):
            choices.append(
                {
                    "id": choice_ids[index] if index < len(choice_ids) else "",
                    "label": choice.label,
                    "target_key": choice.target,
                    "weeks": choice.weeks,
                    "rating": choice.rating,
                    "concepts": choice.concepts,
                    "feedback": choice.feedback,
                    "sets_facts": " ".join(choice.sets),
                    "requires_facts": " ".join(choice.requires),
                    "unless_facts": " ".join(choice.unless),
                    "ORDER": index + 1,
                    "DELETE": "",
                }
            )
        nodes.append(
            {
                "id": node_id or "",
                "key": node.key,
                "title": node.title,
                "kind": node.kind,
                "is_start": "on" if node.is_start else "",
                "narrative": rich_text(node.narrative),
                "case_record_entry": node.case_record,
                "childs_voice": node.childs_voice,
                "childs_voice_age_stage": node.age_stage,
                "outcome": node.outcome,
                "ending_summary": node.ending_summary,
                "ORDER": position + 1,
                "DELETE": "",
                "choices": inline_formset(
                    choices, initial=min(len(choice_ids), len(choices)) if node_id else 0
                ),
            }
        )
    data = nested_form_data(
        {
            "title": spec.title,
            "slug": spec.slug,
            "introduction": rich_text(spec.introduction),
            "focus_concepts": spec.focus_concepts,
            "estimated_minutes": spec.estimated_minutes,
            "reflection_prompt": spec.reflection_prompt or "What will you do differently?",
            "sources": rich_text(spec.sources),
            "seo_title": "",
            "search_description": spec.search_description,
            "nodes": inline_formset(nodes, initial=initial_nodes),
            "comments": inline_formset([]),
        }
    )
    # Drop empty "is_start" values: an unticked checkbox is simply absent from a POST.
    data = {k: v for k, v in data.items() if not (k.endswith("-is_start") and v == "")}
    data.update(extra)
    return data
