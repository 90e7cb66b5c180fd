from tests.access import NOT_FOUND, OK, REDIRECT, AccessCase, everyone

# A partnership's learning record store: platform administrators here; partnership
# administrators (their own partnership's only, not a role of the matrix) are tested in
# test_admin.py. Wagtail sends everyone else away with a message (302); the history and
# usage screens look the row up among the user's own, so a trainer finds none.
ADMIN_ONLY = everyone(REDIRECT, administrator=OK)


def _store(world):
    return {"pk": world.learning_record_store.pk}


CASES = {
    "learning_record_stores:index": AccessCase(ADMIN_ONLY),
    "learning_record_stores:index_results": AccessCase(ADMIN_ONLY),
    "learning_record_stores:add": AccessCase(ADMIN_ONLY),
    "learning_record_stores:edit": AccessCase(ADMIN_ONLY, kwargs=_store),
    "learning_record_stores:delete": AccessCase(ADMIN_ONLY, kwargs=_store),
    "learning_record_stores:inspect": AccessCase(ADMIN_ONLY, kwargs=_store),
    "learning_record_stores:copy": AccessCase(ADMIN_ONLY, kwargs=_store),
}
for _name in ("history", "history_results", "usage"):
    CASES[f"learning_record_stores:{_name}"] = AccessCase(
        {**ADMIN_ONLY, "trainer": NOT_FOUND}, kwargs=_store
    )


def build_world(world):
    from learning_site.learning_records.models import LearningRecordStore

    world.learning_record_store = LearningRecordStore.objects.create(
        partnership=world.partnership,
        endpoint="https://lrs.northshire.example/xAPI/",
        username="platform",
        secret="not-shown-anywhere",
    )
