# The script runs local tools (PostgreSQL client, gunicorn) by name:
# ruff: noqa: S603, S607
"""Side-by-side speed benchmark: the learner pages against the floor and against Wagtail's
bakerydemo, in one interleaved run.

    python tests/bench/side_by_side.py                     # this project only
    python tests/bench/side_by_side.py --bakerydemo ../bakerydemo \\
        --bakerydemo-python ../bakery-venv/bin/python     # and bakerydemo beside it

Steps: set up ``learning_site_bench`` on PostgreSQL as ``run_load.py`` does (migrate, demo
content, bench learners with sessions), start gunicorn (2 sync workers) with
``learning_site.settings.bench``, take one seeded learner, enrol them on the first module
and start a scenario through the site's own forms. With ``--bakerydemo PATH`` (a
checkout of github.com/wagtail/bakerydemo, with its requirements installed in the Python
given by ``--bakerydemo-python``), also set up its PostgreSQL database
(``load_initial_data``) and start it under gunicorn (2 sync workers, its production
settings). Then time ``--requests`` requests to each URL, one URL after another round
after round, so both servers see the same machine load, and report the median service
time per page and the ratios. Writes a section into BENCHMARKS.md unless ``--no-write``.
Only ever sends traffic to 127.0.0.1. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench import run_load  # noqa: E402
from tests.bench.flows import read  # noqa: E402

ROOT = run_load.ROOT
BAKERY_DB = "bakerydemo_bench"
SECTION_START = "<!-- side-by-side:start -->"
SECTION_END = "<!-- side-by-side:end -->"
WORKERS = 2
# Pages the issue holds to a ratio of bakerydemo's blog page (at most 0.5x), and the most
# any learner page may take against the floor (4x).
AGAINST_BLOG = ("module page", "lesson page (enrolled)", "research digest", "My learning")
BLOG_RATIO = 0.5
FLOOR_RATIO = 4.0

URLS_SCRIPT = """
import json
from courses.models import CourseIndexPage, CoursePage
from research_digest.models import DigestIndexPage, ResearchDigestPage
from django.urls import reverse
course = CoursePage.objects.live().order_by("path").first()
print(json.dumps({
    "modules index": CourseIndexPage.objects.live().first().url,
    "module page": course.url,
    "research digest": ResearchDigestPage.objects.live().order_by("path").first().url,
    "My learning": reverse("my_learning"),
}))
"""


def first_link(html: str, pattern: str) -> str | None:
    return next((href for href, _ in read(html).links if re.search(pattern, href)), None)


def post_form(client: requests.Session, base: str, page: str, action: str) -> str:
    """Send the page's form whose action matches ``action``; return where it leads."""
    html = client.get(base + page).text
    form = next(
        (f for f in read(html).forms if f["method"] == "post" and re.search(action, f["action"])),
        None,
    )
    if form is None:
        raise SystemExit(f"no form matching {action} on {page}")
    response = client.post(
        urljoin(base + page, form["action"]), data=form["hidden"], allow_redirects=False
    )
    if response.status_code not in (302, 303):
        raise SystemExit(f"{action} on {page} answered {response.status_code}")
    return urljoin(base + page, response.headers["Location"]).removeprefix(base)


