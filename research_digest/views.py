"""Round-up subscription pages. The digest pages themselves are Wagtail pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from research_digest.forms import RoundupChoiceForm
from research_digest.models import DigestSubscription
from research_digest.services import set_subscribed, subscription_for


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def subscription(request: HttpRequest) -> HttpResponse:
    """A signed-in person chooses whether to get the monthly round-up."""
    current = subscription_for(request.user)
    if request.method == "POST":
        form = RoundupChoiceForm(request.POST)
        if form.is_valid():
            set_subscribed(current, form.cleaned_data["subscribed"])
            if current.subscribed:
                messages.success(request, "You will get the research digest round-up monthly.")
            else:
                messages.success(request, "You will not get the research digest round-up.")
            return redirect("research_digest:subscription")
    else:
        form = RoundupChoiceForm(initial={"subscribed": "yes" if current.subscribed else "no"})
    return render(
        request,
        "research_digest/subscription.html",
        {"form": form, "subscription": current},
    )


@csrf_exempt  # mail programs POST here for one-click unsubscribe (RFC 8058), with no cookie
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The stop link in every round-up: stops the round-up for the token's owner only.

    No sign-in is needed; the random token belongs to one subscription, so it cannot
    change anyone else's choice whoever follows it. Opening the link (GET) only asks:
    mail systems open links to check them, and that must not stop anyone's round-up.
    Pressing the button, or the mail program's own unsubscribe button (a POST, RFC 8058),
    stops it. The page then offers a button to undo.
    """
    subscription = get_object_or_404(DigestSubscription, token=token)
    if request.method == "POST":
        set_subscribed(subscription, False)
        return render(request, "research_digest/unsubscribed.html", {"subscription": subscription})
    return render(
        request,
        "research_digest/unsubscribe.html",
        {"subscription": subscription, "action_url": request.path},
    )


@never_cache
@require_POST
def resubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Undo an unsubscribe made by mistake, from the confirmation page."""
    subscription = get_object_or_404(DigestSubscription, token=token)
    set_subscribed(subscription, True)
    return render(request, "research_digest/resubscribed.html", {"subscription": subscription})
