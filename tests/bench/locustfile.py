"""Locust users for tests/bench/run_load.py (run there; not part of the test suite).

``FloorUser`` asks for /bench/floor (a view that only returns "ok") back to back;
``LearnerUser`` starts with a session made by run_load.py and runs the learner flows in ``flows.py`` back to back.
No think time: 100 users each with one request in flight measure what the server can do.
"""

import itertools
import json
import os
import sys
from http.cookiejar import Cookie
from pathlib import Path

from locust import FastHttpUser, constant, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench import flows  # noqa: E402

_numbers = itertools.count()


def _sessions() -> dict:
    with open(os.environ["BENCH_SESSIONS"]) as handle:
        return json.load(handle)


def _cookie(name: str, value: str, domain: str) -> Cookie:
    return Cookie(
        0, name, value, None, False, domain, False, False, "/", True, False, None, False,
        None, None, {},
    )  # fmt: skip


class FloorUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def floor(self):
        self.client.get("/bench/floor", name="floor")


class LearnerUser(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        n = next(_numbers)
        self.email = flows.learner_email(n)
        # Behind the load balancer each learner has their own address (TRUSTED_PROXY_COUNT=1
        # in the bench), so allauth's per-address sign-in limits apply per learner.
        self.headers = {"X-Forwarded-For": f"198.51.100.{n % 250 + 1}"}
        # Signed in already: a session made by run_load.py for this learner.
        sessions = _sessions()
        key = sessions["keys"][n % len(sessions["keys"])]
        domain = self.host.split("//", 1)[1].split(":")[0]
        self.client.cookiejar.set_cookie(_cookie(sessions["cookie"], key, domain))

    @task
    def learner_flow(self):
        for flow in flows.FLOWS:
            flow(self)
