from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from learning_site.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, seed_foundation
from learning_site.demo_files import DemoContentError


class Command(BaseCommand):
    help = "Build the demo site: page tree, two partnerships, one user per role, content."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never on a live site)."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo creates accounts with published passwords. It refuses to run with "
                "DEBUG=0; pass --force if this really is a demo or test machine."
            )
        try:
            with transaction.atomic():
                context = seed_foundation()
                for path in settings.DEMO_SEEDERS:
                    import_string(path)(context)
        except DemoContentError as error:
            # A content file an editor changed: say which file and line, seed nothing.
            raise CommandError(f"A demo content file cannot be loaded. {error}") from error
        for line in context.log:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo site ready. Demo sign-ins (demo only):"))
        for spec in DEMO_USERS:
            extra = "  + two-factor code" if spec.two_factor else ""
            self.stdout.write(f"  {spec.role:<14} {spec.email:<30} {DEMO_PASSWORD}{extra}")
        self.stdout.write(
            f"Two-factor demo secret: {DEMO_TOTP_SECRET} "
            "(print the current code with: python manage.py demo_totp_code)"
        )
