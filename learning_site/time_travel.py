"""``--now`` for scheduled commands: every scheduled operation can run as of a given
instant, so tests and operators can time-travel (DESIGN: Time and dates)."""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.dateparse import date_re, datetime_re, parse_datetime

# Scheduled work adds months and years to --now (follow-ups at 12 months, round-ups of
# the month before), so a moment near the ends of the calendar cannot be worked with.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2099


def add_now_argument(parser, example: str) -> None:
    parser.add_argument(
        "--now",
        help=f"Run as if it were this moment (ISO 8601, e.g. {example}; London time unless "
        f"an offset is given; a year from {EARLIEST_YEAR} to {LATEST_YEAR}).",
    )


def parse_now(value: str | None, example: str) -> datetime.datetime | None:
    """An aware datetime from an ISO string (naive means Europe/London), or None.

    Anything else is a :class:`CommandError` that says what to type, never a traceback.
    """
    if not value:
        return None
    shown = repr(value if len(value) <= 40 else value[:40] + "…")
    try:
        # parse_datetime returns None for text of the wrong shape and raises ValueError
        # for the right shape with impossible values (30 February, hour 25, offset +99:00).
        parsed = parse_datetime(value) or datetime.datetime.fromisoformat(value)
    except ValueError:
        if datetime_re.match(value) or date_re.match(value):
            raise CommandError(
                f"--now {shown} is not a date and time that exists. Give one such as {example}."
            ) from None
        raise CommandError(f"--now {shown} is not an ISO date-time such as {example}.") from None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise CommandError(
            f"--now {shown} is outside the years the schedule works in: give a date and "
            f"time from {EARLIEST_YEAR} to {LATEST_YEAR}, such as {example}."
        )
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed
