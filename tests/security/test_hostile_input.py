"""Hostile input never 500s: every URL of ours, every role, hostile values everywhere.

Built on the role x URL matrix (``tests/access.py``): the same URLconf walk, the same
world and the same URL arguments. For each URL and role:

* each path argument is replaced by hostile values; the URL's converter decides which can
  reach the view (``reverse`` refuses the rest, as the resolver would);
* a probe request records which query and form keys the view actually reads, and those
  keys (plus a generic set) are sent hostile values, all together and one at a time;
* where the view takes POST, the same hostile values are posted to its form.

Every page of ours that Wagtail serves (modules, lessons, scenarios, the research
section) gets the same treatment. The answer must be a 4xx or a page, never a 500. A new
URL is walked as soon as it is in the URLconf with an access case.
"""

from contextlib import contextmanager
from urllib.parse import quote, urlencode

import pytest
from django.db import transaction
from django.http import QueryDict
from django.urls import NoReverseMatch, reverse

from tests.access import OUR_APPS, ROLES, build_world, load_cases, our_url_patterns

CASES, _ = load_cases()
URL_NAMES = sorted(name for name, _ in our_url_patterns())

HUGE = "99999999999999999999"  # 10**20 - 1: more than any database integer
LONG = "x" * 10_000
RTL = "\u202eevil"  # right-to-left override
# Path arguments: the converter lets through what fits it (digits for <id:>, and so on).
PATH_VALUES = (
    "0",
    "-1",
    str(2**63),
    HUGE,
    "²",  # a Unicode digit: str.isdigit() says yes, int() says no
    '"',
    "a OR b NEAR c*",
    RTL,
    "\x00",
    LONG,
    "00000000-0000-0000-0000-000000000000",
)
# Query string and form values.
QUERY_VALUES = (
    '"',
    "a OR b NEAR c*",
    "9999-12-31",
    "0001-01-01",
    "\x00",
    LONG,
    "-1",
    HUGE,
    "²",
    RTL,
    "' OR 1=1 --",
)
# Keys tried on every URL, whether or not the probe saw the view read them.
GENERIC_KEYS = (
    "q",
    "page",
    "date_from",
    "date_to",
    "module",
    "agency",
    "partnership",
    "job_role",
    "sort",
    "wave",
    "show",
    "topic",
    "evidence",
    "next",
    "code",
)

PROBE = {"probe": "1"}


