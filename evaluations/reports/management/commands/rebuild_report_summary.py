"""Rebuild the report's summary of survey answers (``ResponseFigure``) from the answers.

Needed after answers are loaded in bulk (``bulk_create`` or SQL), which sends no signals;
everything the site itself saves keeps the summary up to date as it goes.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from evaluations.reports import summary
from learning_site.models import Partnership


class Command(BaseCommand):
    help = "Rebuild the training-impact report's summary of survey answers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--partnership", help="The slug of one partnership (default: all of them)."
        )

    def handle(self, *args, partnership=None, **options):
        chosen = None
        if partnership:
            chosen = Partnership.objects.filter(slug=partnership).first()
            if chosen is None:
                raise CommandError(f"No partnership has the slug {partnership[:80]!r}.")
        with transaction.atomic():
            rows = summary.rebuild(chosen)
        self.stdout.write(f"Report summary rebuilt: {rows:,} rows.")
