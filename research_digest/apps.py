from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_concept_topics(sender, **kwargs):
    from research_digest.models import ensure_concept_topics

    ensure_concept_topics()


class ResearchDigestConfig(AppConfig):
    name = "research_digest"
    verbose_name = "Research digests"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every database (fresh, test, production) has a topic per shared concept, so
        # scenarios and modules can always match digests on concept slugs.
        post_migrate.connect(_ensure_concept_topics, sender=self)
        # A digest page caches its topics with its text (learning_site.content_version).
        from django.db.models.signals import post_delete, post_save

        from learning_site import content_version

        topic = self.get_model("DigestTopic")
        post_save.connect(content_version.bump, sender=topic, dispatch_uid="digest-topic-saved")
        post_delete.connect(content_version.bump, sender=topic, dispatch_uid="digest-topic-gone")
