"""Models of the project package: partnerships, people, the audit log and the home page."""

from .audit import AuditEvent, record_event
from .home import HomePage
from .invitation_imports import InvitationImport, InvitationImportRow
from .invitations import Invitation
from .partnerships import Partnership, PartnershipAgency, PartnershipDomain
from .single_sign_on import PartnershipSignOn
from .users import Agency, User

__all__ = [
    "Agency",
    "AuditEvent",
    "HomePage",
    "Invitation",
    "InvitationImport",
    "InvitationImportRow",
    "Partnership",
    "PartnershipAgency",
    "PartnershipDomain",
    "PartnershipSignOn",
    "User",
    "record_event",
]
