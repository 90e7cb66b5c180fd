"""Issue 13's 'done when', in Chromium: a partnership administrator bulk-invites 200
learners from a CSV with three bad rows (shown, fixed, imported), with JavaScript on and
off, and every page of the way passes axe-core's WCAG A and AA rules."""

import csv
import io
import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from learning_site.roles import Role
from tests.e2e.axe import assert_no_violations
from tests.e2e.browser import sign_in_with_cookie
from tests.factories import make_user

pytestmark = pytest.mark.browser


def _csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Email address", "Full name", "Agency", "Job role"])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _people():
    agencies = ["Health", "Police", "Children's social care", "Education"]
    return [
        (f"learner{n}@northshire.gov.uk", f"Learner {n}", agencies[n % 4], "Social worker")
        for n in range(1, 201)
    ]


def _choose_file(page: Page, name: str, data: bytes) -> None:
    page.get_by_label("CSV file").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": data}
    )


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_partnership_administrator_bulk_invites_200_learners(world, new_context, java_script):
    admin = make_user(Role.PARTNERSHIP_ADMIN, world.partnership, full_name="Pat Admin")
    context = new_context(java_script=java_script, bypass_csp=True)
    sign_in_with_cookie(context, world.base_url, admin)
    page = context.new_page()

    def check(name):
        if java_script:  # axe runs as a script in the page
            assert_no_violations(page, name)

    page.goto(world.url("/admin/invitation/"))
    page.get_by_role("link", name="Invite from a spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invite learners from a spreadsheet")
    check("bulk invite: upload")

    # A file that is not UTF-8: refused, said, and the form is still there.
    _choose_file(page, "latin1.csv", "Email address,Full name\nj@x.example,José\n".encode("cp1252"))
    page.get_by_role("button", name="Upload and check the file").click()
    expect(page.get_by_role("alert")).to_contain_text("Save the file as CSV UTF-8")
    check("bulk invite: upload with an error")

    good = _people()
    bad = list(good)
    bad[9] = ("sam.jones@", "Sam Jones", "Health", "Health visitor")
    bad[49] = ("kai.lee@northshire.gov.uk", "Kai Lee", "Fire and rescue", "Firefighter")
    bad[99] = (good[0][0], "Repeat", "Health", "Nurse")
    _choose_file(page, "learners.csv", _csv(bad))
    page.get_by_role("button", name="Upload and check the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the people in your file")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("3 rows have a problem")
    expect(summary.get_by_role("link")).to_have_count(3)
    expect(page.get_by_role("button", name=re.compile("^Import all"))).to_have_count(0)
    check("bulk invite: preview with problems")
    assert len(mail.outbox) == 0

    # Fixed in the spreadsheet and uploaded again from the preview.
    fixed = list(good)
    fixed[99] = ("learner100.b@northshire.gov.uk", "Repeat", "Health", "Nurse")
    _choose_file(page, "learners-fixed.csv", _csv(fixed))
    page.get_by_role("button", name="Upload a corrected file").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    page.get_by_role("button", name="Import all 200 rows").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invitations sent")
    expect(page.get_by_role("status").filter(has_text="invitations sent")).to_contain_text(
        "200 invitations sent."
    )
    check("bulk invite: finished")
    assert len({m.to[0] for m in mail.outbox}) == len(mail.outbox) == 200
