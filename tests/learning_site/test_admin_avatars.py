"""Admin avatars never come from Gravatar: the site runs offline and the admin's policy
allows images from our own origin only (issue 16, item 8)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_admin_draws_no_gravatar(client, trainer):
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html.lower()
    assert "default-user-avatar" in html  # Wagtail's own picture, from our static files
