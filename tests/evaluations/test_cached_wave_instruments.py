"""Which waves have an instrument is kept in the shared cache (every module page and My
learning asks); switching an instrument off or on in the admin shows at once."""

import pytest
from django.urls import reverse

from evaluations.models import WaveInstrument, WaveKind

pytestmark = pytest.mark.django_db


def test_switching_an_instrument_off_and_on_shows_at_once(client, learner, module, instrument):
    client.force_login(learner)
    client.post(reverse("course_enrol", args=[module.pk]))
    before = reverse("evaluations:survey", args=[module.pk, WaveKind.BASELINE])
    assert before in client.get(module.url).content.decode()
    assert before in client.get(reverse("my_learning")).content.decode()
    for row in WaveInstrument.objects.filter(wave=WaveKind.BASELINE):
        row.is_active = False
        row.save()
    assert before not in client.get(module.url).content.decode()
    assert before not in client.get(reverse("my_learning")).content.decode()
    for row in WaveInstrument.objects.filter(wave=WaveKind.BASELINE):
        row.is_active = True
        row.save()
    assert before in client.get(module.url).content.decode()
