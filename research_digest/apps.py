from django.apps import AppConfig


class ResearchDigestConfig(AppConfig):
    name = "research_digest"
    default_auto_field = "django.db.models.BigAutoField"
