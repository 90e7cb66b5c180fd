# The script runs local tools (PostgreSQL client, redis-cli, gunicorn, locust) by name:
# ruff: noqa: S603, S607
"""Load benchmark: gunicorn with the production settings on PostgreSQL, locust headless.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python tests/bench/run_load.py            # 100 users, 60 s each run
    .venv/bin/python tests/bench/run_load.py --no-write # print only

Steps: (re)create the PostgreSQL database ``learning_site_bench``, migrate, seed the demo
content (``seed_demo --force``) and 100 bench learners, collect static files, start
gunicorn (2 x CPUs + 1 sync workers) with ``learning_site.settings.bench`` on
127.0.0.1, then run locust twice on the same server: (a) the floor view, (b) the learner
flows in ``flows.py``. Prints requests/s, p50/p95/p99 and errors for both and the ratios,
writes them into BENCHMARKS.md, and exits non-zero if any request failed. Only ever sends
traffic to 127.0.0.1. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The Python running the bench (the project's .venv), and its gunicorn and locust.
BIN = Path(sys.executable).parent
DB_NAME = "learning_site_bench"
PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
REDIS_DB = 5
RESULTS_START = "<!-- results:start -->"
RESULTS_END = "<!-- results:end -->"

CREATE_LEARNERS = """
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from learning_site.models import Partnership, User
from learning_site.roles import Role, grant_role
from tests.bench.flows import LEARNERS, PASSWORD, learner_email
partnership = Partnership.objects.get(slug="northshire")
hashed = make_password(PASSWORD)  # once: hashing 100 times would only slow the set-up
for n in range(LEARNERS):
    user, _ = User.objects.update_or_create(
        email=learner_email(n),
        defaults={"full_name": f"Bench Learner {n}", "partnership": partnership,
                  "agency": "health", "job_role": "Health visitor", "password": hashed},
    )
    grant_role(user, Role.LEARNER)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True})
# Each learner arrives already signed in (a session made here, as after an earlier visit):
# the password hash is deliberately slow, and 100 sign-ins at once would measure only that.
import json, os
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
store = import_module(settings.SESSION_ENGINE).SessionStore
sessions = []
for n in range(LEARNERS):
    user = User.objects.get(email=learner_email(n))
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append(session.session_key)
with open(os.environ["BENCH_SESSIONS"], "w") as handle:
    json.dump({"cookie": settings.SESSION_COOKIE_NAME, "keys": sessions}, handle)
