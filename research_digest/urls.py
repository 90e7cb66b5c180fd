from django.urls import path

from research_digest import views
from research_digest.feeds import DigestAtomFeed

app_name = "research_digest"

urlpatterns = [
    path("feed/", DigestAtomFeed(), name="feed"),
    path("round-up/", views.subscription, name="subscription"),
    path("round-up/stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("round-up/stop/<str:token>/undo/", views.resubscribe, name="resubscribe"),
]
