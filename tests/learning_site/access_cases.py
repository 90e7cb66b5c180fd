from tests.access import FORBIDDEN, OK, REDIRECT, AccessCase, everyone, signed_in_only

CASES = {
    "healthz": AccessCase(everyone(OK)),
    # Each role lands somewhere different after signing in.
    "landing": AccessCase(signed_in_only(REDIRECT)),
    "profile": AccessCase(signed_in_only(OK)),
    "delete_account": AccessCase(signed_in_only(OK)),
    # Anonymous: on to allauth's sign-in. Signed in with admin access: into the admin.
    # Signed in without it: refused, never bounced back to /admin/ in a loop.
    "admin_login_redirect": AccessCase(
        everyone(FORBIDDEN, anonymous=REDIRECT, trainer=REDIRECT, administrator=REDIRECT)
    ),
}

CASES["learning_site_reset_two_factor"] = AccessCase(
    # Wagtail's admin answers a refusal by sending the person back with a message (302);
    # only administrators may reset someone's second factor.
    everyone(REDIRECT, administrator=OK),
    kwargs=lambda world: {"user_id": world.learner.pk},
)
