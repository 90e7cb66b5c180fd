"""Plain factory functions shared by the whole suite (no factory library needed)."""

from itertools import count

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from learning_site.models import Agency, Partnership, User
from learning_site.roles import Role, grant_role

PASSWORD = "correct-horse-battery-staple"  # noqa: S105
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105
_seq = count(1)


def make_partnership(name: str | None = None) -> Partnership:
    n = next(_seq)
    return Partnership.objects.create(name=name or f"Test Partnership {n}", slug=f"test-{n}")


def make_user(
    role: Role = Role.LEARNER,
    partnership: Partnership | None = None,
    *,
    email: str | None = None,
    two_factor: bool | None = None,
    agency: str = Agency.CHILDRENS_SOCIAL_CARE,
    full_name: str | None = None,
    **extra,
) -> User:
    n = next(_seq)
    user = User.objects.create_user(
        email=email or f"user{n}@council.gov.uk",
        password=PASSWORD,
        full_name=full_name or f"Person {n}",
        partnership=partnership,
        agency=agency,
        job_role="Social worker",
        is_superuser=role is Role.ADMINISTRATOR,
        is_staff=role is Role.ADMINISTRATOR,
        **extra,
    )
    grant_role(user, role)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if two_factor is None:
        two_factor = role is not Role.LEARNER
    if two_factor:
        TOTP.activate(user, TOTP_SECRET)
    return user


def has_totp(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
