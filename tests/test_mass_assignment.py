"""Post every form of ours with hostile scope-bearing fields (see tests/mass_assignment.py).

The URL walk includes more than the access matrix's: Wagtail's own views for models of
ours (snippet add and copy, the chooser's create tab, the people screens) and allauth's
account forms, since a signed-in person submits those too. A function view with no
``require_http_methods`` counts as accepting POST.
"""

import importlib
import pkgutil
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page

import tests
from learning_site.models import Agency, PartnershipAgency
from learning_site.roles import Role
from tests.factories import make_partnership, make_user
from tests.mass_assignment import FormCase, NotAForm, hostile_fields, scope_of

OUR_APPS = (
    "learning_site",
    "courses",
    "scenarios",
    "research_digest",
    "evaluations",
    "learning_records",
)
# Names a person could post to set their own scope, whatever the form.
SCOPE_FIELD_NAMES = {"partnership", "groups", "is_staff", "is_superuser", "user", "owner"}


# --- the walk -----------------------------------------------------------------------------
def _allowed_methods(view) -> set[str] | None:
    """The methods ``require_http_methods`` lets through, found in its closure; None if
    the view does not restrict them."""
    while view is not None:
        for cell in getattr(view, "__closure__", None) or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if (
                isinstance(value, list | tuple | set | frozenset)
                and value
                and all(isinstance(m, str) and m.isupper() for m in value)
            ):
                return set(value)
        view = getattr(view, "__wrapped__", None)
    return None


def accepts_post(callback) -> bool:
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return "post" in view_class.http_method_names and hasattr(view_class, "post")
    methods = _allowed_methods(callback)
    return methods is None or "POST" in methods


def _is_ours(callback) -> bool:
    view_class = getattr(callback, "view_class", None)
    module = getattr(view_class or callback, "__module__", "") or ""
    model = (getattr(callback, "view_initkwargs", None) or {}).get("model")
    if isinstance(model, str):
        app_label = model.split(".")[0]
    else:
        app_label = getattr(getattr(model, "_meta", None), "app_label", None)
    return (
        module.split(".")[0] in OUR_APPS or app_label in OUR_APPS or module.startswith("allauth.")
    )


def posting_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from posting_urls(pattern, ns)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name
            and _is_ours(pattern.callback)
            and accepts_post(pattern.callback)
        ):
            yield f"{namespace}{pattern.name}"


def posting_pages():
    """Page types of ours that answer POST themselves (their own ``serve`` or ``route``)."""
    for model in apps.get_models():
        if not issubclass(model, Page) or model._meta.app_label not in OUR_APPS:
            continue
        if model.serve is not Page.serve or model.route is not Page.route:
            yield f"page:{model._meta.label}"


def _all_cases():
    cases, builders = {}, []
    for info in pkgutil.iter_modules(tests.__path__):
        try:
            module = importlib.import_module(f"tests.{info.name}.mass_assignment_cases")
        except ModuleNotFoundError:
            continue
        cases.update(module.CASES)
        if hasattr(module, "build_world"):
            builders.append(module.build_world)
    return cases, builders


CASES, BUILDERS = _all_cases()
FORM_CASES = sorted(name for name, case in CASES.items() if isinstance(case, FormCase))


def test_every_form_of_ours_has_a_mass_assignment_case():
    missing = sorted((set(posting_urls()) | set(posting_pages())) - set(CASES))
    assert not missing, (
        f"Add these to a mass_assignment_cases.py (a FormCase, or NotAForm saying why): {missing}"
    )


def test_every_case_names_a_form_that_exists():
    known = set(posting_urls()) | set(posting_pages())
    assert not sorted(set(CASES) - known)


def test_the_walk_finds_forms_of_every_kind():
    """The walk itself: our views, Wagtail's views for our models, allauth, pages."""
    found = set(posting_urls()) | set(posting_pages())
    assert {
        "profile",
        "account_signup",
        "journal_new",
        "wagtailsnippets_evaluations_instrument:add",
        "wagtailsnippetchoosers_evaluations_measure:create",
        "page:courses.LessonPage",
    } <= found
    # GET-only views are left out.
    assert "reports_home" not in found and "evaluations:trainer_counts" not in found
    for reason in (c.reason for c in CASES.values() if isinstance(c, NotAForm)):
        assert len(reason) > 20


