# The script runs local tools (PostgreSQL client, redis-cli, celery) by name:
# ruff: noqa: S603, S607
"""Follow-up sweep benchmark: how long the beat sweep and its Celery workers take to send
every due follow-up invitation, on PostgreSQL and Redis.

    python tests/bench/bench_sweep.py                          # 10,000 and 100,000; 1 and 4
    python tests/bench/bench_sweep.py --runs 10000:1 10000:4 100000:4 --no-write
    python tests/bench/bench_sweep.py --db-name sweep_bench --redis-db 8   # beside others

Steps: (re)create the PostgreSQL database ``learning_site_bench_sweep`` (``--db-name``),
migrate, seed
the demo content (modules, the follow-up questionnaires, Northshire), then add the
largest number of practitioners asked for, each with a completed module. For each run
``COUNT:WORKERS``: replace the invitations with COUNT due ones, start a Celery worker with
WORKERS processes (the production settings, Redis as the broker and the cache, both in
Redis database 6 unless ``--redis-db`` says another, the file email backend),
call the beat task ``sweep_due_invitations`` (it claims batches and queues one task per
batch) and wait until every invitation is sent. Then check exactly once: every
invitation sent, one link token each, and one email per person in the mail files.
Writes the figures into BENCHMARKS.md unless ``--no-write``. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench import run_load  # noqa: E402

ROOT = run_load.ROOT
DB_NAME = "learning_site_bench_sweep"
REDIS_DB = 6  # the broker's and the cache's; run_load's server bench keeps database 5
SECTION_START = "<!-- sweep:start -->"
SECTION_END = "<!-- sweep:end -->"

PEOPLE = """
from django.contrib.auth.hashers import make_password
from learning_site.models import Partnership, User
n = {count}
have = User.objects.filter(email__startswith="sweep-").count()
partnership = Partnership.objects.get(slug="northshire")
User.objects.bulk_create(
    [User(email=f"sweep-{{i:06d}}@northshire.example", full_name=f"Sweep Person {{i}}",
          partnership=partnership, agency="health", job_role="Health visitor",
          password=make_password(None)) for i in range(have, n)],
    batch_size=5000,
)
print(User.objects.filter(email__startswith="sweep-").count(), "people")
"""

INVITATIONS = """
import datetime
from django.utils import timezone
from courses.models import CoursePage
from evaluations.models import FollowUpInvitation, WaveKind
from learning_site.models import User
n = {count}
FollowUpInvitation.objects.all().delete()
course = CoursePage.objects.live().order_by("path").first()
now = timezone.now()
people = User.objects.filter(email__startswith="sweep-").order_by("email")[:n]
FollowUpInvitation.objects.bulk_create(
    [FollowUpInvitation(user=u, partnership_id=u.partnership_id, agency=u.agency,
                        course=course, wave=WaveKind.THREE_MONTHS,
                        completed_at=now - datetime.timedelta(days=92),
                        due_at=now - datetime.timedelta(hours=1)) for u in people],
    batch_size=5000,
)
print(FollowUpInvitation.objects.count(), "due invitations")
"""

# Prints the clock when the beat task is called (the shell's start-up is not timed).
SWEEP = """
import time
from evaluations.tasks import sweep_due_invitations
started = time.time()
queued = sweep_due_invitations()["queued"]
print(started, queued, time.time() - started)
"""

# Read straight from PostgreSQL every half second: a Django shell takes seconds to start.
COUNTS = """
SELECT (SELECT count(*) FROM evaluations_followupinvitation
        WHERE status = 'sent' AND claim_token IS NULL),
       (SELECT count(*) FROM evaluations_followupinvitation),
       (SELECT count(*) FROM evaluations_invitationlinktoken),
       (SELECT count(*) FROM evaluations_followupinvitation WHERE last_error <> '')
"""


def manage(env: dict, code: str) -> str:
    out = subprocess.run(
        [str(run_load.BIN / "python"), "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return out.stdout.strip().splitlines()[-1]


def prepare(env: dict, db_name: str, people: int) -> None:
    subprocess.run(["dropdb", *run_load.PG, "--if-exists", db_name], check=True)
    run_load.run(["createdb", *run_load.PG, db_name])
    python = [str(run_load.BIN / "python"), "manage.py"]
    run_load.run([*python, "migrate", "--noinput", "-v", "0"], env)
    run_load.run([*python, "seed_demo", "--force"], env, stdout=subprocess.DEVNULL)
    print(manage(env, PEOPLE.format(count=people)), flush=True)


def counts(db_name: str) -> tuple[int, int, int, int]:
    out = subprocess.run(
        ["psql", *run_load.PG, "-d", db_name, "-tA", "-F", " ", "-c", COUNTS],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    sent, total, tokens, errors = map(int, out.stdout.split())
    return sent, total, tokens, errors


def recipients(mail_dir: Path) -> Counter:
    """Who was emailed, from the file backend's files (one file per mail connection)."""
    found: Counter = Counter()
    for path in mail_dir.glob("*.log"):
        found.update(re.findall(r"^To: (.+)$", path.read_text(encoding="utf-8"), re.M))
    return found


