from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scenarios.models import ScenarioIndexPage
from scenarios.twee import TweeError, import_twee


class Command(BaseCommand):
    help = "Import a Twee 3 file (Twine) as a new draft scenario under the scenarios index."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .twee file.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, ValueError) as error:  # ValueError: not UTF-8, or a NUL in the path
            raise CommandError(f"Cannot read {path}: {error}") from error
        index = ScenarioIndexPage.objects.first()
        if index is None:
            raise CommandError("There is no scenarios index page to import into.")
        try:
            page, warnings = import_twee(source, index)
        except TweeError as error:
            raise CommandError(f"{path}: {error}") from error
        for warning in warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported “{page.title}” as a draft (page {page.pk}, slug {page.slug})."
            )
        )
