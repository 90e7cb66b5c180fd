"""Django's createsuperuser, recorded: a superuser has full access, like a platform
administrator, and every other way of giving that is in the audit log."""

from django.contrib.auth.management.commands.createsuperuser import Command as DjangoCommand


class Command(DjangoCommand):
    def handle(self, *args, **options):
        from learning_site.admin_people import SUPERUSER_ROLE
        from learning_site.models import AuditEvent, User, record_event

        before = set(User.objects.filter(is_superuser=True).values_list("pk", flat=True))
        super().handle(*args, **options)
        for person in User.objects.filter(is_superuser=True).exclude(pk__in=before):
            record_event(
                AuditEvent.Action.ROLES_CHANGED,
                subject=person,
                added=[SUPERUSER_ROLE],
                removed=[],
                by="manage.py createsuperuser",
            )