# --- the world, built once per module ----------------------------------------------------
@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The access matrix's world, built once and rolled back at the end. Each test runs
    in its own savepoint inside it (pytest-django's ``db``), and so does each request."""
    from learning_site.demo import seed_home_page

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world(seed_home_page())
        transaction.set_rollback(True)


# --- recording which keys a view reads ---------------------------------------------------
class KeyRecorder:
    """Wraps QueryDict's read methods so a request tells us which GET and POST keys the
    view (or its form) looked at."""

    METHODS = ("get", "getlist", "__getitem__", "__contains__")

    def __init__(self, monkeypatch):
        self.reads: list[tuple[QueryDict, str]] = []
        self.on = False
        for method in self.METHODS:
            original = getattr(QueryDict, method)
            monkeypatch.setattr(QueryDict, method, self._wrap(original))

    def _wrap(self, original):
        def recording(query_dict, key, *args, **kwargs):
            if self.on and isinstance(key, str):
                self.reads.append((query_dict, key))
            return original(query_dict, key, *args, **kwargs)

        return recording

    @contextmanager
    def recording(self):
        self.reads, self.on = [], True
        try:
            yield
        finally:
            self.on = False

    def keys_of(self, query_dict) -> set[str]:
        return {key for seen, key in self.reads if seen is query_dict}


@pytest.fixture
def recorder(monkeypatch):
    return KeyRecorder(monkeypatch)


# --- requests ---------------------------------------------------------------------------
class Walk:
    def __init__(self, client, world, recorder):
        self.client = client
        self.world = world
        self.recorder = recorder
        self.client.raise_request_exception = False
        self.failures: list[str] = []
        self.role = "anonymous"

    def sign_in(self, role: str) -> None:
        self.role = role
        self.client.logout()
        user = getattr(self.world, role)
        if user is not None:
            self.client.force_login(user)

    def request(self, method: str, url: str, data=None):
        # Each request in its own savepoint: a hostile POST that deletes or leaves
        # something must not change the world for the next request.
        with transaction.atomic():
            if method == "post":
                response = self.client.post(url, data or {})
            else:
                response = self.client.get(url)
            transaction.set_rollback(True)
        if response.status_code >= 500:
            error = response.exc_info[1] if response.exc_info else None
            self.failures.append(
                f"{self.role} {method.upper()} {_short(url)} {_short(str(data or ''))} "
                f"-> {response.status_code} {type(error).__name__}: {_short(str(error))}"
            )
        return response

    def probe(self, method: str, url: str) -> tuple[int, set[str]]:
        """The status of a harmless request and the keys the view read. It carries one
        unknown key, so that a view doing ``Form(request.GET or None)`` binds its form."""
        with self.recorder.recording():
            if method == "get":
                response = self.request(method, f"{url}?{urlencode(PROBE)}")
            else:
                response = self.request(method, url, PROBE)
            request = response.wsgi_request
            source = request.GET if method == "get" else getattr(request, "_post", None)
            keys = self.recorder.keys_of(source) if source is not None else set()
        return response.status_code, keys - set(PROBE)

    def hostile_path(self, name: str, kwargs: dict, method: str) -> None:
        for param in kwargs:
            for value in PATH_VALUES:
                try:
                    url = reverse(name, kwargs={**kwargs, param: value})
                except NoReverseMatch:
                    continue  # the converter stops it before any view runs
                if method == "post":
                    self.sign_in(self.role)
                self.request(method, url)

    def hostileurlencode(self, url: str, read: set[str]) -> None:
        for params in hostile_params(read, alone=True):
            self.request("get", f"{url}?{urlencode(params)}")

    def hostile_post(self, url: str, read: set[str]) -> None:
        for params in hostile_params(read, alone=False):
            self.sign_in(self.role)  # a POST may have signed the person out
            self.request("post", url, params)

    def everything(self, url: str, name: str | None = None, kwargs: dict | None = None):
        """Hostile path arguments (for a named URL), query strings and, where the view
        takes POST, form data, as the current role."""
        get_status, read_get = self.probe("get", url)
        post_status, read_post = self.probe("post", url)
        if name is not None and kwargs:
            self.hostile_path(name, kwargs, "post" if get_status == 405 else "get")
        self.hostileurlencode(url, read_get)
        if post_status != 405:
            self.hostile_post(url, read_post)


def hostile_params(read: set[str], *, alone: bool) -> list[dict[str, str]]:
    """The query strings or forms to send, given the keys the view read in the probe.

    A view that read nothing (it turned the person away, or takes no input) cannot act
    on the values, so it gets a short round: three requests in which the generic keys
    take different values. A view that read keys gets every value in every key at once
    (for faults that need two fields, like a period from and to 9999-12-31), then the
    values rotating between the keys; with ``alone``, also each key it read on its own,
    so that one key's error (a topic that matches nothing) cannot hide another's (a
    search that breaks).
    """
    # Formset management forms (TOTAL_FORMS and the like) are Django's and Wagtail's
    # machinery, not a field of ours: forged, Django builds up to 2,000 admin forms (half
    # a minute, then a page), and django-modelcluster answers an INITIAL_FORMS larger
    # than the ids posted with KeyError, which its maintainers prefer to guessing
    # (wagtail/django-modelcluster#26). So they are left as the probe found them.
    read = {key for key in read if not key.endswith("_FORMS")}
    keys = sorted({*GENERIC_KEYS, *read})
    n = len(QUERY_VALUES)
    rotated = [
        {key: QUERY_VALUES[(shift + index) % n] for index, key in enumerate(keys)}
        for shift in range(n)
    ]
    if not read:
        return rotated[:3]
    same = [dict.fromkeys(keys, value) for value in QUERY_VALUES]
    one_at_a_time = [{key: value} for key in sorted(read) for value in QUERY_VALUES]
    return same + rotated + (one_at_a_time if alone else [])


def _short(text: str) -> str:
    return text if len(text) < 120 else text[:80] + f"…({len(text)} characters)"


# --- the walk ---------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", URL_NAMES)
def test_url_never_500s_on_hostile_input(client, world, recorder, name, role):
    walk = Walk(client, world, recorder)
    kwargs = CASES[name].kwargs(world)
    walk.sign_in(role)
    walk.everything(reverse(name, kwargs=kwargs), name, kwargs)
    assert not walk.failures, "\n".join(walk.failures)


def _our_pages() -> dict[str, str]:
    """One live page of each of our page types (pages of a type share their code)."""
    from wagtail.models import Page

    pages = {}
    for page in Page.objects.live().specific().order_by("path"):
        if type(page)._meta.app_label in OUR_APPS:
            pages.setdefault(type(page).__name__, page.url)
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_our_wagtail_pages_never_500_on_hostile_input(client, world, recorder, role):
    walk = Walk(client, world, recorder)
    pages = _our_pages()
    assert {"HomePage", "CoursePage", "LessonPage", "ScenarioPage", "DigestIndexPage"} <= set(pages)
    walk.sign_in(role)
    for url in pages.values():
        walk.everything(url)
    for value in PATH_VALUES:
        walk.request("get", f"/{quote(value, safe='')}/")  # no such page: 404
    assert not walk.failures, "\n".join(walk.failures)
