from django.db import models
from django.utils.text import slugify


class PartnershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Partnership(models.Model):
    """A local safeguarding children partnership (formerly an LSCB).

    Every learner, trainer and board member belongs to one, and all per-person data is
    scoped by it: nobody sees another partnership's people or figures.
    """

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    email_from_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown as the sender of emails to this partnership's learners.",
    )
    is_active = models.BooleanField(
        default=True, help_text="Inactive partnerships are hidden from the sign-up form."
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        permissions = [
            ("view_impact_reports", "Can view training-impact reports of own partnership"),
            ("view_trainer_analytics", "Can view anonymous learning analytics of own partnership"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)