def one_run(env: dict, db_name: str, count: int, workers: int, work: Path, timeout: float) -> dict:
    print(manage(env, INVITATIONS.format(count=count)), flush=True)
    mail_dir = work / f"mail-{count}-{workers}"
    mail_dir.mkdir()
    run_env = {**env, "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
               "EMAIL_FILE_PATH": str(mail_dir)}  # fmt: skip
    worker = subprocess.Popen(
        [str(run_load.BIN / "celery"), "-A", "learning_site", "worker", "--concurrency",
         str(workers), "--pool", "prefork", "--without-gossip", "--without-mingle",
         "--without-heartbeat", "--loglevel", "WARNING", "--logfile",
         str(work / f"celery-{count}-{workers}.log")],
        cwd=ROOT, env=run_env, start_new_session=True,
    )  # fmt: skip
    try:
        time.sleep(5)  # the worker's processes start and connect to the broker
        started, queued, claiming = manage(run_env, SWEEP).split()
        started = float(started)
        print(f"queued {queued} invitations in {float(claiming):.1f} s", flush=True)
        while True:
            sent, total, tokens, errors = counts(db_name)
            if sent >= total or time.time() - started > timeout:
                break
            time.sleep(0.5)
        elapsed = time.time() - started
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
    emailed = recipients(mail_dir)
    exactly_once = (
        sent == total == count == tokens and len(emailed) == count and set(emailed.values()) == {1}
    )
    return {
        "count": count, "workers": workers, "seconds": elapsed, "claiming": float(claiming),
        "sent": sent,
        "emails": sum(emailed.values()), "people": len(emailed), "tokens": tokens,
        "errors": errors, "exactly_once": exactly_once, "finished": sent >= total,
    }  # fmt: skip


def report(info: dict, runs: list[dict], batch_size: str) -> str:
    lines = [
        f"Run on {info['date']}: {info['cpus']} CPUs ({info['cpu']}), {info['ram']} RAM, "
        f"{info['os']}, Python {info['python']}. PostgreSQL and Redis on the same machine.",
        "",
        "Production settings (`learning_site.settings.bench`), Redis as the Celery broker, "
        "the file email backend (every message written to disk, one file per batch's mail "
        f"connection); batches of {batch_size}. Time from calling the beat task to the last "
        "invitation marked sent, including the beat task's own claiming.",
        "",
        "| due invitations | worker processes | time | of which the beat task claiming "
        "| invitations/s | ms per invitation | sent | emails | people emailed | exactly once |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in runs:
        rate = r["sent"] / r["seconds"] if r["seconds"] else 0
        lines.append(
            f"| {r['count']:,} | {r['workers']} | {r['seconds']:.0f} s"
            f"{'' if r['finished'] else ' (stopped)'} | {r['claiming']:.0f} s | {rate:.0f} | "
            f"{1000 / rate if rate else 0:.1f} | {r['sent']:,} | {r['emails']:,} | "
            f"{r['people']:,} | {'yes' if r['exactly_once'] else 'NO'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs",
        nargs="+",
        default=["10000:1", "10000:4", "100000:1", "100000:4"],
        help="COUNT:WORKERS, in order",
    )
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per run")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    parser.add_argument(
        "--db-name", default=DB_NAME, help="PostgreSQL database to (re)create and use"
    )
    parser.add_argument(
        "--redis-db", type=int, default=REDIS_DB, help="Redis database for the broker and cache"
    )
    args = parser.parse_args()
    plan = [tuple(int(x) for x in run.split(":")) for run in args.runs]
    if not run_load.redis_up():
        raise SystemExit("Redis is not running on 127.0.0.1:6379 (the Celery broker)")

    work = Path(tempfile.mkdtemp(prefix="bench-sweep-"))
    env = {
        **run_load.bench_env(work, redis_db=args.redis_db),  # empties that Redis database
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.db_name}",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{args.redis_db}",
    }
    prepare(env, args.db_name, max(count for count, _ in plan))
    runs = []
    batch_size = os.environ.get("EVALUATION_SWEEP_BATCH_SIZE", "500")
    for count, workers in plan:
        result = one_run(env, args.db_name, count, workers, work, args.timeout)
        print(result, flush=True)
        runs.append(result)
        # Written after every run, so a long plan stopped part way keeps what it measured.
        text = report(run_load.machine(), runs, batch_size)
        if not args.no_write:
            run_load.write_benchmarks(
                text,
                SECTION_START,
                SECTION_END,
                heading="Follow-up sweep: 10,000 and 100,000 due invitations\n\n"
                "`tests/bench/bench_sweep.py`: see its docstring for how to run it.",
            )
    print("\n" + text)
    return 0 if all(r["exactly_once"] for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
