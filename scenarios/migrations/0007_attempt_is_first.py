"""Each learner's first attempt at each scenario, stored on the attempt: the board report
counted first attempts by comparing every attempt with the learner's others, which at
county scale was a fifth of its time. Existing attempts are marked here, the same way
the report picked them (earliest start, then lowest id)."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q


def mark_first_attempts(apps, schema_editor):
    attempt = apps.get_model("scenarios", "ScenarioAttempt")
    earlier = attempt.objects.filter(
        Q(started_at__lt=OuterRef("started_at"))
        | Q(started_at=OuterRef("started_at"), pk__lt=OuterRef("pk")),
        user=OuterRef("user"),
        scenario=OuterRef("scenario"),
    )
    attempt.objects.filter(~Exists(earlier)).update(is_first=True)


class Migration(migrations.Migration):
    dependencies = [
        ("scenarios", "0006_node_key_from_title"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="scenarioattempt",
            name="is_first",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="The learner's first attempt at this scenario (set when it is made).",
            ),
        ),
        migrations.RunPython(mark_first_attempts, migrations.RunPython.noop, elidable=True),
        migrations.AddConstraint(
            model_name="scenarioattempt",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_first", True)),
                fields=("user", "scenario"),
                name="scenarios_one_first_attempt_per_learner",
            ),
        ),
    ]
