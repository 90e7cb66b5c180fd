"""Admin panels used by the models (kept free of model imports)."""

from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.panels import HelpPanel


class RedirectAddressPanel(HelpPanel):
    """On a partnership's page: the redirect address it registers with its identity
    provider for single sign-on (allauth's OpenID Connect callback for the partnership)."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.instance is not None and self.instance.slug:
                from learning_site.urls_absolute import absolute_url

                address = absolute_url(
                    reverse("openid_connect_callback", kwargs={"provider_id": self.instance.slug})
                )
                self.content = format_html(
                    "<p>To set up single sign-on, register this redirect address with your "
                    "identity provider: <code>{}</code></p>",
                    address,
                )

        def is_shown(self):
            return bool(self.content) and super().is_shown()
