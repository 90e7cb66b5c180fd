from django.core.management.base import BaseCommand

from learning_site.demo import DEMO_TOTP_SECRET, demo_totp_code


class Command(BaseCommand):
    help = "Print the current two-factor code for the demo trainer, board member and admin."

    def handle(self, *args, **options):
        self.stdout.write(demo_totp_code(DEMO_TOTP_SECRET))
