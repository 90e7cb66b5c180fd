import pytest

from learning_site.roles import Role
from tests import signing_in
from tests.factories import make_partnership, make_user

signing_in.install()


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters and cached site roots live in the cache; start each test clean.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def partnership(db):
    return make_partnership("Northshire Safeguarding Children Partnership")


@pytest.fixture
def other_partnership(db):
    return make_partnership("Riverside Safeguarding Children Partnership")


@pytest.fixture
def learner(partnership):
    return make_user(Role.LEARNER, partnership, full_name="Lee Learner")


@pytest.fixture
def other_learner(other_partnership):
    return make_user(Role.LEARNER, other_partnership, full_name="Olu Otherplace")


@pytest.fixture
def trainer(partnership):
    return make_user(Role.TRAINER, partnership, full_name="Tara Trainer")


@pytest.fixture
def other_trainer(other_partnership):
    return make_user(Role.TRAINER, other_partnership, full_name="Toby Elsewhere")


@pytest.fixture
def board_member(partnership):
    return make_user(Role.BOARD_MEMBER, partnership, full_name="Bea Board")


@pytest.fixture
def other_board_member(other_partnership):
    return make_user(Role.BOARD_MEMBER, other_partnership, full_name="Ben Elsewhere")


@pytest.fixture
def administrator(partnership):
    return make_user(Role.ADMINISTRATOR, partnership, full_name="Ada Admin")


@pytest.fixture
def home_page(db):
    from learning_site.demo import seed_home_page

    return seed_home_page()


@pytest.fixture(scope="module")
def _demo_seeded_for_module(django_db_setup, django_db_blocker):
    """``seed_demo`` once for a whole test module (it takes seconds), inside a transaction
    that is rolled back after the module's last test. Each test runs in a savepoint
    within it (pytest-django's ``db``), so what one test changes never reaches the next."""
    from django.core.management import call_command
    from django.db import transaction

    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            call_command("seed_demo", "--force", verbosity=0)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo_site(_demo_seeded_for_module, db, settings):
    """The seeded demo site, as ``make run`` shows it (DEBUG on, as the demo runs)."""
    settings.DEBUG = True


@pytest.fixture
def enrolled(client, learner, home_page):
    """A learner signed in, enrolled on the test module (tests/courses/conftest.py) and
    with its first lesson opened: (module, lesson 1, lesson 2)."""
    from tests.courses.conftest import build_course
    from tests.courses.test_completion import enrol_and_start

    course, lesson1, lesson2 = build_course(home_page)
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    return course, lesson1, lesson2
