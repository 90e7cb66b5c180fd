import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from evaluations.schedule import LONDON
from evaluations.sweep import sweep_due_invitations


class Command(BaseCommand):
    help = (
        "Send follow-up survey invitations and reminders that are due, and close expired "
        "ones. Safe to run at any time and more than once: nothing is sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Run as if it were this moment (ISO 8601, e.g. 2027-04-30T09:00; "
            "London time unless an offset is given).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would happen; change nothing."
        )

    def handle(self, *args, **options):
        now = timezone.now()
        if options["now"]:
            parsed = parse_datetime(options["now"])
            if parsed is None:
                try:
                    parsed = datetime.datetime.fromisoformat(options["now"])
                except ValueError:
                    raise CommandError(
                        f"--now {options['now']!r} is not an ISO date-time such as "
                        "2027-04-30T09:00."
                    ) from None
            now = parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=LONDON)
        result = sweep_due_invitations(now, dry_run=options["dry_run"])
        self.stdout.write(f"Follow-up sweep as of {now.astimezone(LONDON):%Y-%m-%d %H:%M %Z}")
        self.stdout.write(result.summary())