def learner_pages(env: dict, base: str, work: Path) -> tuple[requests.Session, dict]:
    """A seeded learner, signed in, enrolled on the first module, in a scenario; the
    addresses of the pages to time."""
    out = run_load.run(
        [sys.executable, "manage.py", "shell", "-c", URLS_SCRIPT],
        env,
        capture_output=True,
        text=True,
    )
    urls = json.loads(out.stdout.strip().splitlines()[-1])
    sessions = json.loads((work / "sessions.json").read_text())
    client = requests.Session()
    client.cookies.set(sessions["cookie"], sessions["keys"][0], domain="127.0.0.1")
    client.headers["X-Forwarded-For"] = "10.0.0.1"
    module = urls["module page"]
    post_form(client, base, module, r"/enrol/$")
    lesson = first_link(client.get(base + module).text, "^" + re.escape(module) + r"[\w-]+/$")
    scenarios = first_link(client.get(base + "/").text, r"^/scenarios/$") or "/scenarios/"
    scenario = first_link(
        client.get(base + scenarios).text, "^" + re.escape(scenarios) + r"[\w-]+/$"
    )
    step = post_form(client, base, scenario, r"/start/$")
    pages = {
        "home": "/",
        "modules index": urls["modules index"],
        "module page": module,
        "lesson page (enrolled)": lesson,
        "research digest": urls["research digest"],
        "My learning": urls["My learning"],
        "scenario step": step,
        "floor": "/bench/floor",
    }
    for name, path in pages.items():
        response = client.get(base + path, allow_redirects=False)
        if response.status_code != 200:
            raise SystemExit(f"{name} ({path}) answered {response.status_code}, not 200")
    return client, pages


def bakery_env(python: str, work: Path) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "PYTHON", "REDIS"))},
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": "bench-" + os.urandom(24).hex(),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{BAKERY_DB}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Served over plain HTTP on 127.0.0.1, as this project's bench settings are.
        "SECURE_SSL_REDIRECT": "False",
        "PATH": str(Path(python).parent) + os.pathsep + os.environ.get("PATH", ""),
    }


