from tests.access import FORBIDDEN, NOT_FOUND, OK, REDIRECT, AccessCase, everyone, signed_in_only

CASES = {
    "healthz": AccessCase(everyone(OK)),
    "service_status": AccessCase(everyone(OK)),
    "favicon": AccessCase(everyone(REDIRECT)),
    # Each role lands somewhere different after signing in.
    "landing": AccessCase(signed_in_only(REDIRECT)),
    "profile": AccessCase(signed_in_only(OK)),
    # Finding your organisation's single sign-on button: a public page, like sign-in.
    "organisation_sign_in": AccessCase(everyone(OK)),
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

CASES["learning_site_reset_two_factor"] = AccessCase(
    # Wagtail's admin answers a refusal by sending the person back with a message (302);
    # only administrators may reset someone's second factor.
    everyone(REDIRECT, administrator=OK),
    kwargs=lambda world: {"user_id": world.learner.pk},
)


def build_world(world):
    from learning_site.models import AuditEvent, Invitation, record_event

    world.open_invitation = Invitation.objects.create(
        partnership=world.partnership, email="invited@council.gov.uk", role="Learner"
    )
    world.audit_event = record_event(
        AuditEvent.Action.REPORT_VIEWED, actor=world.board_member, partnership=world.partnership
    )


# The invitation link: a signed-out person gets the form to make their account; anyone
# signed in as another address is refused, and nothing changes.
CASES["accept_invitation"] = AccessCase(
    everyone(FORBIDDEN, anonymous=OK),
    kwargs=lambda world: {"token": world.open_invitation.token()},
)

# Setting up partnerships and people: platform administrators (partnership
# administrators, not a role of the matrix, are tested in test_partnership_admin.py).
# Wagtail sends everyone else away with a message (302).
PLATFORM_ADMIN_SCREEN = everyone(REDIRECT, administrator=OK)
for _name, _kwargs in {
    "partnership:index": None,
    "partnership:index_results": None,
    "partnership:edit": lambda w: {"pk": w.partnership.pk},
    "partnership:delete": lambda w: {"pk": w.partnership.pk},
    "invitation:index": None,
    "invitation:index_results": None,
    "invitation:add": None,
    "invitation:edit": lambda w: {"pk": w.open_invitation.pk},
    "invitation:delete": lambda w: {"pk": w.open_invitation.pk},
    "auditevent:index": None,
    "auditevent:index_results": None,
    "auditevent:inspect": lambda w: {"pk": w.audit_event.pk},
    "wagtailusers_users:add": None,
    "wagtailusers_users:edit": lambda w: {"pk": w.learner.pk},
}.items():
    CASES[_name] = AccessCase(PLATFORM_ADMIN_SCREEN, **({"kwargs": _kwargs} if _kwargs else {}))

# History and usage screens look the id up among the user's own rows (they showed any
# partnership's): a trainer, with no rows of these, finds none. Platform administrators
# only here; the audit log has neither.
for _name, _kwargs in {
    "partnership:history": lambda w: {"pk": w.partnership.pk},
    "partnership:history_results": lambda w: {"pk": w.partnership.pk},
    "partnership:usage": lambda w: {"pk": w.partnership.pk},
    "invitation:history": lambda w: {"pk": w.open_invitation.pk},
    "invitation:history_results": lambda w: {"pk": w.open_invitation.pk},
    "invitation:usage": lambda w: {"pk": w.open_invitation.pk},
}.items():
    CASES[_name] = AccessCase({**PLATFORM_ADMIN_SCREEN, "trainer": NOT_FOUND}, kwargs=_kwargs)
for _name in ("auditevent:history", "auditevent:history_results", "auditevent:usage"):
    CASES[_name] = AccessCase(
        everyone(REDIRECT, trainer=NOT_FOUND), kwargs=lambda w: {"pk": w.audit_event.pk}
    )

# Wagtail's site history lists every partnership's changes: platform administrators only.
for _name in ("site_history_guard", "site_history_results_guard"):
    CASES[_name] = AccessCase(everyone(FORBIDDEN, anonymous=REDIRECT, administrator=OK))

# Inviting learners from a spreadsheet: whoever may invite (platform administrators in
# this matrix; partnership administrators, their own partnership only, are tested in
# test_bulk_invite.py). A checked file the administrator uploaded, not yet imported.
CASES["invitation_import"] = AccessCase(PLATFORM_ADMIN_SCREEN)
CASES["invitation_import_detail"] = AccessCase(
    PLATFORM_ADMIN_SCREEN, kwargs=lambda w: {"import_id": w.invitation_import.pk}
)
_build_world_before_imports = build_world


def build_world(world):  # noqa: F811 - extends the builder above
    from learning_site.bulk_invitations import create_import, read_csv

    _build_world_before_imports(world)
    world.invitation_import = create_import(
        world.partnership,
        read_csv(b"Email address,Full name\nnew.person@council.gov.uk,New Person\n"),
        by=world.administrator,
        filename="learners.csv",
    )
