"""Report exports move to private storage (outside MEDIA_ROOT, no URL), so a board pack
can only be sent by the download view, which checks who asks. Files already written under
MEDIA_ROOT are moved across; a file that has gone is left for the person to ask again."""

from django.core.files.storage import default_storage, storages
from django.db import migrations, models

import evaluations.reports.models
import learning_site.files


def move_exports_to_private_storage(apps, schema_editor):
    ReportExport = apps.get_model("impact_reports", "ReportExport")
    private = storages["private"]
    for export in ReportExport.objects.exclude(file="").only("pk", "file").iterator():
        name = export.file.name
        if private.exists(name) or not default_storage.exists(name):
            continue
        with default_storage.open(name, "rb") as source:
            saved_as = private.save(name, source)
        ReportExport.objects.filter(pk=export.pk).update(file=saved_as)
        default_storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("impact_reports", "0002_approvedcomment"),
    ]

    operations = [
        migrations.AlterField(
            model_name="reportexport",
            name="file",
            field=models.FileField(
                blank=True,
                storage=learning_site.files.private_storage,
                upload_to=evaluations.reports.models.export_upload_to,
            ),
        ),
        migrations.RunPython(move_exports_to_private_storage, migrations.RunPython.noop),
    ]
