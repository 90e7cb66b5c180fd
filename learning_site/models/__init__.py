"""Models of the project package: partnerships, people, the audit log and the home page."""

from .audit import AuditEvent, record_event
from .home import HomePage
from .partnerships import Partnership
from .users import Agency, User

__all__ = ["Agency", "AuditEvent", "HomePage", "Partnership", "User", "record_event"]
