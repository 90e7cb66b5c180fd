from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front page: what the platform is, and the way in for each kind of user."""

    strapline = models.CharField(
        max_length=200,
        blank=True,
        help_text="One sentence under the title, saying who the site is for.",
    )
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="A short introduction. Keep it under 100 words.",
    )

    content_panels = [*Page.content_panels, FieldPanel("strapline"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        from learning_site.sections import sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections()
        return context
