"""Building the site's emails: a plain-text and an HTML part from one pair of templates,
and the headers that let mail programs offer their own one-click unsubscribe."""

import functools
import html
import re
import secrets
from email import generator
from email.message import Message
from email.policy import Compat32, compat32
from email.utils import formatdate, make_msgid
from io import BytesIO

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import (
    RFC5322_EMAIL_LINE_LENGTH_LIMIT,
    SafeMIMEMultipart,
    SafeMIMEText,
    forbid_multi_line_headers,
    utf8_charset,
)
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string

# Printable ASCII words with single spaces between them: what most headers are.
_PLAIN_HEADER = re.compile(r"[!-~]+(?: [!-~]+)*")
# Printable ASCII, with spaces, tabs and line breaks: headers compat32 folds without
# encoding (Django hands over a subject already folded by email.header).
_ASCII_HEADER = re.compile(r"[\t\n\r -~]*")
# What compat32's folding looks at in such a value: where it may break a line (spaces and
# tabs, after a semicolon or comma, at a line break) and the colon of a header hidden
# after a line break, which it refuses. Every other character only counts as one.
_LOOKED_AT = re.compile(r"[ \t;,\r\n:]")
_OTHER = re.compile(r"[^ \t;,\r\n:]")


@functools.lru_cache(maxsize=1024)
def _folding(name: str, shape: str, linesep: str, max_line_length) -> str:
    """compat32's folding of a value of this shape (each character it does not look at
    written as ``x``), as a format string with a ``{}`` for each of those characters."""
    policy = compat32.clone(linesep=linesep, max_line_length=max_line_length)
    folded = policy._fold(name, shape, sanitize=False)
    head = f"{name}: "
    assert folded.startswith(head)  # noqa: S101 - compat32 always starts so
    body = folded[len(head) :].replace("{", "{{").replace("}", "}}").replace("x", "{}")
    return head.replace("{", "{{").replace("}", "}}") + body


class QuickFoldPolicy(Compat32):
    """The email policy Django's messages use (compat32), writing a plain header in one
    step: compat32 builds and encodes an ``email.header.Header`` for every header of every
    part, a fifth of the time of building a follow-up invitation. A value of printable
    ASCII words that fits on one line comes out exactly as compat32 writes it (a test
    compares the two).

    A longer ASCII value (a subject, a sender, the unsubscribe link, the multipart
    boundary) is folded where compat32 would fold it: compat32 breaks lines only at
    spaces and tabs, after semicolons and commas and at line breaks, refuses a colon that
    makes a line look like a header of its own, and counts every other character as one,
    so a value folds as its *shape* does (those characters kept, every other one written
    ``x``). compat32 folds each shape once (the shapes are few: a batch's
    subjects and senders repeat, and its links and boundaries differ only in characters
    that are not breaks) and the value's own characters go back in place of the ``x``.
    Anything else (non-ASCII, line breaks, ``Header`` objects) is compat32's own."""

    def _fold(self, name, value, sanitize):
        if type(value) is str:
            if len(name) + 2 + len(value) <= (self.max_line_length or 78) and (
                _PLAIN_HEADER.fullmatch(value)
            ):
                return f"{name}: {value}{self.linesep}"
            if _ASCII_HEADER.fullmatch(value):
                folding = _folding(name, _OTHER.sub("x", value), self.linesep, self.max_line_length)
                return folding.format(*_LOOKED_AT.sub("", value))
        return super()._fold(name, value, sanitize)


QUICK_FOLD = QuickFoldPolicy()


def new_boundary() -> str:
    """A multipart boundary in the email library's own shape, from 128 random bits.

    Left to itself, the library makes a boundary from the time and a random number when
    it writes the message, then compiles a new regular expression to search every part
    for it: a quarter of a millisecond a message. 128 bits from ``secrets`` cannot turn
    up in the text, so the message carries its boundary from the start and the library
    writes it as it is."""
    return f"==============={secrets.token_hex(16)}=="


_LINE_END = re.compile(r"\r\n|\r|\n")  # the email library's own


class _QuickGenerator(generator.BytesGenerator):
    """The library's generator, writing a part's text in one piece rather than a line at
    a time (two writes per line were a tenth of writing an invitation): the same lines,
    each ending in the policy's line separator, as the library writes them."""

    def _write_lines(self, lines):
        if lines:
            self.write(_LINE_END.sub(self._NL, lines))


