"""The learning record store screens (see tests/mass_assignment.py): a partnership
administrator sets up their own partnership's store only."""

from tests.mass_assignment import FormCase


def build_world(world):
    from learning_site.learning_records.models import LearningRecordStore

    world.other_store = LearningRecordStore.objects.create(
        partnership=world.other_partnership,
        endpoint="https://lrs.riverside.example/xAPI/",
        username="riverside",
        secret="riverside-secret",
    )


def _store_form(world, endpoint="https://lrs.northshire.example/xAPI/"):
    return {
        "partnership": world.partnership.pk,
        "is_enabled": "on",
        "endpoint": endpoint,
        "username": "learning-platform",
        "secret": "northshire-secret",
    }


def _stores_stay_with_their_partnership(world):
    from learning_site.learning_records.models import LearningRecordStore

    world.other_store.refresh_from_db()
    assert world.other_store.partnership == world.other_partnership
    assert world.other_store.endpoint == "https://lrs.riverside.example/xAPI/"
    assert world.other_store.secret == "riverside-secret"
    assert set(LearningRecordStore.objects.values_list("partnership", flat=True)) <= {
        world.partnership.pk,
        world.other_partnership.pk,
    }
    assert LearningRecordStore.objects.filter(partnership=world.other_partnership).count() == 1


CASES = {
    "learning_record_stores:add": FormCase(
        who="partnership_admin",
        data=_store_form,
        check=_stores_stay_with_their_partnership,
        # The second valid post finds the store already made (one per partnership).
        accepted=(302,),
    ),
    "learning_record_stores:edit": FormCase(
        who="partnership_admin",
        kwargs=lambda w: {"pk": w.other_store.pk},
        data=lambda w: _store_form(w, endpoint="https://evil.example/xAPI/"),
        accepted=(302, 403, 404),
        check=_stores_stay_with_their_partnership,
    ),
    "learning_record_stores:copy": FormCase(
        who="partnership_admin",
        kwargs=lambda w: {"pk": w.other_store.pk},
        data=_store_form,
        accepted=(200, 302, 403, 404),
        check=_stores_stay_with_their_partnership,
    ),
    "learning_record_stores:delete": FormCase(
        who="partnership_admin",
        kwargs=lambda w: {"pk": w.other_store.pk},
        data=lambda w: {},
        accepted=(302, 403, 404),
        check=_stores_stay_with_their_partnership,
    ),
}