def test_no_page_editor_of_ours_offers_a_scope_bearing_field(db):
    """Trainers edit pages in Wagtail's page editor: no page type of ours puts a
    partnership, owner, group or user on it."""
    for model in apps.get_models():
        if issubclass(model, Page) and model._meta.app_label in OUR_APPS:
            form_class = model.get_edit_handler().get_form_class()
            assert not SCOPE_FIELD_NAMES & set(form_class.base_fields), model


# --- posting the forms --------------------------------------------------------------------
@pytest.fixture
def world(db, home_page):
    partnership = make_partnership("Northshire Safeguarding Children Partnership")
    other = make_partnership("Riverside Safeguarding Children Partnership")
    # Northshire has its own list of agencies; the police are not on it.
    for kind in (Agency.CHILDRENS_SOCIAL_CARE, Agency.HEALTH):
        PartnershipAgency.objects.create(partnership=partnership, kind=kind)
    PartnershipAgency.objects.create(partnership=other, kind=Agency.POLICE)
    world = SimpleNamespace(
        home=home_page,
        partnership=partnership,
        other_partnership=other,
        foreign_agency=Agency.POLICE,
        administrator_group=Group.objects.get(name=str(Role.ADMINISTRATOR)),
        anonymous=None,
        learner=make_user(Role.LEARNER, partnership),
        other_learner=make_user(Role.LEARNER, other),
        trainer=make_user(Role.TRAINER, partnership),
        other_trainer=make_user(Role.TRAINER, other),
        board_member=make_user(Role.BOARD_MEMBER, partnership),
        partnership_admin=make_user(Role.PARTNERSHIP_ADMIN, partnership),
        administrator=make_user(Role.ADMINISTRATOR, partnership),
    )
    for build in BUILDERS:
        build(world)
    return world


def _post(client, world, case, url, data):
    client.logout()
    if case.who != "anonymous":
        client.force_login(getattr(world, case.who))
    world.posted = data
    return client.post(url, data)


def _assert_nothing_changed(world, case, before, poster):
    if case.poster_remains and poster is not None:
        assert scope_of(poster) == before
        poster.refresh_from_db()
        assert poster.agency != world.foreign_agency
    if case.new_account is not None:
        made = case.new_account(world)
        if made is not None and made[0] is not None:
            account, expected = made
            assert scope_of(account) == expected
            assert account.agency != world.foreign_agency
    # Nobody else in the world was touched either.
    for name in ("other_learner", "other_trainer", "learner", "trainer"):
        person = getattr(world, name)
        if person is not poster:
            assert scope_of(person) == world.scopes_before[name], name
    case.check(world)


@pytest.mark.parametrize("name", FORM_CASES)
def test_hostile_fields_change_nothing(client, world, name):
    case = CASES[name]
    world.client = client
    poster = getattr(world, case.who)
    before = scope_of(poster) if poster is not None else None
    world.scopes_before = {
        n: scope_of(getattr(world, n))
        for n in ("other_learner", "other_trainer", "learner", "trainer")
    }
    url = case.url(world) if case.url else reverse(name, kwargs=case.kwargs(world))
    hostile = hostile_fields(world)

    # The valid form with every hostile field it does not have: still accepted.
    if case.who != "anonymous":
        client.force_login(poster)
    valid = case.data(world)
    extras = {key: value for key, value in hostile.items() if key not in valid}
    response = _post(client, world, case, url, {**valid, **extras})
    assert response.status_code in case.accepted, (name, response.status_code)
    _assert_nothing_changed(world, case, before, poster)

    # Each scope-bearing field the form does have, given a value that is not theirs.
    for key in sorted(set(hostile) & set(valid)):
        if case.who != "anonymous":
            client.force_login(poster)
        valid = case.data(world)
        _post(client, world, case, url, {**valid, key: hostile[key]})
        _assert_nothing_changed(world, case, before, poster)
