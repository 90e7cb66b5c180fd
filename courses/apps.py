from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import progress_rows, receivers

        receivers.connect()
        progress_rows.connect()
