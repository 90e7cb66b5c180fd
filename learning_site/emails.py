"""Building the site's emails: a plain-text and an HTML part from one pair of templates,
and the headers that let mail programs offer their own one-click unsubscribe."""

import html
import re
import secrets
from email.policy import Compat32

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

# Printable ASCII words with single spaces between them: what most headers are.
_PLAIN_HEADER = re.compile(r"[!-~]+(?: [!-~]+)*")


class QuickFoldPolicy(Compat32):
    """The email policy Django's messages use (compat32), writing a plain header in one
    step: compat32 builds and encodes an ``email.header.Header`` for every header of every
    part, a fifth of the time of building a follow-up invitation. A value of printable
    ASCII words that fits on one line comes out exactly as compat32 writes it (a test
    compares the two); anything else is compat32's own."""

    def _fold(self, name, value, sanitize):
        if (
            type(value) is str
            and len(name) + 2 + len(value) <= (self.max_line_length or 78)
            and _PLAIN_HEADER.fullmatch(value)
        ):
            return f"{name}: {value}{self.linesep}"
        return super()._fold(name, value, sanitize)


QUICK_FOLD = QuickFoldPolicy()


class SiteEmail(EmailMultiAlternatives):
    """Django's email with a plain-text body and alternatives, written with
    :class:`QuickFoldPolicy` (byte for byte what Django writes, in less time)."""

    def message(self, *args, **kwargs):
        message = super().message(*args, **kwargs)
        message.policy = QUICK_FOLD
        return message


def _html_escape(value) -> str:
    """What ``{{ value }}`` writes where autoescaping is on (Django's conditional_escape
    of a string)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class _Frame:
    """One rendered template with a slot for each per-person value: a format string
    whose fields are numbered, ``{i}`` for value i as it is and ``{n + i}`` escaped."""

    def __init__(self, format_string: str, escapes: bool):
        self.format_string = format_string
        self.escapes = escapes


class TemplateFrames:
    """An email template pair (``<template>.txt`` and ``.html``) rendered once for what
    many recipients share, then filled in per recipient.

    Rendering the two templates for every recipient of a batch was a fifth of the time of
    each follow-up invitation, though only the name and the links differ. For each new
    shared context the templates are rendered once with a marker in place of each
    per-person value; the marker carries an ``&``, so the rendering shows at each place
    whether the template escaped the value there (the HTML part) or wrote it as it is
    (the plain-text part, under ``autoescape off``). Each recipient's values are then put
    in with the same escaping (Django's ``conditional_escape``).

    A template must use the per-person values plainly (``{{ first_name }}``, no filter
    that changes them). The first recipient of each shared context is also rendered in
    full and compared; if a marker was changed, dropped or the two differ, that context
    is rendered in full for everyone, as before."""

    def __init__(self, template: str, personal: tuple[str, ...]):
        self.template = template
        self.personal = tuple(personal)
        self._frames: dict = {}

    def render(self, shared: dict, personal: dict) -> tuple[str, str]:
        """The plain text and the HTML for one recipient."""
        key = tuple(sorted(shared.items()))
        frames = self._frames.get(key)
        if frames is None:
            frames = self._frames[key] = self._frame(shared, personal)
        if not frames:
            return self._full(shared, personal)
        return self._fill(frames[0], personal), self._fill(frames[1], personal)

    def _full(self, shared: dict, personal: dict) -> tuple[str, str]:
        context = {**shared, **personal}
        return (
            render_to_string(f"{self.template}.txt", context),
            render_to_string(f"{self.template}.html", context),
        )

    def _fill(self, frame: _Frame, personal: dict) -> str:
        values = [personal[name] for name in self.personal]
        if frame.escapes:
            values += [_html_escape(value) for value in values]
        return frame.format_string.format(*values)

    def _frame(self, shared: dict, personal: dict) -> tuple[_Frame, _Frame] | None:
        stem = f"frame{secrets.token_hex(8)}n"
        markers = {name: f"{stem}{i}x&" for i, name in enumerate(self.personal)}
        found = re.compile(rf"{stem}(\d+)x(&amp;|&)")
        count = len(self.personal)
        frames, used = [], set()
        for rendered in self._full(shared, markers):
            parts, escapes = [], False
            at = 0
            for match in found.finditer(rendered):
                parts.append(rendered[at : match.start()].replace("{", "{{").replace("}", "}}"))
                index = int(match[1])
                if index >= count:
                    return None
                escaped = match[2] == "&amp;"
                escapes |= escaped
                used.add(index)
                parts.append(f"{{{index + count if escaped else index}}}")
                at = match.end()
            rest = rendered[at:]
            parts.append(rest.replace("{", "{{").replace("}", "}}"))
            if stem in "".join(parts):
                return None  # a marker was changed: not a plain {{ value }}
            frames.append(_Frame("".join(parts), escapes))
        if used != set(range(count)):
            return None
        frames = tuple(frames)
        if (self._fill(frames[0], personal), self._fill(frames[1], personal)) != self._full(
            shared, personal
        ):
            return None
        return frames


def site_email(
    *,
    text_body: str,
    html_body: str,
    subject: str,
    to: list[str],
    from_email: str | None = None,
    unsubscribe_url: str | None = None,
) -> EmailMultiAlternatives:
    """An email of a plain-text body and its HTML alternative."""
    headers = {}
    if unsubscribe_url:
        # RFC 2369 and RFC 8058: the mail program's own unsubscribe button.
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = SiteEmail(
        subject=subject, body=text_body, from_email=from_email, to=to, headers=headers
    )
    message.attach_alternative(html_body, "text/html")
    return message


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
    return site_email(
        text_body=render_to_string(f"{template}.txt", context),
        html_body=render_to_string(f"{template}.html", context),
        subject=subject,
        to=to,
        from_email=from_email,
        unsubscribe_url=unsubscribe_url,
    )
