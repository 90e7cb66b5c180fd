"""Accounts, invitations and the people and partnership screens (see tests/mass_assignment.py)."""

from learning_site.roles import Role
from tests.factories import PASSWORD
from tests.mass_assignment import FormCase, NotAForm, expected_scope, unique


def build_world(world):
    from learning_site.models import AuditEvent, Invitation, PartnershipDomain, record_event

    PartnershipDomain.objects.create(partnership=world.partnership, domain="northshire.gov.uk")
    world.open_invitation = Invitation.objects.create(
        partnership=world.partnership,
        email="invited@northshire.gov.uk",
        role=Role.LEARNER,
        invited_by=world.partnership_admin,
    )
    world.other_invitation = Invitation.objects.create(
        partnership=world.other_partnership, email="theirs@riverside.gov.uk"
    )
    world.audit_event = record_event(
        AuditEvent.Action.REPORT_VIEWED, actor=world.board_member, partnership=world.partnership
    )
    from learning_site.bulk_invitations import create_import, read_csv

    world.invitation_import = create_import(
        world.partnership,
        read_csv(b"Email address,Full name\nlisted.person@northshire.gov.uk,Listed Person\n"),
        by=world.partnership_admin,
        filename="learners.csv",
    )


def _account(email):
    from learning_site.models import User

    return User.objects.filter(email=email).first()


def _profile(world):
    return {"full_name": "Lee Learner", "agency": "health", "job_role": "Health visitor"}


def _profile_saved(world):
    world.learner.refresh_from_db()
    assert world.learner.agency == "health" and world.learner.job_role == "Health visitor"


def _sign_up(world):
    return {
        "full_name": "Sam Signup",
        "email": f"{unique('sam')}@northshire.gov.uk",
        "agency": "health",
        "job_role": "School nurse",
        "password1": "a-long-unusual-passphrase-42",
        "password2": "a-long-unusual-passphrase-42",
    }


def _signed_up(world):
    # The partnership comes from the claimed domain; the address is not verified until
    # its owner follows the emailed link, whatever the form said.
    return _account(world.posted["email"]), expected_scope(world.partnership, [Role.LEARNER])


def _invited(world):
    return {
        "full_name": "Ivy Invited",
        "agency": "health",
        "job_role": "Health visitor",
        "password1": "a-long-unusual-passphrase-42",
        "password2": "a-long-unusual-passphrase-42",
    }


def _joined_by_invitation(world):
    email = world.open_invitation.email
    # The emailed link proves the address, so it is verified; the role is the invitation's.
    return _account(email), expected_scope(world.partnership, [Role.LEARNER], verified=[email])


def _added_email_is_unverified(world):
    from allauth.account.models import EmailAddress

    added = EmailAddress.objects.get(email=world.posted["email"])
    assert added.user == world.learner and not added.verified


def _people_form(world, person):
    return {
        "email": person.email,
        "full_name": person.full_name,
        "partnership": person.partnership_id,
        "agency": person.agency,
        "job_role": person.job_role,
        "is_active": "on",
        "groups": list(person.groups.values_list("pk", flat=True)),
    }


def _new_person(world):
    return {
        "email": f"{unique('made')}@northshire.gov.uk",
        "full_name": "Made Up",
        "partnership": world.partnership.pk,
        "agency": "health",
        "job_role": "Nurse",
        "password1": "a-long-unusual-passphrase-42",
        "password2": "a-long-unusual-passphrase-42",
    }


def _nobody_made(world):
    assert _account(world.posted["email"]) is None


def _nobody_else_deleted(world):
    from learning_site.models import User

    assert not User.objects.filter(pk=world.learner.pk).exists()
    assert User.objects.filter(pk=world.other_learner.pk).exists()


def _learner_still_here(world):
    from learning_site.models import User

    assert User.objects.filter(pk=world.learner.pk).exists()


def _invitation(world):
    return {
        "email": f"{unique('new')}@northshire.gov.uk",
        "full_name": "",
        "role": Role.LEARNER,
        "partnership": world.partnership.pk,
    }


def _invitations_stay_in_own_partnership(world):
    from learning_site.models import Invitation

    made = Invitation.objects.exclude(pk__in=[world.open_invitation.pk, world.other_invitation.pk])
    assert set(made.values_list("partnership", flat=True)) <= {world.partnership.pk}
    assert not made.exclude(role__in=["Learner"]).exists()
    world.other_invitation.refresh_from_db()
    assert world.other_invitation.partnership == world.other_partnership


def _other_invitation_kept(world):
    from learning_site.models import Invitation

    assert Invitation.objects.filter(pk=world.other_invitation.pk).exists()


