import pytest


@pytest.fixture
def course(home_page):
    from tests.courses.conftest import build_course

    return build_course(home_page)[0]


@pytest.fixture
def second_course(home_page):
    from tests.courses.conftest import build_course

    return build_course(home_page, slug="second-module")[0]
