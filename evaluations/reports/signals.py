"""Every partnership starts with the default local outcome indicators."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from learning_site.models import Partnership


@receiver(post_save, sender=Partnership, dispatch_uid="impact_reports_default_indicators")
def give_new_partnership_default_indicators(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from evaluations.reports.indicators import ensure_default_indicators

        ensure_default_indicators(instance)