def prepare_bakery(path: Path, python: str, env: dict) -> None:
    subprocess.run(["dropdb", *run_load.PG, "--if-exists", BAKERY_DB], check=True)
    subprocess.run(["createdb", *run_load.PG, BAKERY_DB], check=True)
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["load_initial_data"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        subprocess.run([python, "manage.py", *command], cwd=path, env=env, check=True)


def bakery_pages(base: str) -> dict:
    blog_index = requests.get(base + "/blog/", timeout=30).text
    blog = first_link(blog_index, r"^/blog/[\w-]+/$")
    if blog is None:
        raise SystemExit("bakerydemo has no blog page linked from /blog/")
    return {
        "bakerydemo home": "/",
        "bakerydemo breads index": "/breads/",
        "bakerydemo blog page": blog,
    }


def gunicorn(
    command: list[str], wsgi: str, port: int, cwd: Path, env: dict, log: Path
) -> subprocess.Popen:
    # A long worker timeout: bakerydemo's first pages make image renditions, slowly.
    return subprocess.Popen(
        [*command, wsgi, "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS),
         "--timeout", "300", "--access-logfile", "/dev/null", "--error-logfile", str(log)],
        cwd=cwd, env=env,
    )  # fmt: skip


def time_interleaved(targets: list[tuple[str, requests.Session, str]], rounds: int) -> dict:
    """Median milliseconds per target, timing each URL once per round in turn."""
    timings: dict[str, list[float]] = {name: [] for name, _, _ in targets}
    for round_number in range(rounds + 10):  # the first ten rounds warm the workers
        for name, client, url in targets:
            started = time.perf_counter()
            response = client.get(url, allow_redirects=False)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{name} answered {response.status_code} in round {round_number}")
            if round_number >= 10:
                timings[name].append(elapsed)
    return {name: statistics.median(values) for name, values in timings.items()}


def report(info: dict, rounds: int, medians: dict, bakery: bool) -> tuple[str, bool]:
    floor = medians["floor"]
    blog = medians.get("bakerydemo blog page")
    peers = {
        "home": "bakerydemo home",
        "modules index": "bakerydemo breads index",
        **dict.fromkeys(AGAINST_BLOG, "bakerydemo blog page"),
    }
    lines = [
        f"Run on {info['date']}: {info['cpus']} CPUs ({info['cpu']}), {info['ram']} RAM, "
        f"{info['os']}, Python {info['python']}.",
        "",
        f"gunicorn {WORKERS} sync workers for each site, PostgreSQL; this project with "
        "`learning_site.settings.bench` (production settings over plain HTTP, Redis cache), "
        "one seeded learner signed in and enrolled"
        + (", bakerydemo with its production settings (local-memory cache)" if bakery else "")
        + f". One client, {rounds} requests per URL, one URL after another in turn, after "
        "10 warm-up rounds; median time from sending a request to reading the whole answer.",
        "",
        "| page | median ms | × floor | bakerydemo page | its median ms | × that page |",
        "| --- | ---: | ---: | --- | ---: | ---: |",
    ]
    ok = True
    for name, ms in medians.items():
        if name.startswith("bakerydemo") or name == "floor":
            continue
        peer = peers.get(name) if bakery else None
        peer_ms = medians.get(peer) if peer else None
        versus = f"{ms / peer_ms:.2f}" if peer_ms else ""
        lines.append(
            f"| {name} | {ms:.1f} | {ms / floor:.1f} | {peer or ''} | "
            f"{f'{peer_ms:.1f}' if peer_ms else ''} | {versus} |"
        )
        ok &= ms <= FLOOR_RATIO * floor
        if blog and name in AGAINST_BLOG:
            ok &= ms <= BLOG_RATIO * blog
    lines.append(f"| floor (`/bench/floor`) | {floor:.1f} | 1.0 | | | |")
    if bakery:
        for name in ("bakerydemo home", "bakerydemo breads index", "bakerydemo blog page"):
            lines.append(f"| {name} | {medians[name]:.1f} | {medians[name] / floor:.1f} | | | |")
    lines += [
        "",
        f"Targets: no learner page above {FLOOR_RATIO:g}× the floor"
        + (
            f"; module, lesson, digest and My learning at most {BLOG_RATIO:g}× bakerydemo's "
            "blog page"
            if bakery
            else " (bakerydemo not run: no ratios against it)"
        )
        + f". {'All met.' if ok else 'Not all met: see the table.'}",
    ]
    return "\n".join(lines), ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="timed requests per URL")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--bakerydemo", type=Path, help="a bakerydemo checkout")
    parser.add_argument(
        "--bakerydemo-python",
        default=None,
        help="the Python with bakerydemo's requirements and gunicorn "
        "(default: PATH/.venv/bin/python)",
    )
    parser.add_argument(
        "--reuse-bakerydemo-db", action="store_true", help="keep bakerydemo's database as set up"
    )
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="side-by-side-"))
    env = run_load.bench_env(work)
    base = f"http://127.0.0.1:{args.port}"
    bakery_base = f"http://127.0.0.1:{args.port + 1}"
    servers: list[subprocess.Popen] = []
    try:
        run_load.prepare(env)
        servers.append(
            gunicorn([str(run_load.BIN / "gunicorn")], "learning_site.wsgi", args.port, ROOT, env,
                     work / "gunicorn.log")
        )  # fmt: skip
        run_load.wait_for(base + "/bench/floor")
        client, pages = learner_pages(env, base, work)
        targets = [(name, client, base + path) for name, path in pages.items()]
        if args.bakerydemo:
            path = args.bakerydemo.resolve()
            python = args.bakerydemo_python or str(path / ".venv" / "bin" / "python")
            benv = bakery_env(python, work)
            if not args.reuse_bakerydemo_db:
                prepare_bakery(path, python, benv)
            servers.append(
                gunicorn([python, "-m", "gunicorn"], "bakerydemo.wsgi", args.port + 1, path, benv,
                         work / "bakerydemo.log")
            )  # fmt: skip
            run_load.wait_for(bakery_base + "/", timeout=600)
            bakery_client = requests.Session()
            targets += [
                (name, bakery_client, bakery_base + page)
                for name, page in bakery_pages(bakery_base).items()
            ]
        medians = time_interleaved(targets, args.requests)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)

    text, ok = report(run_load.machine(), args.requests, medians, bool(args.bakerydemo))
    print("\n" + text)
    if not args.no_write:
        run_load.write_benchmarks(
            text,
            SECTION_START,
            SECTION_END,
            heading="Side by side: learner pages, the floor and Wagtail's bakerydemo\n\n`tests/bench/side_by_side.py`: see its docstring for how to run it.",
        )
        print("\nWritten to BENCHMARKS.md")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
