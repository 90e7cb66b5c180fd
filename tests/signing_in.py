"""``Client.force_login`` as a completed sign-in, second factor included.

The site requires that a session with an authenticator passed the second factor (see
``learning_site.two_factor``). Most tests are not about signing in, so a forced login
stands for the whole allauth sign-in, code included. Tests about the second factor pass
``second_factor=False`` to get a session that gave the password only.
"""

import time

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from django.test import Client

from learning_site.two_factor import has_authenticator

_plain_force_login = Client.force_login


def force_login(self, user, backend=None, *, second_factor: bool = True):
    _plain_force_login(self, user, backend)
    now = time.time()
    records = [{"method": "password", "at": now, "email": user.email}]
    if second_factor and has_authenticator(user):
        records.append({"method": "mfa", "at": now, "type": "totp"})
    session = self.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def install() -> None:
    Client.force_login = force_login
