"""Every partnership starts with the default local outcome indicators."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from learning_site.models import Partnership


@receiver(post_save, sender=Partnership, dispatch_uid="impact_reports_default_indicators")
def give_new_partnership_default_indicators(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from evaluations.reports.indicators import ensure_default_indicators

        ensure_default_indicators(instance)


def _forget_cached_reports(sender, instance, **kwargs):
    from evaluations.reports.report import start_new_generation

    partnership_id = getattr(instance, "partnership_id", None)
    if partnership_id is None and hasattr(instance, "indicator"):
        partnership_id = instance.indicator.partnership_id
    if partnership_id:
        start_new_generation(partnership_id)


def _connect_cache_signals():
    from django.db.models.signals import post_delete

    from evaluations.reports.models import ApprovedComment, IndicatorValue, OutcomeIndicator

    for model in (OutcomeIndicator, IndicatorValue, ApprovedComment):
        post_save.connect(
            _forget_cached_reports,
            sender=model,
            dispatch_uid=f"impact_reports_cache_{model.__name__}_save",
        )
        post_delete.connect(
            _forget_cached_reports,
            sender=model,
            dispatch_uid=f"impact_reports_cache_{model.__name__}_delete",
        )


_connect_cache_signals()


def _connect_file_signals():
    from django.db.models.signals import post_delete

    from evaluations.reports.models import ReportExport
    from learning_site.files import delete_file_with_row

    # A deleted export (its requester's account erased) takes its file with it.
    post_delete.connect(
        delete_file_with_row, sender=ReportExport, dispatch_uid="impact_reports_export_file"
    )


_connect_file_signals()
