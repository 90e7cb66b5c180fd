from tests.access import OK, REDIRECT, AccessCase, everyone, signed_in_only

CASES = {
    "healthz": AccessCase(everyone(OK)),
    # Each role lands somewhere different after signing in.
    "landing": AccessCase(signed_in_only(REDIRECT)),
    "profile": AccessCase(signed_in_only(OK)),
    "delete_account": AccessCase(signed_in_only(OK)),
    "admin_login_redirect": AccessCase(everyone(REDIRECT)),
}
