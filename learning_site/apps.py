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
        self._register_path_converters()
        self._connect_section_link_signals()
        self._connect_two_factor_signals()
        self._connect_access_cache_signals()
        # The page router's cached sites and restricted pages are cleared by signals,
        # in every process that saves (workers and commands too, not only the web).
        from learning_site import content_version, page_routing  # noqa: F401

        content_version.connect()

    @staticmethod
    def _connect_access_cache_signals():
        from learning_site.access_cache import connect

        connect()

    @staticmethod
    def _connect_two_factor_signals():
        from allauth.mfa.signals import authenticator_added

        from learning_site.two_factor import record_second_factor_given

        def _on_added(sender, request, user, authenticator, **kwargs):
            record_second_factor_given(request, user, authenticator)

        authenticator_added.connect(
            _on_added, dispatch_uid="record_second_factor_given", weak=False
        )

    @staticmethod
    def _register_path_converters():
        from django.urls import register_converter

        from learning_site.converters import ObjectIdConverter

        # Before any URLconf is read: every app's id arguments are <id:…>.
        register_converter(ObjectIdConverter, "id")

    @staticmethod
    def _connect_section_link_signals():
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from learning_site.sections import forget_section_links

        # Page subclasses send these with their own class as sender, so no sender filter;
        # the receiver ignores anything that is not a page.
        for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
            signal.connect(forget_section_links, dispatch_uid="forget_section_links")
