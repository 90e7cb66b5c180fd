"""Signals other apps listen to; this app imports none of them.

- ``scenario_finished(sender=ScenarioAttempt, attempt=…)``: an attempt reached an ending.
  Sent by ``services.make_move`` after the move is saved, on every path that finishes an
  attempt. The courses app re-checks the modules that require the scenario. A receiver
  may return a list of sentences for the learner (such as "You have completed …"); the
  player shows them on the debrief.
"""

from django.dispatch import Signal

scenario_finished = Signal()