@functools.lru_cache(maxsize=256)
def _checked_header(name: str, value: str, encoding: str) -> tuple[str, str]:
    return forbid_multi_line_headers(name, value, encoding)


class _SiteMultipart(SafeMIMEMultipart):
    """Django's multipart message, written by :class:`_QuickGenerator`, that checks and
    encodes a subject or sender once for all the messages that share it (Django encodes
    every subject with ``email.header``)."""

    def __setitem__(self, name, val):
        if name in ("Subject", "From") and type(val) is str:
            name, val = _checked_header(name, val, self.encoding)
            super(SafeMIMEMultipart, self).__setitem__(name, val)
            return
        super().__setitem__(name, val)

    def as_bytes(self, unixfrom=False, linesep="\n"):
        out = BytesIO()
        _QuickGenerator(out, mangle_from_=False).flatten(self, unixfrom=unixfrom, linesep=linesep)
        return out.getvalue()


def _text_part(text: str, subtype: str, encoding: str) -> SafeMIMEText:
    """``SafeMIMEText(text, subtype, encoding)``, made in one step for UTF-8 text with no
    line too long for 8-bit: the same headers in the same order, the same payload and
    charset, without the email library parsing and rewriting the Content-Type header
    twice and decoding the payload again to see whether it is ASCII (a tenth of each
    invitation's time). Anything else is Django's own."""
    if encoding.lower() != "utf-8":
        return SafeMIMEText(text, subtype, encoding)
    data = text.encode("utf-8")
    if len(data) > RFC5322_EMAIL_LINE_LENGTH_LIMIT and any(
        len(line.encode(errors="surrogateescape")) > RFC5322_EMAIL_LINE_LENGTH_LIMIT
        for line in text.splitlines()
    ):
        return SafeMIMEText(text, subtype, encoding)  # quoted-printable
    part = SafeMIMEText.__new__(SafeMIMEText)
    Message.__init__(part)
    part.encoding = encoding
    part._headers = [
        ("Content-Type", f'text/{subtype}; charset="utf-8"'),
        ("MIME-Version", "1.0"),
        ("Content-Transfer-Encoding", "7bit" if data.isascii() else "8bit"),
    ]
    part._payload = data.decode("ascii", "surrogateescape")
    part._charset = utf8_charset
    return part


class SiteEmail(EmailMultiAlternatives):
    """Django's email with a plain-text body and alternatives, written with
    :class:`QuickFoldPolicy` (byte for byte what Django writes, in less time), its
    multipart boundary chosen up front (:func:`new_boundary`)."""

    def _create_alternatives(self, msg):
        """Django's own, with the boundary given to the multipart when it is made."""
        if not self.alternatives:
            return msg
        body_msg = msg
        msg = _SiteMultipart(
            _subtype=self.alternative_subtype,
            boundary=new_boundary(),
            encoding=self.encoding or settings.DEFAULT_CHARSET,
        )
        if self.body:
            msg.attach(body_msg)
        for alternative in self.alternatives:
            msg.attach(self._create_mime_attachment(alternative.content, alternative.mimetype))
        return msg

    def _create_mime_attachment(self, content, mimetype):
        basetype, subtype = mimetype.split("/", 1)
        if basetype == "text" and isinstance(content, str):
            return _text_part(content, subtype, self.encoding or settings.DEFAULT_CHARSET)
        return super()._create_mime_attachment(content, mimetype)

    def message(self):
        """Django's ``EmailMessage.message()`` (5.2), with the body made by
        :func:`_text_part`; a test compares the bytes with Django's own."""
        encoding = self.encoding or settings.DEFAULT_CHARSET
        msg = self._create_message(_text_part(self.body, self.content_subtype, encoding))
        msg["Subject"] = self.subject
        msg["From"] = self.extra_headers.get("From", self.from_email)
        self._set_list_header_if_not_empty(msg, "To", self.to)
        self._set_list_header_if_not_empty(msg, "Cc", self.cc)
        self._set_list_header_if_not_empty(msg, "Reply-To", self.reply_to)
        header_names = [key.lower() for key in self.extra_headers]
        if "date" not in header_names:
            msg["Date"] = formatdate(localtime=settings.EMAIL_USE_LOCALTIME)
        if "message-id" not in header_names:
            msg["Message-ID"] = make_msgid(domain=DNS_NAME)
        for name, value in self.extra_headers.items():
            if name.lower() not in {"from", "to", "cc", "reply-to"}:
                msg[name] = value
        msg.policy = QUICK_FOLD
        return msg


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
