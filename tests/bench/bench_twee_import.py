"""How long importing a large Twee file takes, on the embedded default (SQLite).

Not part of the test run. Builds a throwaway SQLite database in a temporary directory
(never the one under var/), then, for a Twee file of each size in ``--passages``, times
reading it (``parse_twee``: headers, links, metadata, HTML cleaning) and importing it as a
draft scenario (``import_twee``: the page, its nodes and choices, its first revision and
the graph check), with the SQL query count of each. ``--profile`` prints the 25 most
expensive functions of the largest import (cProfile, cumulative time).

    .venv/bin/python tests/bench/bench_twee_import.py [--passages 300 1000 2000] [--profile]

The story is a ladder of decisions, each with two choices onward (one a step further,
one two steps), every tenth passage an information node, and three endings; names have
spaces and capitals, as Twine authors write them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ENDINGS = [
    ("Safe in time", "outcome-protected-in-time"),
    ("Safe but late", "outcome-protected-late"),
    ("Still waiting", "outcome-left-in-neglect"),
]


def twee_of(passages: int) -> str:
    """A valid scenario of ``passages`` story passages (at least four)."""
    steps = passages - len(ENDINGS)
    names = [f"Visit {n}" for n in range(1, steps + 1)]
    out = [
        ":: StoryTitle",
        f"A scenario of {passages} passages",
        "",
        ":: StoryData",
        json.dumps({"ifid": "0B1E7C35-5E5A-4C1B-9D3B-8A1F6B1D2C3E", "start": names[0]}),
        "",
    ]
    for n, name in enumerate(names):
        ahead = names[n + 1] if n + 1 < steps else ENDINGS[0][0]
        further = names[n + 2] if n + 2 < steps else ENDINGS[1 + n % 2][0]
        if n % 10 == 9:
            out += [
                f':: {name} [information] {{"title":"Time passes ({n + 1})"}}',
                f"<p>Weeks go by. Visit {n + 1} of the case.</p>",
                "",
                f"[[Continue->{ahead}]]",
                "",
            ]
            continue
        meta = {
            "title": f"Decision {n + 1}",
            "case_record": f"Visit {n + 1}: the home was cold.",
            "link1_weeks": 1,
            "link1_rating": "child_focused",
            "link1_concepts": "childs-voice",
            "link1_feedback": "You saw the child.",
            "link2_weeks": 4,
            "link2_rating": "optimistic",
            "link2_feedback": "The child waited.",
        }
        out += [
            f":: {name} [decision] {json.dumps(meta)}",
            f"<p>The family at visit {n + 1}. The child is quiet.</p>",
            "",
            f"[[See the child alone->{ahead}]]",
            f"[[Accept the parents' account->{further}]]",
            "",
        ]
    for name, tag in ENDINGS:
        out += [f":: {name} [ending {tag}]", f"<p>{name}.</p>", ""]
    return "\n".join(out)


def _environment(var_dir: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "learning_site.settings.dev",
            "VAR_DIR": var_dir,
            "DEBUG": "0",
        }
    )
    for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        os.environ.pop(name, None)


def _timed(fn):
    """What ``fn`` returns, the seconds it took and the SQL queries it made."""
    from django.db import connection

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        start = time.perf_counter()
        value = fn()
        seconds = time.perf_counter() - start
    return value, seconds, queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--passages", type=int, nargs="+", default=[300, 1000, 2000])
    parser.add_argument("--profile", action="store_true", help="profile the largest import")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    var_dir = tempfile.mkdtemp(prefix="bench-twee-import-")
    (Path(var_dir) / "static").mkdir()
    _environment(var_dir)
    import django

    django.setup()
    from django.core.management import call_command

    from learning_site.demo import seed_home_page
    from scenarios.twee import import_twee, parse_twee
    from tests.scenarios.factories import make_index

    call_command("migrate", verbosity=0)
    index = make_index(seed_home_page())

    print(
        f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite; load average {load_before:.1f} before the run",
        flush=True,
    )
    print("| passages | size | read (parse_twee) | import (import_twee) | SQL queries |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for count in args.passages:
        source = twee_of(count)
        _, read_seconds, _ = _timed(lambda source=source: parse_twee(source))
        if args.profile and count == max(args.passages):
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            (page, warnings), import_seconds, queries = _timed(
                lambda source=source, profiler=profiler: profiler.runcall(
                    import_twee, source, index
                )
            )
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
        else:
            (page, warnings), import_seconds, queries = _timed(
                lambda source=source: import_twee(source, index)
            )
        assert not warnings, warnings
        assert page.nodes.count() == count
        print(
            f"| {count:,} | {len(source.encode()) / 1024:,.0f} KB | {read_seconds:.2f} s "
            f"| {import_seconds:.2f} s | {queries:,} |",
            flush=True,
        )
    print(f"Load average after the run: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
