"""Inviting learners from a spreadsheet (CSV): read the file, check every row, store the
result for the author to look over, and later make and email the invitations in batches.

Nothing is invited when the file is uploaded. Reading refuses a file it cannot read
faithfully (not UTF-8, a workbook, too big, too many rows) with one plain sentence and
stores nothing. Checking a readable file gives each row a status: ready, not invited
(already a member or already invited: said, not blocking) or a problem (bad address,
unknown agency, another partnership's person, a repeat in the file). The author then
imports every row of a clean file, or only the good rows of one with problems.

Checking uses a fixed number of queries whatever the number of rows (existing people
and invitations are looked up for all addresses at once), and sending works in batches
that are claimed before they are sent, so running the task twice never sends a row's
invitation twice.
"""

from __future__ import annotations

import csv
import datetime
import io
import logging
import re
import smtplib
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.core.validators import validate_email
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format

from learning_site.models import AuditEvent, Invitation, Partnership, User
from learning_site.models.agencies import AGENCY_CHOICES
from learning_site.models.invitation_imports import (
    STALE_AFTER,
    ImportStatus,
    InvitationImport,
    InvitationImportRow,
    RowStatus,
)
from learning_site.roles import Role
from learning_site.sanitise import sanitise_text
from learning_site.spreadsheets import FORMULA_STARTS

logger = logging.getLogger(__name__)

NAME_MAX = 150
JOB_ROLE_MAX = 150
EMAIL_MAX = 254
# Addresses looked up per query: one query for a file of up to this many rows.
LOOKUP_CHUNK = 5_000
# A row claimed by a run that has not finished it after this long is taken to be
# abandoned (its worker died) and may be claimed again.
STALE_CLAIM = STALE_AFTER

COLUMNS = {
    "email": "Email address",
    "full_name": "Full name",
    "agency": "Agency",
    "job_role": "Job role",
}
# Column names people use, after _header_key (lower case, no punctuation, single spaces).
HEADER_ALIASES = {
    "email": {
        "email",
        "email address",
        "e mail",
        "e mail address",
        "emailaddress",
        "work email",
        "work email address",
        "mail",
    },
    "full_name": {"name", "full name", "fullname", "learner", "learner name", "person", "names"},
    "agency": {"agency", "agency name", "organisation", "organization", "agency type"},
    "job_role": {"job role", "jobrole", "role", "job title", "job", "position"},
}
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}

SAVE_AS_CSV_UTF8 = (
    "Save the file as CSV UTF-8 (in Excel: File, Save As, then ‘CSV UTF-8 (Comma "
    "delimited)’) and upload it again."
)


class FileProblem(Exception):
    """Why a whole file cannot be used, in one or two plain sentences."""


@dataclass
class ParsedRow:
    number: int
    email: str = ""
    full_name: str = ""
    agency: str = ""
    job_role: str = ""


@dataclass
class ParsedFile:
    rows: list[ParsedRow]
    delimiter: str = ","
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def notes(self) -> list[str]:
        notes = []
        if self.delimiter != ",":
            notes.append(
                f"The columns in this file are separated by {DELIMITER_NAMES[self.delimiter]}."
            )
        if self.ignored_columns:
            names = ", ".join(f"‘{name}’" for name in self.ignored_columns)
            notes.append(f"These columns were not used: {names}.")
        return notes


@dataclass
class CheckedRow:
    number: int
    email: str
    full_name: str
    agency: str
    agency_given: str
    job_role: str
    status: str
    message: str = ""


# --- Reading the file -----------------------------------------------------------------
def max_rows() -> int:
    return settings.INVITATION_IMPORT_MAX_ROWS


def max_bytes() -> int:
    return settings.INVITATION_IMPORT_MAX_BYTES


