from django.apps import AppConfig


class ImpactReportsConfig(AppConfig):
    """Training-impact reports for boards, trainers and administrators.

    A nested app inside ``evaluations`` so it reads the evaluation waves beside the
    modules and scenarios, while keeping its own models, migrations and URLs.
    """

    name = "evaluations.reports"
    label = "impact_reports"
    verbose_name = "Training-impact reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from evaluations.reports import signals, summary  # noqa: F401
