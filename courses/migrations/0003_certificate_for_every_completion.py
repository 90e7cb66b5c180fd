"""Issue the certificates that completions written outside the completion service never
got (the demo seeder backdated completions without one, so My learning and the module
page failed for those learners).

From now on ``courses.services.record_completion`` writes both in one transaction; this
makes the data already stored meet the same rule. The certificate is dated when the
module was completed and names the learner and the module as they are now, as it would
have if it had been issued then. Reversing leaves the certificates in place: codes may
already have been shared.
"""

from decimal import Decimal

from django.db import migrations

BATCH = 2_000


def issue_missing_certificates(apps, schema_editor):
    CourseCompletion = apps.get_model("courses", "CourseCompletion")
    Certificate = apps.get_model("courses", "Certificate")
    missing = (
        CourseCompletion.objects.filter(certificate__isnull=True)
        .select_related("user", "course")
        .order_by("pk")
    )
    batch = []
    for completion in missing.iterator(chunk_size=BATCH):
        user, course = completion.user, completion.course
        batch.append(
            Certificate(
                completion=completion,
                issued_at=completion.completed_at,
                learner_name=(user.full_name or user.email)[:150],
                course_title=course.title[:255],
                cpd_hours=course.cpd_hours or Decimal("0"),
            )
        )
        if len(batch) == BATCH:
            Certificate.objects.bulk_create(batch)
            batch = []
    Certificate.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_protect_learner_records"),
    ]

    operations = [
        migrations.RunPython(issue_missing_certificates, migrations.RunPython.noop),
    ]
