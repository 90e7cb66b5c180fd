"""Due dates for follow-up waves: whole calendar months in Europe/London.

A learner who completes a module on 31 January is due on 30 April (3 months) and the
next 31 January (12 months); one month after 31 January is 28 or 29 February, as
``dateutil.relativedelta`` counts. The date is taken in London time (a completion at
00:30 on 1 July in summer time is 23:30 on 30 June in UTC, and counts as 1 July) and the
invitation is due at 09:00 London time that day, so it arrives in working hours whether
the clocks say GMT or BST.
"""

import datetime
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from django.conf import settings

LONDON = ZoneInfo("Europe/London")


def add_calendar_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus whole calendar months, clipped to the end of a shorter month."""
    return day + relativedelta(months=months)


def due_at(completed_at: datetime.datetime, months: int) -> datetime.datetime:
    """When a wave ``months`` after ``completed_at`` is due, as an aware datetime."""
    local_day = completed_at.astimezone(LONDON).date()
    due_day = add_calendar_months(local_day, months)
    return datetime.datetime.combine(
        due_day, datetime.time(hour=settings.EVALUATION_SEND_HOUR), tzinfo=LONDON
    )
