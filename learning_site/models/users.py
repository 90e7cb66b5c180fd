from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property

from learning_site.models.agencies import Agency
from learning_site.roles import Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with their work email. There are no usernames."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150)
    partnership = models.ForeignKey(
        "learning_site.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        help_text="Administrators may have none; everyone else belongs to one.",
    )
    agency = models.CharField(max_length=40, choices=Agency.choices, blank=True)
    job_role = models.CharField(max_length=150, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    # Wagtail's admin shows these.
    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.first_name_for_greeting

    @property
    def first_name_for_greeting(self) -> str:
        return (self.full_name.split() or [""])[0]

    @cached_property
    def role_names(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    def has_role(self, *roles: Role | str) -> bool:
        if self.is_superuser and Role.ADMINISTRATOR in roles:
            return True
        return bool(self.role_names & {str(r) for r in roles})

    @property
    def is_learner(self) -> bool:
        return self.has_role(Role.LEARNER)

    @property
    def is_trainer(self) -> bool:
        return self.has_role(Role.TRAINER)

    @property
    def is_board_member(self) -> bool:
        return self.has_role(Role.BOARD_MEMBER)

    @property
    def is_partnership_admin(self) -> bool:
        return self.has_role(Role.PARTNERSHIP_ADMIN)

    @property
    def is_administrator(self) -> bool:
        return self.is_superuser or self.has_role(Role.ADMINISTRATOR)
