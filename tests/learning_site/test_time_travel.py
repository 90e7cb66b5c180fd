"""Operator commands turn bad arguments into a CommandError message, never a traceback."""

import io

import pytest
from django.core.management import CommandError, call_command

from learning_site.time_travel import parse_now

EXAMPLE = "2027-04-30T09:00"
SCHEDULED = ["send_due_followups", "send_digest_roundup"]


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2027-02-30T09:00", "is not a date and time that exists"),
        ("2027-02-23T25:00", "is not a date and time that exists"),
        ("2027-13-01", "is not a date and time that exists"),
        ("2027-02-23T09:00+99:00", "is not a date and time that exists"),
        ("9999-12-31T23:59", "give a date and time from 2000 to 2099"),
        ("0001-01-01T00:00", "give a date and time from 2000 to 2099"),
        ("next tuesday", "is not an ISO date-time"),
        ("\x00", "is not an ISO date-time"),
        ("9" * 5000, "is not an ISO date-time"),
    ],
)
@pytest.mark.django_db
@pytest.mark.parametrize("command", SCHEDULED)
def test_a_bad_now_is_a_message(command, typed, words):
    with pytest.raises(CommandError) as caught:
        call_command(command, "--now", typed, "--dry-run", stdout=io.StringIO())
    message = str(caught.value)
    assert message.startswith("--now ") and words in message
    assert len(message) < 200  # a 5,000-character value is cut short, not repeated


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2027-02-23T09:00", "2027-02-23T09:00:00+00:00"),  # London, winter
        ("2027-06-23T09:00", "2027-06-23T09:00:00+01:00"),  # London, summer
        ("2027-02-23T09:00+01:00", "2027-02-23T09:00:00+01:00"),
        ("2027-02-23", "2027-02-23T00:00:00+00:00"),
        ("2099-12-31T23:59", "2099-12-31T23:59:00+00:00"),
    ],
)
def test_good_nows_are_read_in_london_time(typed, expected):
    assert parse_now(typed, EXAMPLE).isoformat() == expected


@pytest.mark.parametrize(
    "arguments",
    [
        ["--practitioners", "0"],
        ["--practitioners", "-5"],
        ["--practitioners", str(10**30)],
        ["--practitioners", "²"],
        ["--repeat", "0"],
        ["--repeat", "many"],
    ],
)
def test_bench_reports_refuses_numbers_it_cannot_use(arguments):
    with pytest.raises(CommandError, match="is not a whole number from 1 to"):
        call_command("bench_reports", *arguments, stdout=io.StringIO())


@pytest.mark.django_db
def test_twee_commands_name_a_path_they_cannot_use(home_page, tmp_path):
    from tests.scenarios.factories import make_scenario

    page = make_scenario(home_page)
    for path in ("bad\x00name.twee", str(tmp_path / "missing" / "dir" / "out.twee")):
        with pytest.raises(CommandError, match="Cannot write"):
            call_command("export_twee", page.slug, "--output", path, stdout=io.StringIO())
    for path in ("bad\x00name.twee", str(tmp_path)):
        with pytest.raises(CommandError, match="Cannot read"):
            call_command("import_twee", path, stdout=io.StringIO())
