"""Models of the project package: partnerships, people and the home page."""

from .home import HomePage
from .partnerships import Partnership
from .users import Agency, User

__all__ = ["Agency", "HomePage", "Partnership", "User"]
