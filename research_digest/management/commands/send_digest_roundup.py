from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime
from django.utils.timezone import get_current_timezone, is_naive, make_aware

from research_digest.roundup import send_monthly_roundup


class Command(BaseCommand):
    help = "Email last month's new research digests to everyone subscribed (once each)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Run as if it were this ISO date-time (Europe/London if no offset), "
            "e.g. 2026-11-01T07:30. The round-up covers the month before.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would get it; send nothing."
        )

    def handle(self, *args, **options):
        now = None
        if options["now"]:
            now = parse_datetime(options["now"])
            if now is None:
                raise CommandError("--now must be an ISO date-time, e.g. 2026-11-01T07:30")
            if is_naive(now):
                now = make_aware(now, get_current_timezone())
        result = send_monthly_roundup(now, dry_run=options["dry_run"])
        self.stdout.write(f"Round-up for {result.period.label}: {result.digest_count} new digests.")
        if not result.digest_count:
            self.stdout.write("Nothing new, so nothing sent.")
            return
        if options["dry_run"]:
            self.stdout.write(f"Would send to {len(result.would_send)} people (dry run).")
            for email in result.would_send:
                self.stdout.write(f"  {email}")
            return
        self.stdout.write(
            f"Sent {len(result.sent)}; already sent {result.already_sent}; "
            f"failed {len(result.failed)}."
        )
        if result.failed:
            raise CommandError(f"{len(result.failed)} round-ups failed; run again to retry.")
