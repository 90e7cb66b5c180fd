"""Demo data for the foundation: partnerships, one user per role, the home page.

Each feature app adds its own demo content through a seeder named in
``settings.DEMO_SEEDERS``; every seeder is idempotent (update_or_create by a natural key),
so running ``seed_demo`` twice leaves the same database.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.db import transaction
from wagtail.models import Page, Site

from learning_site.models import Agency, Partnership, User
from learning_site.models.home import HomePage
from learning_site.roles import Role, ensure_roles, grant_role
from learning_site.urls_absolute import base_url, site_name

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - printed for the demo; refused when DEBUG=0
# A fixed base32 secret so a person can add the demo accounts to an authenticator app.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105

PARTNERSHIPS = {
    "northshire": "Northshire Safeguarding Children Partnership",
    "riverside": "Riverside Safeguarding Children Partnership",
}


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    role: Role
    partnership: str | None
    agency: str = ""
    job_role: str = ""
    two_factor: bool = False


DEMO_USERS = [
    DemoUser(
        "learner@northshire.example",
        "Sam Learner",
        Role.LEARNER,
        "northshire",
        Agency.CHILDRENS_SOCIAL_CARE,
        "Social worker",
    ),
    DemoUser(
        "learner@riverside.example",
        "Riley Other",
        Role.LEARNER,
        "riverside",
        Agency.HEALTH,
        "Health visitor",
    ),
    DemoUser(
        "trainer@northshire.example",
        "Taylor Trainer",
        Role.TRAINER,
        "northshire",
        Agency.CHILDRENS_SOCIAL_CARE,
        "Partnership learning lead",
        two_factor=True,
    ),
    DemoUser(
        "board@northshire.example",
        "Bailey Board",
        Role.BOARD_MEMBER,
        "northshire",
        Agency.HEALTH,
        "Designated nurse, board member",
        two_factor=True,
    ),
    DemoUser(
        "partnership-admin@northshire.example",
        "Parveen Partnership-Admin",
        Role.PARTNERSHIP_ADMIN,
        "northshire",
        Agency.OTHER,
        "Partnership business manager",
        two_factor=True,
    ),
    DemoUser(
        "admin@northshire.example",
        "Alex Admin",
        Role.ADMINISTRATOR,
        "northshire",
        Agency.OTHER,
        "Platform administrator",
        two_factor=True,
    ),
]


@dataclass
class DemoContext:
    """What seeders share: the home page, partnerships and demo users by role."""

    home: HomePage
    partnerships: dict[str, Partnership]
    users: dict[str, User] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)


def seed_home_page() -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's placeholder "Welcome" page holds the slug "home"; replace it.
        for page in root.get_children():
            if page.specific_class is Page:
                page.delete()
        root.refresh_from_db()
        home = HomePage(
            title="Protecting neglected children in the child's time",
            slug="home",
        )
        root.add_child(instance=home)
    home.strapline = (
        "Short modules, case scenarios and research digests for everyone who works with "
        "children and families."
    )
    home.intro = (
        "<p>Neglect is the most common reason a child in England is subject to a child "
        "protection plan. Learn to see the child's day-to-day life, notice when a family's "
        "progress is not real, and act before the child has waited too long.</p>"
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # The same address as emails and feeds (WAGTAILADMIN_BASE_URL), so the admin's
    # "View live" links work too (it was localhost on port 80).
    base = urlsplit(base_url())
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.site_name = site_name()
    site.root_page = home
    site.save()
    return home


# Each demo partnership's agencies and the size of each workforce (illustrative figures
# for a mid-sized English county partnership).
DEMO_AGENCIES = [
    (Agency.CHILDRENS_SOCIAL_CARE, "Children's social care", 380),
    (Agency.EARLY_HELP, "Early help", 140),
    (Agency.HEALTH, "Community and hospital health", 620),
    (Agency.EDUCATION, "Schools and colleges", 1450),
    (Agency.EARLY_YEARS, "Early years settings", 410),
    (Agency.POLICE, "Police", 260),
    (Agency.ADULT_MENTAL_HEALTH, "Adult mental health", 190),
    (Agency.DRUG_AND_ALCOHOL, "Drug and alcohol services", 70),
    (Agency.HOUSING, "Housing", 90),
    (Agency.PROBATION, "Probation", 60),
    (Agency.VOLUNTARY_SECTOR, "Voluntary sector", 120),
    (Agency.OTHER, "Other", None),
]
DEMO_JOB_ROLES = [
    "Social worker",
    "Health visitor",
    "School nurse",
    "Designated safeguarding lead",
    "Police officer",
    "Early help practitioner",
    "Midwife",
    "GP",
]


def seed_partnerships() -> dict[str, Partnership]:
    from learning_site.models import PartnershipAgency, PartnershipDomain

    partnerships = {}
    for slug, name in PARTNERSHIPS.items():
        partnership = Partnership.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "email_from_name": name,
                "is_active": True,
                "job_roles": "\n".join(DEMO_JOB_ROLES),
            },
        )[0]
        # Demo sign-ups at <anything>@<slug>.example join this partnership.
        PartnershipDomain.objects.update_or_create(
            domain=f"{slug}.example", defaults={"partnership": partnership}
        )
        for order, (kind, label, workforce) in enumerate(DEMO_AGENCIES):
            PartnershipAgency.objects.update_or_create(
                partnership=partnership,
                kind=kind,
                defaults={"name": label, "workforce": workforce, "sort_order": order},
            )
        partnerships[slug] = partnership
    return partnerships


def seed_users(partnerships: dict[str, Partnership]) -> dict[str, User]:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    users = {}
    for spec in DEMO_USERS:
        user, _ = User.objects.update_or_create(
            email=spec.email,
            defaults={
                "full_name": spec.full_name,
                "partnership": partnerships.get(spec.partnership or ""),
                "agency": spec.agency,
                "job_role": spec.job_role,
                "is_active": True,
                "is_staff": spec.role is Role.ADMINISTRATOR,
                "is_superuser": spec.role is Role.ADMINISTRATOR,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.clear()
        grant_role(user, spec.role)
        EmailAddress.objects.update_or_create(
            user=user, email=spec.email, defaults={"verified": True, "primary": True}
        )
        if (
            spec.two_factor
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
        users[spec.email] = user
    return users


def demo_totp_code(secret: str = DEMO_TOTP_SECRET) -> str:
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    counters = list(yield_hotp_counters_from_time())
    current = counters[len(counters) // 2]
    return format_hotp_value(hotp_value(secret, current))


@transaction.atomic
def seed_foundation() -> DemoContext:
    ensure_roles()
    partnerships = seed_partnerships()
    context = DemoContext(home=seed_home_page(), partnerships=partnerships)
    context.users = seed_users(partnerships)
    return context
