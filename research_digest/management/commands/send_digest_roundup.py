from django.core.management.base import BaseCommand, CommandError

from learning_site.time_travel import add_now_argument, parse_now
from research_digest.roundup import send_monthly_roundup


class Command(BaseCommand):
    help = "Email last month's new research digests to everyone subscribed (once each)."

    def add_arguments(self, parser):
        add_now_argument(parser, "2026-11-01T07:30; the round-up covers the month before")
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would get it; send nothing."
        )

    def handle(self, *args, **options):
        now = parse_now(options["now"], "2026-11-01T07:30")
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
