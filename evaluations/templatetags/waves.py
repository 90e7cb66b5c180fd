"""Wave names and months in templates, read from ``evaluations.models.instruments``."""

from django import template

from evaluations.models import follow_up_months_text, wave_label

register = template.Library()


@register.filter(name="wave_label")
def wave_label_filter(wave: str) -> str:
    """``{{ wave|wave_label }}``: "3 months after", "End of the module", …"""
    return wave_label(wave)


@register.simple_tag
def follow_up_months() -> str:
    """``{% follow_up_months %}``: the follow-up months in words, "3 and 12"."""
    return follow_up_months_text()