print(f"{LEARNERS} bench learners ready, signed in")
"""


def run(cmd: list[str], env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kwargs)


def machine() -> dict[str, str]:
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_kb = int(line.split()[1])
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": str(os.cpu_count()),
        "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "cpu": model,
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def redis_up() -> bool:
    if shutil.which("redis-cli") is None:
        return False
    probe = subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True, text=True, check=False
    )
    return probe.stdout.strip() == "PONG"


def prepare(env: dict) -> None:
    subprocess.run(["dropdb", *PG, "--if-exists", DB_NAME], cwd=ROOT, check=True)
    run(["createdb", *PG, DB_NAME])
    manage = [str(BIN / "python"), "manage.py"]
    run([*manage, "migrate", "--noinput", "-v", "0"], env)
    run([*manage, "seed_demo", "--force"], env, stdout=subprocess.DEVNULL)
    run([*manage, "shell", "-c", CREATE_LEARNERS], env)
    run([*manage, "collectstatic", "--noinput", "-v", "0"], env)


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer {url} within {timeout} s")


def locust(user_class: str, host: str, users: int, seconds: int, out: Path, env: dict) -> Path:
    prefix = out / user_class
    run(
        [
            str(BIN / "locust"),
            "-f",
            "tests/bench/locustfile.py",
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(max(1, users // 5)),
            "--run-time",
            f"{seconds}s",
            "--host",
            host,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
            "--exit-code-on-error",
            "0",
            user_class,
        ],
        env,
    )
    return Path(f"{prefix}_stats.csv")


def _ms(value: str) -> float:
    return float(value) if value not in ("", "N/A") else 0.0


def read_stats(path: Path) -> dict[str, dict]:
    rows = {}
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": _ms(row["50%"]),
                "p95": _ms(row["95%"]),
                "p99": _ms(row["99%"]),
            }
    return rows


def table(rows: dict[str, dict]) -> list[str]:
    lines = [
        "| Request | Requests | Errors | Requests/s | p50 ms | p95 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rows.items():
        label = "**All requests**" if name == "Aggregated" else name
        lines.append(
            f"| {label} | {r['requests']} | {r['failures']} | {r['rps']:.1f} | "
            f"{r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} |"
        )
    return lines


def password_hash_seconds(env: dict) -> float:
    code = (
        "import time; from django.contrib.auth.hashers import make_password;"
        "t = time.perf_counter(); make_password('x'); print(time.perf_counter() - t)"
    )
    out = run(
        [str(BIN / "python"), "manage.py", "shell", "-c", code],
        env,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def report(info: dict, args, workers: int, floor: dict, learner: dict, hash_s: float) -> str:
    f_all, l_all = floor["Aggregated"], learner["Aggregated"]
    step = learner.get("scenarios: step answer")
    page = learner.get("scenarios: step page")
    lines = [
        f"Run on {info['date']}: {info['cpus']} CPUs ({info['cpu']}), {info['ram']} RAM, "
        f"{info['os']}, Python {info['python']}.",
        "",
        f"gunicorn {workers} sync workers, `learning_site.settings.bench` (production "
        "settings over plain HTTP), PostgreSQL, Redis cache; locust "
        f"{args.users} users, no think time, {args.seconds} s per run, on the same machine "
        "(the load generator takes CPU from the server, so these are lower bounds).",
        "",
        "### (a) Floor: `/bench/floor` (a view that returns `ok`)",
        "",
        *table(floor),
        "",
        "### (b) Learners: home, my learning, module, scenario steps, research, surveys",
        "",
        *table(learner),
        "",
        f"Learners start signed in (sessions made in the set-up). One sign-in costs "
        f"{hash_s * 1000:.0f} ms of CPU for the password hash alone (Django's PBKDF2, "
        "deliberately slow), so 100 people signing in within the same minute need about "
        f"{hash_s * 100:.0f} CPU-seconds on top of the figures here.",
        "",
        "### Ratios",
        "",
        f"- Requests/s, learner flow to floor: {l_all['rps'] / f_all['rps']:.2f} "
        f"({l_all['rps']:.1f} / {f_all['rps']:.1f}).",
    ]
    for label, row in (("scenario step answer (POST)", step), ("scenario step page", page)):
        if row and f_all["p50"]:
            lines.append(
                f"- Latency, {label} to floor: p50 {row['p50'] / f_all['p50']:.1f}x "
                f"({row['p50']:.0f} / {f_all['p50']:.0f} ms), p95 "
                f"{row['p95'] / max(f_all['p95'], 1):.1f}x ({row['p95']:.0f} / "
                f"{f_all['p95']:.0f} ms)."
            )
    if not step:
        lines.append("- No scenario steps were played (no published scenario was found).")
    errors = f_all["failures"] + l_all["failures"]
    lines += ["", f"Errors: {errors}."]
    return "\n".join(lines)


def write_benchmarks(
    text: str, start_marker: str = RESULTS_START, end_marker: str = RESULTS_END, heading: str = ""
) -> None:
    """Put ``text`` between the markers in BENCHMARKS.md; a section with ``heading`` and
    the markers is added at the end the first time."""
    path = ROOT / "BENCHMARKS.md"
    current = path.read_text(encoding="utf-8")
    if start_marker not in current:
        current += f"\n## {heading}\n\n{start_marker}\n{end_marker}\n"
    start, end = current.index(start_marker), current.index(end_marker)
    path.write_text(
        current[: start + len(start_marker)] + "\n" + text + "\n" + current[end:],
        encoding="utf-8",
    )


def bench_env(work: Path, redis_db: int = REDIS_DB) -> dict:
    """The environment of the bench server and its manage.py commands; empties the
    bench's Redis database (``redis_db``) when Redis is up."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning_site.settings.bench",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "VAR_DIR": str(work / "var"),
        "TRUSTED_PROXY_COUNT": "1",
        "BENCH_SESSIONS": str(work / "sessions.json"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    if redis_up():
        env["REDIS_URL"] = f"redis://127.0.0.1:6379/{redis_db}"
        subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "-n", str(redis_db), "flushdb"],
            check=True,
            capture_output=True,
        )
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args()

    if not (BIN / "locust").exists():
        raise SystemExit('locust is missing: .venv/bin/pip install -e ".[bench]"')
    if subprocess.run(["pg_isready", *PG[:4], "-q"], check=False).returncode != 0:
        raise SystemExit("PostgreSQL is not running on 127.0.0.1:5432")

    work = Path(tempfile.mkdtemp(prefix="learning-site-bench-"))
    started_redis = False
    if not redis_up() and shutil.which("redis-server"):
        run(
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379",
             "--save", "", "--appendonly", "no", "--dir", str(work)]
        )  # fmt: skip
        started_redis = True
        time.sleep(0.5)
    env = bench_env(work)

    workers = 2 * (os.cpu_count() or 1) + 1
    host = f"http://127.0.0.1:{args.port}"
    server = None
    try:
        prepare(env)
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "learning_site.wsgi",
                "--bind",
                f"127.0.0.1:{args.port}",
                "--workers",
                str(workers),
                "--backlog",
                "2048",
                "--access-logfile",
                "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
                "--error-logfile",
                str(work / "gunicorn.log"),
            ],
            cwd=ROOT,
            env=env,
        )
        wait_for(host + "/bench/floor")
        wait_for(host + "/")
        floor = read_stats(locust("FloorUser", host, args.users, args.seconds, work, env))
        learner = read_stats(locust("LearnerUser", host, args.users, args.seconds, work, env))
        hash_s = password_hash_seconds(env)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if started_redis:
            subprocess.run(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], check=False)

    text = report(machine(), args, workers, floor, learner, hash_s)
    print("\n" + text)
    if not args.no_write:
        write_benchmarks(text)
        print("\nWritten to BENCHMARKS.md")
    errors = floor["Aggregated"]["failures"] + learner["Aggregated"]["failures"]
    if errors:
        print(f"\n{errors} request(s) failed; see {work}/*_failures.csv and gunicorn.log")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
