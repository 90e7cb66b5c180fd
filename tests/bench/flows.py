"""What a benchmark learner does, one flow after another, found by following the site's
own links and forms (so the flows use whatever content exists when the bench runs).

A flow is a function ``flow(user)`` taking the locust user; add one by appending it to
``FLOWS``. A flow whose links are not on the site (the feature is not built yet, or has no
published content) returns without a request, so the list can name features ahead of
them. Requests are named by what they are ("scenario step: answer"), not by URL, so
locust's table groups them.
"""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

PASSWORD = "bench-password-2026"  # noqa: S105 - only in the throwaway bench database
LEARNERS = 100


def learner_email(n: int) -> str:
    return f"bench-learner-{n % LEARNERS:03d}@northshire.example"


# --- HTML reading ----------------------------------------------------------------------
class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.forms: list[dict] = []
        self._link: list | None = None
        self._form: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self._link = [a["href"], ""]
        elif tag == "form":
            self._form = {
                "action": a.get("action") or "",
                "method": (a.get("method") or "get").lower(),
                "hidden": {},
                "radios": {},
                "checkboxes": {},
                "textareas": [],
                "texts": [],
                "selects": {},
            }
            self.forms.append(self._form)
        elif self._form is not None and tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind == "hidden":
                self._form["hidden"][a["name"]] = a.get("value") or ""
            elif kind == "radio":
                self._form["radios"].setdefault(a["name"], []).append(a.get("value") or "")
            elif kind == "checkbox":
                self._form["checkboxes"].setdefault(a["name"], []).append(a.get("value") or "on")
            elif kind in {"text", "email", "number"}:
                self._form["texts"].append(a["name"])
        elif self._form is not None and tag == "textarea" and a.get("name"):
            self._form["textareas"].append(a["name"])
        elif self._form is not None and tag == "select" and a.get("name"):
            self._form["selects"][a["name"]] = []
            self._select = a["name"]
        elif self._form is not None and tag == "option" and getattr(self, "_select", None):
            value = a.get("value")
            if value:
                self._form["selects"][self._select].append(value)

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        elif tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data


def read(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def path_of(url: str) -> str:
    parsed = urlparse(url)
    return parsed.path + (f"?{parsed.query}" if parsed.query else "")


# --- Requests --------------------------------------------------------------------------
def get(user, path: str, name: str) -> tuple[str, str]:
    """GET a page (following redirects); returns (final path, html)."""
    with user.client.get(path, name=name, headers=user.headers, catch_response=True) as r:
        if r.status_code != 200:
            r.failure(f"{name}: {r.status_code} for {path}")
            return path, ""
        return path_of(r.url or path), r.text or ""


def post(user, path: str, data: dict, name: str) -> str | None:
    """POST a form without following the redirect; returns the redirect target."""
    headers = {**user.headers, "Referer": user.host + path}
    with user.client.post(
        path, data=data, name=name, headers=headers, allow_redirects=False, catch_response=True
    ) as r:
        if r.status_code in (301, 302, 303):
            return path_of(urljoin(user.host + path, r.headers.get("Location", "")))
        if r.status_code == 200:
            return None  # the form came back (e.g. with a message); not an error
        r.failure(f"{name}: {r.status_code} for {path}")
        return None


def link(html: str, pattern: str, text: str = "") -> str | None:
    found = [
        href
        for href, label in read(html).links
        if re.search(pattern, href) and (not text or text.lower() in label.lower())
    ]
    return random.choice(found) if found else None  # noqa: S311 - not security


def form(html: str, action_pattern: str) -> dict | None:
    for f in read(html).forms:
        if f["method"] == "post" and re.search(action_pattern, f["action"]):
            return f
    return None


# --- Flows -----------------------------------------------------------------------------
def sign_in(user) -> None:
    path, html = get(user, "/accounts/login/", "sign in: page")
    f = form(html, r"/accounts/login/")
    if f is None:
        return
    data = {**f["hidden"], "login": user.email, "password": PASSWORD}
    target = post(user, "/accounts/login/", data, "sign in: submit")
    if target:
        get(user, target, "sign in: landing")


def home_and_learning(user) -> None:
    _, html = get(user, "/", "home")
    user.home_html = html
    mine = link(html, r"^/learning/$")
    if mine:
        get(user, mine, "my learning")


def read_module(user) -> None:
    index = link(getattr(user, "home_html", ""), r".", text="Modules")
    if not index:
        return
    _, html = get(user, index, "modules: index")
    module = link(html, r"^" + re.escape(index) + r"[\w-]+/$")
    if not module:
        return
    _, html = get(user, module, "modules: module page")
    enrol = form(html, r"/enrol/$")
    if enrol is not None:
        target = post(user, enrol["action"], enrol["hidden"], "modules: enrol")
        if target:
            _, html = get(user, target, "modules: module page")
    lesson = link(html, r"^" + re.escape(module) + r"[\w-]+/$")
    if lesson:
        get(user, lesson, "modules: lesson page")


def play_scenario(user, max_steps: int = 12) -> None:
    index = link(getattr(user, "home_html", ""), r".", text="Scenarios")
    if not index:
        return
    _, html = get(user, index, "scenarios: index")
    scenario = link(html, r"^" + re.escape(index) + r"[\w-]+/$")
    if not scenario:
        return
    _, html = get(user, scenario, "scenarios: scenario page")
    start = form(html, r"/start/$")
    if start is None:
        return
    target = post(user, start["action"], start["hidden"], "scenarios: start")
    for _ in range(max_steps):
        if not target or "/debrief/" in target:
            break
        _, html = get(user, target, "scenarios: step page")
        move = form(html, r"/move/$")
        if move is None:
            break
        data = dict(move["hidden"])
        for name, values in move["radios"].items():
            data[name] = random.choice(values)  # noqa: S311 - not security
        target = post(user, move["action"], data, "scenarios: step answer")
    if target and "/debrief/" in target:
        get(user, target, "scenarios: debrief")


def read_digest(user) -> None:
    index = link(getattr(user, "home_html", ""), r".", text="Research")
    if not index:
        return
    _, html = get(user, index, "research: index")
    digest = link(html, r"^" + re.escape(index) + r"[\w-]+/$")
    if digest:
        get(user, digest, "research: digest page")


def answer_survey(user) -> None:
    """Open a survey linked from "My learning" and send the first answer of each question."""
    _, html = get(user, "/learning/", "my learning")
    survey = link(html, r"^/surveys/")
    if not survey:
        return
    path, html = get(user, survey, "surveys: survey page")
    f = form(html, r".*")
    if f is None:
        return
    data = dict(f["hidden"])
    for name, values in f["radios"].items():
        data[name] = values[0]
    for name, values in f["selects"].items():
        if values:
            data[name] = values[0]
    for name in f["textareas"]:
        data[name] = "Bench answer: the plan now names who checks the children's meals."
    post(user, f["action"] or path, data, "surveys: answer")


FLOWS = [home_and_learning, read_module, play_scenario, read_digest, answer_survey]
