"""``--now`` for scheduled commands: every scheduled operation can run as of a given
instant, so tests and operators can time-travel (DESIGN: Time and dates)."""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime


def add_now_argument(parser, example: str) -> None:
    parser.add_argument(
        "--now",
        help=f"Run as if it were this moment (ISO 8601, e.g. {example}; London time unless "
        "an offset is given).",
    )


def parse_now(value: str | None, example: str) -> datetime.datetime | None:
    """An aware datetime from an ISO string (naive means Europe/London), or None."""
    if not value:
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        try:
            parsed = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise CommandError(
                f"--now {value!r} is not an ISO date-time such as {example}."
            ) from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed
