from django.apps import AppConfig


class LearningRecordsConfig(AppConfig):
    name = "learning_records"
    verbose_name = "Learning records (xAPI)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from learning_records import receivers

        receivers.connect()
