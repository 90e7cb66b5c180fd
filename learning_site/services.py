"""Operations on accounts that span models."""

from django.db import transaction
from django.dispatch import Signal

# Sent before a user is deleted, so each app can anonymise or remove what it holds
# (apps connect receivers; learning_site imports none of them).
account_deleting = Signal()


@transaction.atomic
def delete_account(user) -> None:
    """Delete a person's account.

    Their private learning (journal, progress, certificates) goes with it; survey answers
    are detached from them and kept for anonymous totals. Apps do their part through the
    ``account_deleting`` signal.
    """
    account_deleting.send(sender=type(user), user=user)
    user.delete()
