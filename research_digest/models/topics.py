"""Digest topics: a fixed vocabulary of tags whose slugs are the shared concepts.

Topics are taggit tags (so the editor gets Wagtail's tag field and readers get tag
links) on a custom tag model with ``free_tagging = False``: editors pick from existing
topics instead of typing new ones, so a typo never creates a topic that no scenario or
module can match. Every ``learning_site.concepts.Concept`` has a topic whose slug is the
concept's value (made after each migrate, see ``ensure_concept_topics``); trainers may
add further topics as snippets.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from learning_site.concepts import Concept


class DigestTopic(TagBase):
    """A topic a digest is about. Slugs of concept topics equal ``Concept`` values."""

    free_tagging = False

    class Meta:
        verbose_name = "digest topic"
        verbose_name_plural = "digest topics"
        ordering = ["name"]

    @property
    def concept(self) -> Concept | None:
        try:
            return Concept(self.slug)
        except ValueError:
            return None


class DigestTopicLink(ItemBase):
    """Through model between a digest and its topics."""

    tag = models.ForeignKey(DigestTopic, on_delete=models.CASCADE, related_name="digest_links")
    content_object = ParentalKey(
        "research_digest.ResearchDigestPage", on_delete=models.CASCADE, related_name="topic_links"
    )

    class Meta:
        verbose_name = "digest topic link"
        constraints = [
            models.UniqueConstraint(fields=["tag", "content_object"], name="unique_digest_topic")
        ]


def ensure_concept_topics() -> None:
    """Make one topic per shared concept (slug = concept value). Safe to run repeatedly."""
    for concept in Concept:
        DigestTopic.objects.update_or_create(slug=concept.value, defaults={"name": concept.label})
