from django.core.management.base import BaseCommand
from django.utils import timezone

from evaluations.schedule import LONDON
from evaluations.sweep import sweep_due_invitations
from learning_site.time_travel import add_now_argument, parse_now


class Command(BaseCommand):
    help = (
        "Send follow-up survey invitations and reminders that are due, and close expired "
        "ones. Safe to run at any time and more than once: nothing is sent twice."
    )

    def add_arguments(self, parser):
        add_now_argument(parser, "2027-04-30T09:00")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would happen; change nothing."
        )

    def handle(self, *args, **options):
        now = parse_now(options["now"], "2027-04-30T09:00") or timezone.now()
        result = sweep_due_invitations(now, dry_run=options["dry_run"])
        self.stdout.write(f"Follow-up sweep as of {now.astimezone(LONDON):%Y-%m-%d %H:%M %Z}")
        self.stdout.write(result.summary())
