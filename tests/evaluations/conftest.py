import datetime

import pytest

from evaluations.schedule import LONDON
from tests.courses.conftest import build_course
from tests.evaluations.factories import make_instrument, use_everywhere

# A Monday in January: London is on GMT.
COMPLETED = datetime.datetime(2026, 1, 12, 14, 30, tzinfo=LONDON)


@pytest.fixture
def instrument(db):
    instrument = make_instrument()
    use_everywhere(instrument)
    return instrument


@pytest.fixture
def module(home_page):
    course, _, _ = build_course(home_page, slug="evaluated-module")
    return course
