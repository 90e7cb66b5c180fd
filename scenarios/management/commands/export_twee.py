from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scenarios.models import ScenarioPage
from scenarios.twee import export_twee


class Command(BaseCommand):
    help = "Export a scenario (by slug) as a Twee 3 file that opens in Twine."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--output", "-o", help="Write to this file instead of stdout.")
        parser.add_argument(
            "--draft", action="store_true", help="Export the latest draft, not the live version."
        )

    def handle(self, *args, **options):
        page = ScenarioPage.objects.filter(slug=options["slug"]).first()
        if page is None:
            raise CommandError(f"No scenario has the slug “{options['slug']}”.")
        if options["draft"]:
            page = page.get_latest_revision_as_object()
        text = export_twee(page)
        if options["output"]:
            try:
                Path(options["output"]).write_text(text, encoding="utf-8")
            except (OSError, ValueError) as error:  # ValueError: a NUL in the path
                raise CommandError(f"Cannot write {options['output']}: {error}") from error
            self.stdout.write(self.style.SUCCESS(f"Wrote {options['output']}."))
        else:
            self.stdout.write(text, ending="")
