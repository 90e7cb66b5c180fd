"""A partnership's own identity provider (OpenID Connect): single sign-on for its people.

A partnership administrator sets it up on the partnership's page in the admin, next to the
email domains the partnership has claimed. People whose address is at one of those
domains see "Sign in with …" on the sign-in page; allauth's ``openid_connect`` provider
runs the sign-in (``learning_site.single_sign_on`` builds allauth's app from this row).
"""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from learning_site.models.partnerships import Partnership

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class PartnershipSignOn(models.Model):
    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="sign_on")
    is_enabled = models.BooleanField(
        "Offer single sign-on",
        default=True,
        help_text="Untick to hide the button while you fix the set-up. Nobody is signed out.",
    )
    provider_name = models.CharField(
        "Organisation name on the button",
        max_length=80,
        help_text=(
            "The sign-in button says 'Sign in with' and this, for example 'Eastborough "
            "Council' gives 'Sign in with Eastborough Council'."
        ),
    )
    issuer = models.URLField(
        "Issuer URL",
        max_length=500,
        help_text=(
            "Your identity provider's issuer, from its OpenID Connect set-up, for example "
            "https://login.microsoftonline.com/<tenant id>/v2.0. Sign-ins whose tokens name "
            "another issuer are refused."
        ),
    )
    client_id = models.CharField(
        "Client ID",
        max_length=255,
        help_text="The application (client) ID your provider gave this site.",
    )
    # Written, never shown back: the admin draws the field empty, and leaving it empty
    # keeps the saved secret (clean()).
    client_secret = models.CharField(
        "Client secret",
        max_length=500,
        blank=True,
        help_text="Never shown once saved. Leave empty to keep the saved secret.",
    )

    panels = [
        FieldPanel("provider_name"),
        FieldPanel("issuer"),
        FieldPanel("client_id"),
        FieldPanel(
            "client_secret",
            widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        ),
        FieldPanel("is_enabled"),
    ]

    class Meta:
        verbose_name = "single sign-on"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"], name="one_identity_provider_per_partnership"
            )
        ]

    def __str__(self) -> str:
        return self.button_label

    @property
    def button_label(self) -> str:
        return f"Sign in with {self.provider_name}"

    @property
    def provider_id(self) -> str:
        """allauth's name for this provider, in the sign-in and redirect addresses: the
        partnership's slug, which only a platform administrator can change (and changing
        it means registering the new redirect address with the provider)."""
        return self.partnership.slug

    def clean(self):
        errors = {}
        self.client_secret = (self.client_secret or "").strip()
        if not self.client_secret and self.pk:
            saved = PartnershipSignOn.objects.filter(pk=self.pk).values_list(
                "client_secret", flat=True
            )
            self.client_secret = saved.first() or ""
        if not self.client_secret:
            errors["client_secret"] = "Enter the client secret your provider gave you."  # noqa: S105
        self.provider_name = (self.provider_name or "").strip()
        self.issuer = (self.issuer or "").strip().rstrip("/")
        parts = urlsplit(self.issuer)
        if parts.query or parts.fragment:
            errors["issuer"] = "Enter the issuer URL without anything after a ? or #."
        elif parts.scheme != "https" and parts.hostname not in LOOPBACK_HOSTS:
            errors["issuer"] = (
                "The issuer URL must start with https://, so sign-ins cannot be read or "
                "changed on the way."
            )
        if errors:
            raise ValidationError(errors)
