"""Each person's "answered" rows beside their combined figures (``PersonFigure``): the
whole partnership's "people who answered" each wave read from one row per person and
wave instead of grouping every sent survey on each add-up."""

from django.db import migrations


def fill_answered(apps, schema_editor):
    from evaluations.reports.summary import rebuild_people_rows

    rebuild_people_rows(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("impact_reports", "0004_report_summary"),
    ]

    operations = [
        migrations.RunPython(fill_answered, migrations.RunPython.noop, elidable=True),
    ]
