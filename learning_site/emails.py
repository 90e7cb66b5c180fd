"""Building the site's emails: a plain-text and an HTML part from one pair of templates,
and the headers that let mail programs offer their own one-click unsubscribe."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def templated_email(
    *,
    template: str,
    context: dict,
    subject: str,
    to: list[str],
    from_email: str | None = None,
    unsubscribe_url: str | None = None,
) -> EmailMultiAlternatives:
    """``template`` names ``<template>.txt`` and ``<template>.html``."""
    headers = {}
    if unsubscribe_url:
        # RFC 2369 and RFC 8058: the mail program's own unsubscribe button.
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=from_email,
        to=to,
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message
