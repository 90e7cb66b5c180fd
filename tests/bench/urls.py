"""The real URLconf plus /bench/floor: the least work Django can do for a request, on
the same server, middleware and settings, as the floor the real pages are measured
against. Used only by learning_site.settings.bench."""

from django.http import HttpResponse
from django.urls import path

from learning_site.urls import urlpatterns as site_urlpatterns


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/floor", floor, name="bench_floor"), *site_urlpatterns]
