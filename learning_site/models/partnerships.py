from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from learning_site.admin_forms import PartnershipForm
from learning_site.admin_panels import RedirectAddressPanel
from learning_site.models.agencies import AGENCY_CHOICES

# Addresses at these domains are shared by many organisations across England (every NHS
# trust uses nhs.net), so no one partnership may claim them: their staff are invited.
UNCLAIMABLE_DOMAINS = frozenset(
    {
        "nhs.net",
        "nhs.uk",
        "gov.uk",
        "police.uk",
        "pnn.police.uk",
        "sch.uk",
        "org.uk",
        "co.uk",
        "ac.uk",
        "ltd.uk",
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "live.co.uk",
        "btinternet.com",
        "com",
        "org",
        "net",
        "uk",
    }
)


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower().rstrip(".")


def parent_domains(domain: str) -> list[str]:
    """The domain and each domain above it: a.b.example.org -> a.b.example.org,
    b.example.org, example.org, org."""
    parts = domain.lower().split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


class PartnershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def claiming(self, email: str) -> "Partnership | None":
        """The active partnership that has claimed the address's domain (the most specific
        claim wins: a claim on eastborough.gov.uk covers social.eastborough.gov.uk)."""
        candidates = parent_domains(email_domain(email))
        claims = {
            d.domain: d.partnership
            for d in PartnershipDomain.objects.filter(
                domain__in=candidates, partnership__is_active=True
            ).select_related("partnership")
        }
        for domain in candidates:
            if domain in claims:
                return claims[domain]
        return None


class Partnership(ClusterableModel):
    """A local safeguarding children partnership (formerly an LSCB).

    Every learner, trainer and board member belongs to one, and all per-person data is
    scoped by it: nobody sees another partnership's people or figures. A person's
    partnership comes from an invitation, from a verified address at a domain the
    partnership has claimed, or from an administrator; never from the person themselves.
    """

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(
        max_length=80, unique=True, blank=True, help_text="Made from the name if left empty."
    )
    email_from_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown as the sender of emails to this partnership's learners.",
    )
    is_active = models.BooleanField(
        default=True,
        help_text="People cannot sign up to or be invited to an inactive partnership.",
    )
    job_roles = models.TextField(
        blank=True,
        help_text=(
            "One job role per line, for example 'Health visitor'. Offered as suggestions "
            "when people give their job role; they may still type their own."
        ),
    )
    send_follow_ups = models.BooleanField(
        "Send follow-up surveys",
        default=True,
        help_text=(
            "Email learners short surveys in the months after they complete a module, so "
            "the board can see whether training changed practice."
        ),
    )

    reach_target = models.PositiveSmallIntegerField(
        "Reach target (%)",
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=(
            "The share of each agency's workforce the board expects to complete a module. "
            "The training-impact report compares each agency against it."
        ),
    )

    objects = PartnershipQuerySet.as_manager()

    base_form_class = PartnershipForm
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("is_active")],
            heading="Partnership",
        ),
        InlinePanel(
            "email_domains",
            heading="Claimed email domains",
            label="Email domain",
            help_text=(
                "People who sign up with a verified address at one of these domains (or a "
                "subdomain) join this partnership as learners. Everyone else needs an "
                "invitation."
            ),
        ),
        RedirectAddressPanel(heading="Single sign-on redirect address"),
        InlinePanel(
            "sign_on",
            heading="Single sign-on",
            label="Identity provider",
            max_num=1,
            help_text=(
                "Let people at the claimed email domains sign in with their organisation's "
                "account (OpenID Connect, for example Microsoft Entra ID). They join this "
                "partnership as learners; other roles are still given here."
            ),
        ),
        InlinePanel("agencies", heading="Agencies", label="Agency"),
        FieldPanel("reach_target"),
        FieldPanel("job_roles"),
        MultiFieldPanel(
            [FieldPanel("send_follow_ups"), FieldPanel("email_from_name")],
            heading="Follow-up surveys and emails",
        ),
    ]

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

    def job_role_list(self) -> list[str]:
        return [line.strip() for line in self.job_roles.splitlines() if line.strip()]

    def agency_choices(self) -> list[tuple[str, str]]:
        """The agencies people of this partnership choose from: its own list, or every
        kind of agency when it has not set one up."""
        own = [(a.kind, a.name or a.get_kind_display()) for a in self.agencies.all()]
        return own or list(AGENCY_CHOICES)


class PartnershipDomain(Orderable):
    """An email domain a partnership has claimed: sign-ups from it join the partnership."""

    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(
        max_length=253,
        unique=True,
        help_text="For example eastborough.gov.uk (its subdomains are included).",
        error_messages={"unique": "Another partnership has already claimed this domain."},
    )

    panels = [FieldPanel("domain")]

    class Meta(Orderable.Meta):
        verbose_name = "claimed email domain"

    def __str__(self) -> str:
        return self.domain

    def clean(self):
        domain = self.domain.strip().lower().lstrip("@").rstrip(".")
        if "@" in domain or "." not in domain or " " in domain:
            raise ValidationError({"domain": "Enter a domain like eastborough.gov.uk."})
        if domain in UNCLAIMABLE_DOMAINS:
            raise ValidationError(
                {
                    "domain": f"{domain} is shared by many organisations, so no partnership "
                    "can claim it. Invite people at this domain instead."
                }
            )
        self.domain = domain
        # A claim above or below another partnership's claim would split its people.
        overlapping = PartnershipDomain.objects.exclude(partnership_id=self.partnership_id).filter(
            models.Q(domain__in=parent_domains(domain)) | models.Q(domain__endswith="." + domain)
        )
        if self.pk:
            overlapping = overlapping.exclude(pk=self.pk)
        clash = overlapping.select_related("partnership").first()
        if clash is not None:
            raise ValidationError(
                {
                    "domain": f"{clash.partnership} has already claimed {clash.domain}. A "
                    "domain can belong to one partnership only."
                }
            )


class PartnershipAgency(Orderable):
    """One agency in a partnership, with the size of its workforce: how many people the
    board expects training to reach (the denominator of reach figures)."""

    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="agencies")
    kind = models.CharField(
        "Kind of agency",
        max_length=40,
        choices=AGENCY_CHOICES,
        help_text="Reports group and compare agencies by kind across partnerships.",
    )
    name = models.CharField(
        max_length=200,
        blank=True,
        help_text="The local name, for example 'Eastborough Children's Services'.",
    )
    workforce = models.PositiveIntegerField(
        "Workforce size",
        null=True,
        blank=True,
        help_text="How many staff in this agency should take the training.",
    )

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("workforce")]

    class Meta(Orderable.Meta):
        verbose_name = "agency"
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind"], name="one_agency_of_each_kind_per_partnership"
            )
        ]

    def __str__(self) -> str:
        return self.name or self.get_kind_display()

    def get_kind_display(self) -> str:
        return dict(AGENCY_CHOICES).get(self.kind, self.kind)
