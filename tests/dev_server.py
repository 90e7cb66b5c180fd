"""The site as `make run` serves it (DEBUG on), for tests of what development serves."""

import importlib

import pytest
from django.urls import clear_url_caches


def _reload_urls():
    import learning_site.urls

    importlib.reload(learning_site.urls)
    clear_url_caches()


@pytest.fixture
def dev_server(settings):
    """DEBUG on and the URLconf built again under it (it is read once, at import)."""
    settings.DEBUG = True
    _reload_urls()
    yield
    settings.DEBUG = False
    _reload_urls()
