import uuid

import pytest

from tests.learning_records import lrs


@pytest.fixture(scope="session")
def lrs_server():
    """One ralph LRS for the session; each test uses its own site address (below), so
    its statement ids and activities are its own in the shared store."""
    if not lrs.installed():
        pytest.skip("ralph is not installed (.ci/setup-lrs)")
    server = lrs.LearningRecordStoreServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def own_site_address(settings):
    """Statement ids are UUID v5 in a namespace made from the site address: a test of its
    own address cannot collide with another test's rows of the same primary key."""
    settings.WAGTAILADMIN_BASE_URL = f"http://site-{uuid.uuid4().hex[:12]}.test"


@pytest.fixture
def store(partnership, lrs_server):
    from learning_site.learning_records.models import LearningRecordStore

    return LearningRecordStore.objects.create(
        partnership=partnership,
        endpoint=lrs_server.endpoint,
        username=lrs_server.username,
        secret=lrs_server.password,
    )
