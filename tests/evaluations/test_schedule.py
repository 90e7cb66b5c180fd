import datetime

import pytest

from evaluations.models import FollowUpInvitation, InvitationStatus, WaveInstrument, WaveKind
from evaluations.schedule import LONDON, add_calendar_months, due_at
from tests.evaluations.conftest import COMPLETED
from tests.evaluations.factories import complete_module

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),  # leap year
        (datetime.date(2026, 1, 31), 3, datetime.date(2026, 4, 30)),
        (datetime.date(2026, 1, 31), 12, datetime.date(2027, 1, 31)),
        (datetime.date(2027, 11, 30), 3, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2028, 2, 29), 12, datetime.date(2029, 2, 28)),
        (datetime.date(2028, 2, 29), 3, datetime.date(2028, 5, 29)),
    ],
)
def test_calendar_months_clip_to_the_end_of_short_months(start, months, expected):
    assert add_calendar_months(start, months) == expected


def test_due_at_is_nine_in_the_morning_london_time_across_the_clock_change():
    # Completed in winter (GMT); due in spring after the clocks go forward (BST).
    completed = datetime.datetime(2026, 1, 5, 16, 0, tzinfo=LONDON)
    due = due_at(completed, 3)
    assert due.astimezone(LONDON).strftime("%Y-%m-%d %H:%M %Z") == "2026-04-05 09:00 BST"
    assert due.astimezone(UTC).hour == 8
    # Completed in summer (BST); due in winter after the clocks go back (GMT).
    completed = datetime.datetime(2026, 8, 20, 10, 0, tzinfo=LONDON)
    due = due_at(completed, 3)
    assert due.astimezone(LONDON).strftime("%Y-%m-%d %H:%M %Z") == "2026-11-20 09:00 GMT"
    assert due.astimezone(UTC).hour == 9


def test_due_date_counts_from_the_london_date_not_the_utc_date():
    # 00:30 on 1 July in London is 23:30 on 30 June in UTC: it counts as 1 July.
    completed = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    assert completed.astimezone(LONDON).date() == datetime.date(2026, 7, 1)
    assert due_at(completed, 3).astimezone(LONDON).date() == datetime.date(2026, 10, 1)


def test_31_january_completion_is_due_on_30_april_and_next_31_january(learner, module, instrument):
    completed = datetime.datetime(2026, 1, 31, 11, 0, tzinfo=LONDON)
    completion = complete_module(learner, module, completed)
    invitations = {i.wave: i for i in FollowUpInvitation.objects.filter(completion=completion)}
    assert set(invitations) == {WaveKind.THREE_MONTHS, WaveKind.TWELVE_MONTHS}
    three = invitations[WaveKind.THREE_MONTHS].due_at.astimezone(LONDON)
    twelve = invitations[WaveKind.TWELVE_MONTHS].due_at.astimezone(LONDON)
    assert (three.date(), three.hour) == (datetime.date(2026, 4, 30), 9)
    assert (twelve.date(), twelve.hour) == (datetime.date(2027, 1, 31), 9)
    for invitation in invitations.values():
        assert invitation.status == InvitationStatus.SCHEDULED
        assert invitation.partnership == learner.partnership
        assert invitation.agency == learner.agency
        assert invitation.course_id == module.pk
        assert invitation.sent_at is None


def test_completion_schedules_only_waves_that_have_a_survey(learner, module, instrument):
    WaveInstrument.objects.filter(wave=WaveKind.TWELVE_MONTHS).delete()
    complete_module(learner, module, COMPLETED)
    assert list(FollowUpInvitation.objects.values_list("wave", flat=True)) == [
        WaveKind.THREE_MONTHS
    ]


def test_a_module_specific_survey_wins_over_the_partnership_and_global_defaults(
    learner, module, instrument, partnership
):
    from tests.evaluations.factories import make_instrument

    own = make_instrument(slug="partnership-own", partnership=partnership)
    special = make_instrument(slug="module-special", partnership=partnership)
    WaveInstrument.objects.create(
        wave=WaveKind.THREE_MONTHS, instrument=own, partnership=partnership
    )
    assert WaveInstrument.resolve(WaveKind.THREE_MONTHS, module, partnership) == own
    WaveInstrument.objects.create(
        wave=WaveKind.THREE_MONTHS, instrument=special, partnership=partnership, course=module
    )
    assert WaveInstrument.resolve(WaveKind.THREE_MONTHS, module, partnership) == special
    # Another partnership still gets the shared default.
    from tests.factories import make_partnership

    assert WaveInstrument.resolve(WaveKind.THREE_MONTHS, module, make_partnership()) == instrument


def test_no_invitations_without_a_survey_or_a_partnership(learner, module, db):
    complete_module(learner, module, COMPLETED)
    assert not FollowUpInvitation.objects.exists()
