from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """``{{ mapping|lookup:key }}``: a dict item in a template (None when missing)."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def age_stage_label(value: str) -> str:
    from learning_site.concepts import AgeStage

    try:
        return AgeStage(value).label
    except ValueError:
        return value
