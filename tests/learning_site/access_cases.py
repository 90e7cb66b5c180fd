from tests.access import FORBIDDEN, NOT_FOUND, OK, REDIRECT, AccessCase, everyone, signed_in_only

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
    # Public images, served by the site in development only (DEBUG); the suite runs
    # without DEBUG, like production, where the web server serves them.
    # tests/learning_site/test_files.py covers development.
    "public_media": AccessCase(
        everyone(NOT_FOUND), kwargs=lambda world: {"path": "original_images/kitchen.png"}
    ),
}
