from django.apps import AppConfig


class LearningRecordsConfig(AppConfig):
    name = "learning_site.learning_records"
    label = "learning_records"
    verbose_name = "Learning records (xAPI)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from learning_site.learning_records import receivers

        receivers.connect()
