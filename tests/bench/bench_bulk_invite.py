"""How long inviting learners from a spreadsheet takes on the embedded default (SQLite).

Not part of the test run. Builds a throwaway SQLite database in a temporary directory
(never the one under var/), with a partnership of ``--people`` existing learners, then
times, for a CSV of ``--rows`` new learners (names in several alphabets):

1. uploading it as a partnership administrator, through the whole request stack
   (middleware, form, reading, checking every row, storing the rows);
2. opening the preview page, which lists every row;
3. importing it: the Celery task's work (make the invitations, render and send every
   email, record each batch), run in this process, with Django's in-memory mail backend
   (the site's own cost) and then with its SMTP backend against a local mail sink on
   127.0.0.1 (one connection per batch, one message at a time, as a real server takes
   them);
4. with ``--worker``: the same import as ``make run`` does it, from the button to the last
   invitation: a real ``celery worker`` on the filesystem broker and the console mail
   backend (the worker's output goes to a file).

    .venv/bin/python tests/bench/bench_bulk_invite.py [--rows 5000] [--people 20000] [--worker]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

FIRST = ["Łucja", "Amira", "Tomasz", "Siobhan", "Nguyễn", "ليلى", "Olu", "Zoë", "Dafydd", "Priya"]
LAST = ["Wiśniewska", "Haddad", "O’Brien", "Okafor", "Thị Lan", "عبد الله", "Jones", "Kowalski"]
AGENCIES = ["Health", "police", "Children's social care", "Benchshire Schools", ""]
JOB_ROLES = ["Social worker", "Health visitor", "Teacher", "Police constable", "Nurse"]


def _environment(var_dir: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "learning_site.settings.dev",
            "VAR_DIR": var_dir,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "testserver,localhost",
            "CELERY_TASK_ALWAYS_EAGER": "0",
        }
    )
    for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "EMAIL_BACKEND"):
        os.environ.pop(name, None)


def csv_file(rows: int, domain: str) -> bytes:
    lines = ["Email address,Full name,Agency,Job role"]
    for n in range(rows):
        name = f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]}"
        agency = AGENCIES[n % len(AGENCIES)]
        lines.append(f'person{n}@{domain},"{name}","{agency}",{JOB_ROLES[n % len(JOB_ROLES)]}')
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


class _SmtpSink(socketserver.StreamRequestHandler):
    """Just enough SMTP to take messages and drop them."""

    def handle(self):
        self.wfile.write(b"220 sink ESMTP\r\n")
        in_data = False
        for line in self.rfile:
            if in_data:
                if line == b".\r\n":
                    in_data = False
                    self.server.messages += 1
                    self.wfile.write(b"250 OK\r\n")
                continue
            command = line[:4].upper()
            if command == b"EHLO":
                self.wfile.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif command == b"DATA":
                in_data = True
                self.wfile.write(b"354 go ahead\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 OK\r\n")


class _Sink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    messages = 0


def _seed(people: int):
    from learning_site.models import Partnership, PartnershipAgency, User
    from learning_site.roles import Role
    from tests.factories import make_user

    partnership = Partnership.objects.create(name="Benchshire Safeguarding Partnership")
    other = Partnership.objects.create(name="Otherton Safeguarding Partnership")
    for kind, name in [
        ("health", "Benchshire Community Health"),
        ("police", ""),
        ("childrens_social_care", "Benchshire Children's Services"),
        ("education", "Benchshire Schools"),
    ]:
        PartnershipAgency.objects.create(partnership=partnership, kind=kind, name=name)
    User.objects.bulk_create(
        [
            User(
                email=f"existing{n}@benchshire.gov.uk",
                full_name=f"Existing {n}",
                partnership=partnership if n % 4 else other,
                password="!",  # noqa: S106 - unusable password
            )
            for n in range(people)
        ],
        batch_size=2000,
    )
    admin = make_user(Role.PARTNERSHIP_ADMIN, partnership, email="admin@benchshire.gov.uk")
    return partnership, admin


def _timed(label, results, fn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        value = fn()
        seconds = time.perf_counter() - start
    results.append((label, seconds, len(queries)))
    print(f"  {label}: {seconds * 1000:,.0f} ms, {len(queries)} queries", flush=True)
    return value


def _upload(client, partnership, data: bytes, results, label):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from learning_site.models import InvitationImport

    def post():
        file = SimpleUploadedFile("learners.csv", data, content_type="text/csv")
        response = client.post(
            reverse("invitation_import"), {"file": file, "partnership": partnership.pk}
        )
        assert response.status_code == 302, response.content[:2000]
        return response

    _timed(label, results, post)
    return InvitationImport.objects.latest("created_at")


def _queue(record):
    from learning_site.models import InvitationImport
    from learning_site.models.invitation_imports import ImportStatus

    InvitationImport.objects.filter(pk=record.pk).update(status=ImportStatus.QUEUED)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--people", type=int, default=20000, help="existing accounts")
    parser.add_argument("--worker", action="store_true", help="also time a real Celery worker")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    var_dir = tempfile.mkdtemp(prefix="bench-bulk-invite-")
    (Path(var_dir) / "static").mkdir()
    _environment(var_dir)
    import django

    django.setup()
    from django.conf import settings
    from django.core import mail
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from learning_site.bulk_invitations import check_rows, read_csv, run_import
    from learning_site.models import Invitation, InvitationImport
    from tests import signing_in

    setup_test_environment()  # the in-memory mail outbox, and the test client's hosts
    signing_in.install()
    print(f"Database: {settings.DATABASES['default']['NAME']}", flush=True)
    call_command("migrate", verbosity=0)
    partnership, admin = _seed(args.people)
    client = Client()
    client.force_login(admin)
    results: list = []
    print(f"{args.rows:,} rows, {args.people:,} existing accounts", flush=True)

    data = csv_file(args.rows, "one.benchshire.gov.uk")
    parsed = _timed("read the CSV", results, lambda: read_csv(data))
    _timed("check every row", results, lambda: check_rows(partnership, parsed.rows))
    record = _upload(
        client,
        partnership,
        data,
        results,
        "upload and check (HTTP)",
    )
    assert record.rows_to_invite == args.rows, (record.rows_to_invite, record.rows_with_errors)
    preview = _timed(
        "preview page (HTTP)",
        results,
        lambda: client.get(reverse("invitation_import_detail", args=[record.pk])),
    )
    print(f"    preview page size: {len(preview.content) / 1024:,.0f} KB", flush=True)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    _queue(record)
    _timed("import task, in-memory mail", results, lambda: run_import(str(record.pk)))
    assert len(mail.outbox) == args.rows, len(mail.outbox)

    sink = _Sink(("127.0.0.1", 0), _SmtpSink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = sink.server_address
    record = _upload(
        client,
        partnership,
        csv_file(args.rows, "two.benchshire.gov.uk"),
        results,
        "upload and check (HTTP), second file",
    )
    _queue(record)
    _timed("import task, SMTP to a local sink", results, lambda: run_import(str(record.pk)))
    assert sink.messages == args.rows, sink.messages
    sink.shutdown()

    if args.worker:
        record = _upload(
            client,
            partnership,
            csv_file(args.rows, "three.benchshire.gov.uk"),
            results,
            "upload and check (HTTP), third file",
        )
        log = Path(var_dir) / "worker.log"
        env = {**os.environ, "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
        with log.open("w") as out:
            worker = subprocess.Popen(  # noqa: S603 - our own venv's celery
                [
                    str(Path(sys.executable).with_name("celery")),
                    "-A",
                    "learning_site",
                    "worker",
                    "--pool=solo",
                    "--concurrency=1",
                    "--loglevel=WARNING",
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            time.sleep(8)  # the worker starts and connects to the filesystem broker
            start = time.perf_counter()
            response = client.post(
                reverse("invitation_import_detail", args=[record.pk]), {"action": "import_all"}
            )
            assert response.status_code == 302
            while True:
                record.refresh_from_db()
                if record.is_finished:
                    break
                if time.perf_counter() - start > 600:
                    raise SystemExit("The worker did not finish within 10 minutes.")
                time.sleep(0.2)
            seconds = time.perf_counter() - start
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        assert record.invited == args.rows, (record.status, record.invited, record.error)
        results.append(("button to last invitation, real worker, console mail", seconds, None))
        print(f"  button to last invitation, real worker, console mail: {seconds * 1000:,.0f} ms")

    print()
    print(
        f"Run on {time.strftime('%Y-%m-%d %H:%M %Z')}: {os.cpu_count()} CPUs "
        f"({_cpu()}), Python {platform.python_version()}, SQLite, "
        f"batches of {settings.INVITATION_IMPORT_BATCH_SIZE}; load average before "
        f"{load_before:.1f}, after {os.getloadavg()[0]:.1f}."
    )
    print()
    print("| step | time | SQL queries |")
    print("| --- | ---: | ---: |")
    for label, seconds, queries in results:
        per_row = f" ({seconds * 1_000_000 / args.rows:,.0f} µs a row)" if seconds > 1 else ""
        print(f"| {label} | {seconds:,.2f} s{per_row} | {'' if queries is None else queries} |")
    print()
    print(
        f"Invitations made: {Invitation.objects.count():,}; imports: {InvitationImport.objects.count()}"
    )


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    try:
        main()
    finally:
        if os.environ.get("VAR_DIR", "").startswith(tempfile.gettempdir()):
            shutil.rmtree(os.environ["VAR_DIR"], ignore_errors=True)