def _spreadsheet(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    email = f"{unique('listed')}@northshire.gov.uk"
    return {
        "partnership": world.partnership.pk,
        "file": SimpleUploadedFile(
            "people.csv", f"Email address,Full name\n{email},A Person\n".encode(), "text/csv"
        ),
    }


def _imports_stay_in_own_partnership(world):
    from learning_site.models import Invitation
    from learning_site.models.invitation_imports import InvitationImport

    imports = InvitationImport.objects.all()
    assert set(imports.values_list("partnership", flat=True)) == {world.partnership.pk}
    assert set(imports.values_list("uploaded_by", flat=True)) == {world.partnership_admin.pk}
    invited = Invitation.objects.filter(email__startswith="listed")
    assert set(invited.values_list("partnership", flat=True)) <= {world.partnership.pk}
    assert set(invited.values_list("role", flat=True)) <= {"Learner"}


def _partnership_form(name):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    return nested_form_data(
        {
            "name": name,
            "slug": "",
            "is_active": "on",
            "email_domains": inline_formset([]),
            "sign_on": inline_formset([]),
            "agencies": inline_formset([]),
            "job_roles": "",
            "send_follow_ups": "on",
            "reach_target": "80",
            "email_from_name": "",
        }
    )


def _no_partnership_named(name):
    def check(world):
        from learning_site.models import Partnership

        assert not Partnership.objects.filter(name=name).exists()
        assert Partnership.objects.filter(pk=world.partnership.pk).exists()

    return check


def _audit_log_untouched(world):
    from learning_site.models import AuditEvent

    (event,) = AuditEvent.objects.filter(action=AuditEvent.Action.REPORT_VIEWED)
    assert event.pk == world.audit_event.pk and event.actor == world.board_member


def _board_member_keeps_two_factor(world):
    from tests.factories import has_totp

    assert has_totp(world.board_member)


GET_ONLY = "A page or a redirect: it reads nothing from a POST body and saves nothing."
ALLAUTH_SIGNED_OUT = (
    "allauth's form for someone signed out (signing in, resetting a password, confirming "
    "an address by its emailed key): it identifies the person by what they type or the "
    "emailed key, and writes no partnership, group or staff flag."
)
ALLAUTH_OWN_FACTOR = (
    "allauth's two-factor form: it writes only the signed-in person's own authenticators "
    "or recovery codes, after the code is given again (tests/learning_site/"
    "test_two_factor.py); no partnership, group or staff flag is on it."
)

CASES = {
    # --- the person's own account -------------------------------------------------------
    "profile": FormCase(who="learner", data=_profile, check=_profile_saved),
    # The sign-up form names no partnership: it comes from the claimed domain.
    "account_signup": FormCase(who="anonymous", data=_sign_up, new_account=_signed_up),
    "accept_invitation": FormCase(
        who="anonymous",
        kwargs=lambda w: {"token": w.open_invitation.token()},
        data=_invited,
        new_account=_joined_by_invitation,
    ),
    "account_email": FormCase(
        who="learner",
        data=lambda w: {"action_add": "", "email": f"{unique('second')}@northshire.gov.uk"},
        check=_added_email_is_unverified,
    ),
    "account_change_password": FormCase(
        who="learner",
        data=lambda w: {
            "oldpassword": PASSWORD,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    ),
    "account_set_password": NotAForm(
        "allauth's set-password form is only for accounts without a password (ours all "
        "have one, so it redirects to the change form); it writes only the password."
    ),
    # Deleting one's own account: another person's id in the form deletes nobody else.
    "delete_account": FormCase(
        who="learner",
        data=lambda w: {"confirm": "on"},
        poster_remains=False,
        check=_nobody_else_deleted,
    ),
    "account_logout": NotAForm("Signing out: the POST has no fields that are read."),
    # Wagtail's page view, reached through learning_site.page_routing.
    "wagtail_serve": NotAForm(
        "Wagtail's pages: the forms they post to are cased by their own addresses "
        "(a lesson's checks and reflections in tests/courses/mass_assignment_cases.py)."
    ),
    "account_login": NotAForm(ALLAUTH_SIGNED_OUT),
    # Single sign-on (allauth's openid_connect provider, learning_site.single_sign_on).
    "openid_connect_login": NotAForm(
        "allauth's start of a single sign-on: it posts only where to go next and sends the "
        "browser to the partnership's provider; nothing is written from the form."
    ),
    "openid_connect_callback": NotAForm(
        "The provider's answer (a code and state, by GET): the person's partnership comes "
        "from the provider's set-up and the role is always learner "
        "(tests/learning_site/test_single_sign_on.py); nothing posted is written."
    ),
    "socialaccount_signup": NotAForm(
        "allauth's form to finish a single sign-on that could not make the account at once; "
        "our adapter gives the partnership from the provider and the learner role, never from "
        "the form, and refuses the cases that would reach it (no address, address taken)."
    ),
    "socialaccount_connections": NotAForm(
        "allauth's list of the signed-in person's own linked sign-ins: removing one writes "
        "only their own link; no partnership, group or staff flag is on it."
    ),
    "account_reauthenticate": NotAForm(ALLAUTH_SIGNED_OUT),
    "account_reset_password": NotAForm(ALLAUTH_SIGNED_OUT),
    "account_reset_password_from_key": NotAForm(ALLAUTH_SIGNED_OUT),
    "account_confirm_email": NotAForm(ALLAUTH_SIGNED_OUT),
    "account_confirm_login_code": NotAForm(ALLAUTH_SIGNED_OUT),
    "account_email_verification_sent": NotAForm(GET_ONLY),
    "mfa_authenticate": NotAForm(ALLAUTH_OWN_FACTOR),
    "mfa_reauthenticate": NotAForm(ALLAUTH_OWN_FACTOR),
    "mfa_activate_totp": NotAForm(ALLAUTH_OWN_FACTOR),
    "mfa_deactivate_totp": NotAForm(ALLAUTH_OWN_FACTOR),
    "mfa_generate_recovery_codes": NotAForm(ALLAUTH_OWN_FACTOR),
    "site_history_guard": NotAForm(
        "Wagtail's site history listing, for platform administrators only: read only."
    ),
    "site_history_results_guard": NotAForm(
        "Wagtail's site history listing, for platform administrators only: read only."
    ),
    "healthz": NotAForm(GET_ONLY),
    "favicon": NotAForm(GET_ONLY),
    "landing": NotAForm(GET_ONLY),
    "admin_login_redirect": NotAForm(GET_ONLY),
    # --- the people screens: platform administrators only; a trainer or a partnership
    # administrator posting to them (to give themselves full access, say) is refused ----
    "wagtailusers_users:edit": FormCase(
        who="trainer",
        kwargs=lambda w: {"pk": w.trainer.pk},
        data=lambda w: _people_form(w, w.trainer),
    ),
    "wagtailusers_users:add": FormCase(
        who="partnership_admin", data=_new_person, check=_nobody_made
    ),
    "wagtailusers_users:copy": FormCase(
        who="partnership_admin",
        kwargs=lambda w: {"pk": w.learner.pk},
        data=_new_person,
        check=_nobody_made,
    ),
    "wagtailusers_users:delete": FormCase(
        who="trainer",
        kwargs=lambda w: {"pk": w.learner.pk},
        data=lambda w: {},
        check=_learner_still_here,
    ),
    "learning_site_reset_two_factor": FormCase(
        who="trainer",
        kwargs=lambda w: {"user_id": w.board_member.pk},
        data=lambda w: {},
        check=_board_member_keeps_two_factor,
    ),
    # --- invitations: a partnership administrator invites to their own partnership, with
    # a role below platform administrator -----------------------------------------------
    "invitation:add": FormCase(
        who="partnership_admin", data=_invitation, check=_invitations_stay_in_own_partnership
    ),
    # Inviting from a spreadsheet: into their own partnership, whatever the form says.
    "invitation_import": FormCase(
        who="partnership_admin", data=_spreadsheet, check=_imports_stay_in_own_partnership
    ),
    "invitation_import_detail": FormCase(
        who="partnership_admin",
        kwargs=lambda w: {"import_id": w.invitation_import.pk},
        data=lambda w: {"action": "import_good"},
        check=_imports_stay_in_own_partnership,
    ),
    "invitation:edit": FormCase(
        who="partnership_admin",
        kwargs=lambda w: {"pk": w.open_invitation.pk},
        data=lambda w: {
            "email": w.open_invitation.email,
            "full_name": "",
            "role": Role.LEARNER,
            "partnership": w.partnership.pk,
        },
        check=_invitations_stay_in_own_partnership,
    ),
    "invitation:delete": FormCase(
        who="partnership_admin",
        kwargs=lambda w: {"pk": w.other_invitation.pk},
        data=lambda w: {},
        accepted=(302, 403, 404),
        check=_other_invitation_kept,
    ),
    # --- partnerships: set up by platform administrators ----------------------------------
    "partnership:add": FormCase(
        who="partnership_admin",
        data=lambda w: _partnership_form("Smuggled Partnership"),
        check=_no_partnership_named("Smuggled Partnership"),
    ),
    "partnership:copy": FormCase(
        who="partnership_admin",
        kwargs=lambda w: {"pk": w.partnership.pk},
        data=lambda w: _partnership_form("Copied Partnership"),
        accepted=(302, 403),
        check=_no_partnership_named("Copied Partnership"),
    ),
    "partnership:delete": FormCase(
        who="partnership_admin",
        kwargs=lambda w: {"pk": w.partnership.pk},
        data=lambda w: {},
        accepted=(302, 403),
        check=_no_partnership_named("(none)"),
    ),
    "partnership:edit": NotAForm(
        "A partnership administrator edits their own partnership's name, claimed domains, "
        "agencies and job roles; its switch and address are taken off their form, another "
        "partnership's is refused and a domain another partnership has claimed is refused "
        "(tests/learning_site/test_partnership_admin.py). Nobody's own partnership or "
        "roles are on it."
    ),
    # --- the audit log is read-only ---------------------------------------------------------
    **{
        f"auditevent:{action}": FormCase(
            who="partnership_admin",
            kwargs=(lambda w: {"pk": w.audit_event.pk}) if action != "add" else (lambda w: {}),
            data=lambda w: {"action": "report_viewed", "actor_email": ""},
            accepted=(302, 403),
            check=_audit_log_untouched,
        )
        for action in ("add", "edit", "delete")
    },
}