def size_in_words(size: int) -> str:
    """5 MB, 2.5 MB, 300 KB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    return f"{max(1, round(size / 1024))} KB"


def decode(data: bytes) -> str:
    """The file's text, or ``FileProblem`` when it is not UTF-8 text. A byte order mark
    (Excel's 'CSV UTF-8' writes one) is dropped."""
    if not data.strip():
        raise FileProblem("The selected file is empty.")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise FileProblem(
            "The selected file is a spreadsheet workbook, not a CSV file. " + SAVE_AS_CSV_UTF8
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(
            "The selected file is saved as ‘Unicode text’ (UTF-16), not UTF-8. " + SAVE_AS_CSV_UTF8
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileProblem(
            "The selected file is not saved as UTF-8, so names with accents or other "
            f"alphabets would come out wrong (the first one is on line {line}). " + SAVE_AS_CSV_UTF8
        ) from None
    if "\x00" in text:
        raise FileProblem("The selected file is not a CSV file saved as UTF-8. " + SAVE_AS_CSV_UTF8)
    return text


def _header_key(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).casefold()
    value = re.sub(r"[^\w]+", " ", value.replace("_", " "))
    return " ".join(value.split())


def _column_of(header: str) -> str | None:
    key = _header_key(header)
    for column, aliases in HEADER_ALIASES.items():
        if key in aliases:
            return column
    return None


def _choose_delimiter(header_line: str) -> tuple[str, list[str]]:
    """The separator that splits the first row into the most column names we know
    (a semicolon-separated file from a European Excel reads as well as a comma one)."""
    best, best_cells, best_score = ",", [], -1
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([header_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        score = len({_column_of(cell) for cell in cells} - {None})
        if score > best_score:
            best, best_cells, best_score = delimiter, cells, score
    return best, best_cells


def _clean_text(value: str) -> str:
    """Plain text on one line: markup removed (the project's sanitiser), Unicode kept
    (composed, so 'ś' typed on a Mac matches 'ś' typed elsewhere), spaces tidied."""
    text = sanitise_text(unicodedata.normalize("NFC", value))
    return " ".join(text.split())


def _clean_email(value: str) -> str:
    """Spaces around the address and a 'mailto:' (copied from a link) are dropped; the
    address itself is never changed, so a wrong one is reported, not guessed at."""
    value = unicodedata.normalize("NFC", value).strip().strip("\u200b\ufeff").strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    return value.lower()


def read_csv(data: bytes, *, limit: int | None = None) -> ParsedFile:
    """Read an uploaded CSV into rows, or raise ``FileProblem``."""
    limit = max_rows() if limit is None else limit
    text = decode(data)
    lines = text.splitlines()
    # Excel's hint line 'sep=;' names the separator; Excel does not show it as a row.
    forced = None
    if lines and re.fullmatch(r"sep=[,;\t|]", lines[0].strip(" "), flags=re.IGNORECASE):
        forced = lines[0].strip(" ")[4]
        text = "\n".join(lines[1:])
        lines = lines[1:]
    header_line = next((line for line in lines if line.strip()), "")
    delimiter, header_cells = _choose_delimiter(header_line)
    if forced:
        delimiter = forced
        header_cells = next(csv.reader([header_line], delimiter=delimiter), [])
    positions: dict[str, int] = {}
    ignored = []
    for index, cell in enumerate(header_cells):
        column = _column_of(cell)
        if column and column not in positions:
            positions[column] = index
        elif cell.strip():
            ignored.append(_clean_text(cell)[:40])
    if "email" not in positions:
        raise FileProblem(
            "The first row of the file must name the columns, and one of them must be "
            "‘Email address’. The others can be ‘Full name’, ‘Agency’ and ‘Job role’."
        )

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[ParsedRow] = []
    count = 0
    seen_header = False
    number = 0  # the spreadsheet's row number: the column names are row 1
    try:
        for cells in reader:
            number += 1
            if not seen_header:
                if any(cell.strip() for cell in cells):
                    seen_header = True
                continue
            if not any(cell.strip() for cell in cells):
                continue  # blank lines, and the ',,,' rows spreadsheets leave at the end
            count += 1
            if count > limit:
                continue  # keep counting, to say how many there are
            rows.append(_parsed_row(number, cells, positions))
    except csv.Error:
        raise FileProblem(
            f"Row {number} of the file could not be read. Check the quotation marks in it, "
            "or save the file as CSV UTF-8 again."
        ) from None
    if count > limit:
        raise FileProblem(
            f"The file has {count:,} rows of people. You can invite up to {limit:,} at a "
            "time: split the file into smaller files and upload them one by one."
        )
    if not rows:
        raise FileProblem("The file has no people in it: only the row of column names.")
    return ParsedFile(rows=rows, delimiter=delimiter, ignored_columns=ignored)


def _parsed_row(number: int, cells: list[str], positions: dict[str, int]) -> ParsedRow:
    def cell(column: str) -> str:
        index = positions.get(column)
        value = cells[index] if index is not None and index < len(cells) else ""
        if "\n" in value.strip() or "\r" in value.strip():
            # Nobody's address, name, agency or job role takes two lines: this is a
            # quotation mark left open, which would make the rows after it part of
            # this cell.
            raise FileProblem(
                f"Row {number} has a cell that runs over more than one line, usually "
                "because a quotation mark is not closed. Correct it and upload the file "
                "again."
            )
        return value

    return ParsedRow(
        number=number,
        email=_clean_email(cell("email")),
        full_name=_clean_text(cell("full_name")),
        agency=_clean_text(cell("agency")),
        job_role=_clean_text(cell("job_role")),
    )


# --- Checking the rows ----------------------------------------------------------------
def _agency_key(value: str) -> str:
    value = unicodedata.normalize("NFKD", value).casefold()
    value = value.replace("&", " and ").replace("_", " ").replace("-", " ")
    value = "".join(ch for ch in value if ch.isalnum() or ch.isspace())
    return " ".join(value.split())


def agency_lookup(partnership: Partnership) -> tuple[dict[str, str], list[str]]:
    """What a cell may say for each of the partnership's agencies (its code, the kind's
    name, or the partnership's local name, in any case) -> the agency's code; and the
    names to suggest."""
    labels = dict(AGENCY_CHOICES)
    own = list(partnership.agencies.all())
    lookup: dict[str, str] = {}
    if own:
        suggestions = []
        for agency in own:
            names = [agency.kind, labels.get(agency.kind, agency.kind), agency.name]
            for name in names:
                if name:
                    lookup.setdefault(_agency_key(name), agency.kind)
            suggestions.append(agency.name or labels.get(agency.kind, agency.kind))
    else:
        for code, label in AGENCY_CHOICES:
            lookup.setdefault(_agency_key(code), code)
            lookup.setdefault(_agency_key(label), code)
        suggestions = [label for _, label in AGENCY_CHOICES]
    return lookup, suggestions


def _in_chunks(values: list[str], size: int = LOOKUP_CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def existing_people(emails: Iterable[str]) -> dict[str, int | None]:
    """Address (lower case) -> partnership id of everyone with an account, in one query
    per ``LOOKUP_CHUNK`` addresses."""
    found: dict[str, int | None] = {}
    for chunk in _in_chunks(sorted(set(emails))):
        for email, partnership_id in (
            User.objects.annotate(email_lower=Lower("email"))
            .filter(email_lower__in=chunk)
            .values_list("email_lower", "partnership_id")
        ):
            found[email] = partnership_id
    return found


def existing_invitations(partnership: Partnership, emails: Iterable[str]) -> dict[str, dict]:
    """Address -> the partnership's latest unused invitation to it (open or expired)."""
    found: dict[str, dict] = {}
    for chunk in _in_chunks(sorted(set(emails))):
        for invitation in (
            Invitation.objects.filter(
                partnership=partnership, email__in=chunk, accepted_at__isnull=True
            )
            .order_by("created_at")
            .values("pk", "email", "created_at", "expires_at")
        ):
            found[invitation["email"]] = invitation  # the latest wins
    return found


def _formula_note(label: str, value: str) -> str:
    if value.startswith(FORMULA_STARTS):
        return (
            f"The {label} starts with ‘{value[0]}’, like a spreadsheet formula. It is kept "
            "as plain text."
        )
    return ""


def check_rows(partnership: Partnership, rows: list[ParsedRow]) -> list[CheckedRow]:
    """Each row's status and, for a problem or a row not invited, why. Runs a fixed
    number of queries (3 for up to ``LOOKUP_CHUNK`` rows)."""
    lookup, suggestions = agency_lookup(partnership)
    valid_emails = {
        row.email
        for row in rows
        if row.email and len(row.email) <= EMAIL_MAX and _is_email(row.email)
    }
    people = existing_people(valid_emails)
    invitations = existing_invitations(partnership, valid_emails)
    now = timezone.now()
    first_row_of: dict[str, int] = {}
    checked = []
    for row in rows:
        agency_code = lookup.get(_agency_key(row.agency), "") if row.agency else ""
        problem, skip, notes = "", "", []
        if not row.email:
            problem = "There is no email address."
        elif len(row.email) > EMAIL_MAX:
            problem = f"The email address is longer than {EMAIL_MAX} characters."
        elif row.email not in valid_emails:
            problem = (
                f"‘{row.email[:80]}’ is not an email address in the correct format, like "
                "name@example.com."
            )
        elif row.email in first_row_of:
            problem = (
                f"The same email address is on row {first_row_of[row.email]}. Remove one of "
                "the rows."
            )
        elif row.email in people and people[row.email] not in (None, partnership.pk):
            problem = (
                "This person already belongs to another partnership. A platform "
                "administrator can move them."
            )
        elif row.agency and not agency_code:
            problem = (
                f"‘{row.agency[:80]}’ is not one of this partnership’s agencies. Use one of "
                f"{_or_list(suggestions)}, or leave it empty."
            )
        elif len(row.full_name) > NAME_MAX:
            problem = (
                f"The name is {len(row.full_name)} characters long. It must be {NAME_MAX} "
                "characters or fewer."
            )
        elif len(row.job_role) > JOB_ROLE_MAX:
            problem = (
                f"The job role is {len(row.job_role)} characters long. It must be "
                f"{JOB_ROLE_MAX} characters or fewer."
            )
        elif row.email in people and people[row.email] == partnership.pk:
            skip = "Already has an account in this partnership, so needs no invitation."
        elif row.email in invitations and invitations[row.email]["expires_at"] > now:
            sent_on = date_format(timezone.localtime(invitations[row.email]["created_at"]), "j F Y")
            skip = (
                f"Already invited on {sent_on}. That invitation is still open, so it is not "
                "sent again."
            )
        elif row.email in invitations:
            notes.append("Invited before, but that invitation expired. A new one will be sent.")
        if row.email in valid_emails and row.email not in first_row_of:
            first_row_of[row.email] = row.number
        if not problem:
            notes += [
                note
                for note in (
                    _formula_note("name", row.full_name),
                    _formula_note("job role", row.job_role),
                )
                if note
            ]
        status = RowStatus.ERROR if problem else RowStatus.SKIPPED if skip else RowStatus.READY
        checked.append(
            CheckedRow(
                number=row.number,
                email=row.email[:EMAIL_MAX],
                full_name=row.full_name[:NAME_MAX],
                agency=agency_code,
                agency_given=row.agency[:200],
                job_role=row.job_role[:JOB_ROLE_MAX],
                status=status,
                message=" ".join([problem or skip, *notes]).strip()[:500],
            )
        )
    return checked


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _or_list(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


# --- Storing the checked file ---------------------------------------------------------
@transaction.atomic
def create_import(
    partnership: Partnership, parsed: ParsedFile, *, by: User | None, filename: str = ""
) -> InvitationImport:
    """Check ``parsed`` and store the result for the author to look over. Invites nobody."""
    checked = check_rows(partnership, parsed.rows)
    statuses = [row.status for row in checked]
    record = InvitationImport.objects.create(
        partnership=partnership,
        uploaded_by=by,
        filename=_clean_text(filename)[:255],
        notes=parsed.notes,
        rows_total=len(checked),
        rows_with_errors=statuses.count(RowStatus.ERROR),
        rows_skipped=statuses.count(RowStatus.SKIPPED),
        rows_to_invite=statuses.count(RowStatus.READY),
    )
    InvitationImportRow.objects.bulk_create(
        [
            InvitationImportRow(
                invitation_import=record,
                number=row.number,
                email=row.email,
                full_name=row.full_name,
                agency=row.agency,
                agency_given=row.agency_given,
                job_role=row.job_role,
                status=row.status,
                message=row.message,
            )
            for row in checked
        ],
        batch_size=500,
    )
    return record


# --- Importing ------------------------------------------------------------------------
# After this many emails in a row are refused, the mail server is taken to be down: the
# run stops and the rest wait for 'Try again'.
FAILURES_IN_A_ROW_TO_STOP = 5


def start_import(record: InvitationImport, *, import_all: bool) -> bool:
    """Queue the import once. False when it was already started (a second click, a
    second tab) or has nobody to invite: nothing more is queued. ``import_all`` is
    refused for a file with problems: the author must choose to leave those rows out."""
    from learning_site.tasks import send_invitation_import

    if import_all and not record.is_clean:
        return False
    started = InvitationImport.objects.filter(
        pk=record.pk, status=ImportStatus.CHECKED, rows_to_invite__gt=0
    ).update(status=ImportStatus.QUEUED, import_all=import_all, updated_at=timezone.now())
    if started:
        transaction.on_commit(lambda: send_invitation_import.delay(str(record.pk)))
    return bool(started)


def can_retry(record: InvitationImport) -> bool:
    """Stopped, finished with emails not sent, or stalled (its worker has gone)."""
    return (
        record.status == ImportStatus.FAILED
        or record.is_stalled
        or (
            record.status == ImportStatus.DONE
            and record.rows.filter(status=RowStatus.FAILED, invitation__isnull=False).exists()
        )
    )


def retry_import(record: InvitationImport) -> bool:
    """Queue again the rows whose email could not be sent, any the run did not reach, and
    those a vanished worker had claimed. Queuing an import twice is harmless."""
    from learning_site.tasks import send_invitation_import

    now = timezone.now()
    with transaction.atomic():
        if not can_retry(record):
            return False
        updated = (
            InvitationImport.objects.filter(pk=record.pk)
            .filter(
                Q(status__in=[ImportStatus.DONE, ImportStatus.FAILED])
                | Q(
                    status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING],
                    updated_at__lt=now - STALE_AFTER,
                )
            )
            .update(status=ImportStatus.QUEUED, error="", finished_at=None, updated_at=now)
        )
        if not updated:
            return False
        record.rows.filter(status=RowStatus.FAILED, invitation__isnull=False).update(
            status=RowStatus.READY, message="", claim="", claimed_at=None
        )
        _update_counts(record)
        transaction.on_commit(lambda: send_invitation_import.delay(str(record.pk)))
    return True


def _claim_batch(record: InvitationImport, run: str, size: int) -> list[InvitationImportRow]:
    """Take up to ``size`` rows to send for this run. Another run's rows are left alone
    unless their claim is stale."""
    now = timezone.now()
    claimable = Q(status=RowStatus.READY) | Q(
        status=RowStatus.SENDING, claimed_at__lt=now - STALE_CLAIM
    )
    with transaction.atomic():
        candidates = record.rows.filter(claimable).order_by("number")
        if db_connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:size])
        if not ids:
            return []
        # The same condition again: a row another run claimed meanwhile is not taken.
        record.rows.filter(claimable, pk__in=ids).update(
            status=RowStatus.SENDING, claim=run, claimed_at=now
        )
    return list(
        record.rows.filter(claim=run, status=RowStatus.SENDING)
        .select_related("invitation")
        .order_by("number")
    )


def _make_invitations(
    record: InvitationImport, rows: list[InvitationImportRow]
) -> tuple[list[InvitationImportRow], list[InvitationImportRow], dict[int, str]]:
    """Make the invitations of claimed rows, checking each again (things may have changed
    since the author looked at the preview). Returns the rows to send, the rows already
    sent (a run that died after recording the invitation as sent), and for the rest why
    they are not sent."""
    partnership = record.partnership
    now = timezone.now()
    expires = now + datetime.timedelta(days=settings.INVITATION_EXPIRE_DAYS)
    fresh = [row for row in rows if row.invitation_id is None]
    people = existing_people(row.email for row in fresh)
    invitations = existing_invitations(partnership, (row.email for row in fresh))
    not_sent: dict[int, str] = {}
    already_sent, renew, new = [], [], []
    for row in rows:
        invitation = row.invitation
        if invitation is not None:
            # Made by an earlier run of this import.
            if invitation.sent_at is not None:
                already_sent.append(row)
            elif invitation.accepted_at is not None:
                not_sent[row.pk] = "Not sent: the invitation has already been accepted."
            elif invitation.expires_at <= now:
                renew.append(invitation.pk)
            continue
        partnership_id = people.get(row.email, 0)
        if partnership_id not in (0, None, partnership.pk):
            not_sent[row.pk] = (
                "Not invited: this person joined another partnership after the file was checked."
            )
        elif partnership_id == partnership.pk:
            not_sent[row.pk] = (
                "Not invited: this person joined the partnership after the file was checked."
            )
        elif row.email in invitations and invitations[row.email]["expires_at"] > now:
            not_sent[row.pk] = (
                "Not invited again: someone else invited this person after the file was checked."
            )
        else:
            new.append(
                (
                    row,
                    Invitation(
                        partnership=partnership,
                        email=row.email,
                        role=str(Role.LEARNER),
                        full_name=row.full_name,
                        agency=row.agency,
                        job_role=row.job_role,
                        invited_by_id=record.uploaded_by_id,
                        created_at=now,
                        expires_at=expires,
                    ),
                )
            )
    with transaction.atomic():
        if renew:
            Invitation.objects.filter(pk__in=renew).update(created_at=now, expires_at=expires)
            for row in rows:
                if row.invitation_id in renew:
                    row.invitation.created_at, row.invitation.expires_at = now, expires
        if new:
            made = Invitation.objects.bulk_create([invitation for _, invitation in new])
            for (row, _), invitation in zip(new, made, strict=True):
                row.invitation = invitation
            InvitationImportRow.objects.bulk_update([row for row, _ in new], ["invitation"])
    skipped = set(not_sent) | {row.pk for row in already_sent}
    to_send = [row for row in rows if row.pk not in skipped]
    return to_send, already_sent, not_sent


def _send_batch(
    record: InvitationImport, rows: list[InvitationImportRow]
) -> tuple[list[InvitationImportRow], list[InvitationImportRow]]:
    """Send one batch over one mail connection. Returns (sent, refused); rows in
    neither were not tried (the mail server is down)."""
    from learning_site.invitations import invitation_email

    sent, refused = [], []
    reasons: dict[int, str] = {}
    if not rows:
        return sent, refused
    mail = get_connection()
    try:
        mail.open()
    except Exception:
        logger.exception("Invitation import %s: cannot reach the mail server", record.pk)
        return sent, refused
    failures_in_a_row = 0
    try:
        for row in rows:
            invitation = row.invitation
            invitation.partnership = record.partnership
            invitation.invited_by = record.uploaded_by
            try:
                message = invitation_email(invitation)
                message.connection = mail
                delivered = mail.send_messages([message])
            except smtplib.SMTPRecipientsRefused:
                reasons[row.pk] = (
                    "The email server refused this address. Check it, and invite the "
                    "person on their own if it is right."
                )
                delivered = 0
            except Exception:
                logger.exception("Invitation import %s: row %s not sent", record.pk, row.number)
                delivered = 0
            if delivered:
                sent.append(row)
                failures_in_a_row = 0
            else:
                refused.append(row)
                failures_in_a_row += 1
                if failures_in_a_row >= FAILURES_IN_A_ROW_TO_STOP:
                    # The server refuses everything: the refused rows go back to wait
                    # with the rest rather than being marked as bad addresses.
                    del refused[-FAILURES_IN_A_ROW_TO_STOP:]
                    break
        for row in refused:
            row.message = reasons.get(row.pk, "The email could not be sent. Try again later.")
    finally:
        try:
            mail.close()
        except Exception:
            logger.exception("Invitation import %s: closing the mail connection", record.pk)
    return sent, refused


def _record_batch(record, run, *, sent, already_sent, refused, not_sent, untried) -> None:
    now = timezone.now()
    with transaction.atomic():
        if sent:
            Invitation.objects.filter(pk__in=[row.invitation_id for row in sent]).update(
                sent_at=now
            )
            AuditEvent.objects.bulk_create(
                [
                    AuditEvent(
                        at=now,
                        action=AuditEvent.Action.INVITATION_SENT,
                        actor_id=record.uploaded_by_id,
                        actor_email=getattr(record.uploaded_by, "email", "") or "",
                        partnership_id=record.partnership_id,
                        detail={
                            "email": row.email,
                            "role": str(Role.LEARNER),
                            "import": str(record.pk),
                            "row": row.number,
                        },
                    )
                    for row in sent
                ],
                batch_size=500,
            )
        if sent or already_sent:
            record.rows.filter(pk__in=[row.pk for row in sent + already_sent], claim=run).update(
                status=RowStatus.INVITED, sent_at=now, message=""
            )
        for message in {row.message for row in refused}:
            record.rows.filter(
                pk__in=[row.pk for row in refused if row.message == message], claim=run
            ).update(status=RowStatus.FAILED, message=message)
        by_message: dict[str, list[int]] = {}
        for pk, message in not_sent.items():
            by_message.setdefault(message, []).append(pk)
        for message, pks in by_message.items():
            record.rows.filter(pk__in=pks, claim=run).update(
                status=RowStatus.SKIPPED, message=message
            )
        if untried:
            _release(record, run, [row.pk for row in untried])
        _update_counts(record)


def _release(record: InvitationImport, run: str, pks: list[int]) -> None:
    """Claimed rows this run did not send go back to wait for another run."""
    record.rows.filter(pk__in=pks, claim=run, status=RowStatus.SENDING).update(
        status=RowStatus.READY, claim="", claimed_at=None
    )


def _update_counts(record: InvitationImport) -> None:
    counts = dict(record.rows.order_by().values_list("status").annotate(n=Count("pk")))
    InvitationImport.objects.filter(pk=record.pk).update(
        invited=counts.get(RowStatus.INVITED, 0),
        not_sent=counts.get(RowStatus.FAILED, 0),
        updated_at=timezone.now(),
    )


def run_import(import_id: str, *, batch_size: int | None = None) -> str:
    """Make and send the invitations of a queued import, batch by batch, keeping count
    on the import for its progress page.

    Safe to run twice, or twice at the same time: a run claims a batch of rows before
    sending it and marks each row when it has been sent, so no row's invitation is sent
    twice. The one exception is a worker killed between sending a batch and recording it
    (a few seconds): that batch's rows are claimed again after ``STALE_CLAIM``.
    """
    batch_size = batch_size or settings.INVITATION_IMPORT_BATCH_SIZE
    record = (
        InvitationImport.objects.select_related("partnership", "uploaded_by")
        .filter(pk=import_id)
        .first()
    )
    if record is None or record.status not in (ImportStatus.QUEUED, ImportStatus.RUNNING):
        return "skipped"
    run = uuid.uuid4().hex
    now = timezone.now()
    InvitationImport.objects.filter(pk=record.pk).update(
        status=ImportStatus.RUNNING, started_at=record.started_at or now, updated_at=now
    )
    if not record.partnership.is_active:
        return _stop(record, f"{record.partnership} is not active, so nobody can be invited to it.")
    claimed: list[int] = []
    try:
        while True:
            rows = _claim_batch(record, run, batch_size)
            if not rows:
                break
            claimed = [row.pk for row in rows]
            to_send, already_sent, not_sent = _make_invitations(record, rows)
            sent, refused = _send_batch(record, to_send)
            claimed = []  # from here on, rows may have been sent: never release them
            tried = {row.pk for row in sent + refused}
            untried = [row for row in to_send if row.pk not in tried]
            _record_batch(
                record,
                run,
                sent=sent,
                already_sent=already_sent,
                refused=refused,
                not_sent=not_sent,
                untried=untried,
            )
            if untried:
                return _stop(
                    record,
                    "The email server is not accepting emails, so the rest of the invitations "
                    "were not sent. Try again later.",
                )
    except Exception:
        logger.exception("Invitation import %s failed", record.pk)
        if claimed:
            _release(record, run, claimed)
        return _stop(record, "Something went wrong sending the invitations. Try again.")
    _update_counts(record)
    if record.rows.filter(status=RowStatus.SENDING).exists():
        # Another run is still sending some rows; it finishes the import.
        return "partly"
    InvitationImport.objects.filter(pk=record.pk, status=ImportStatus.RUNNING).update(
        status=ImportStatus.DONE, finished_at=timezone.now()
    )
    return "done"


def _stop(record: InvitationImport, error: str) -> str:
    _update_counts(record)
    InvitationImport.objects.filter(pk=record.pk).update(
        status=ImportStatus.FAILED, error=error[:255], finished_at=timezone.now()
    )
    return "failed"


def delete_old_imports(now=None) -> int:
    """Delete imports uploaded more than ``INVITATION_IMPORT_KEEP_DAYS`` ago (not one
    still sending). The invitations made from them are kept."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.INVITATION_IMPORT_KEEP_DAYS)
    old = InvitationImport.objects.filter(created_at__lt=cutoff).exclude(
        status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]
    )
    count = old.count()
    old.delete()
    return count
