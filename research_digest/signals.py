"""Signals other apps listen to; this app imports none of them.

- ``digest_read(sender=ResearchDigestPage, page=…, user=…, when=…)``: a signed-in person
  opened a published digest (not a preview; sent from a ``before_serve_page`` hook in
  ``wagtail_hooks.py``). Sent on every reading; a receiver that
  counts only the first keys on the page and person.
"""

from django.dispatch import Signal

digest_read = Signal()
