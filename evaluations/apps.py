from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = "Surveys and evaluation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from evaluations import receivers

        receivers.connect()
