from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _ensure_roles_after_migrate(sender, **kwargs):
    # post_migrate fires once per app, in INSTALLED_APPS order, and each app's permissions
    # are created in its own turn. Wait for the last app so every permission exists.
    last_app = [c for c in apps.get_app_configs() if c.models_module is not None][-1]
    if sender.label != last_app.label:
        return
    from learning_site.roles import ensure_roles

    ensure_roles()


class LearningSiteConfig(AppConfig):
    name = "learning_site"
    verbose_name = "Accounts and partnerships"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_ensure_roles_after_migrate, dispatch_uid="ensure_roles")
