"""Signals other apps listen to (evaluations schedules follow-ups from these).

- ``learner_enrolled(sender=Enrolment, enrolment=…)``: a learner joined a module.
- ``module_completed(sender=CourseCompletion, completion=…)``: sent once, inside the
  transaction that writes the completion; receivers that queue work should use
  ``transaction.on_commit``.
"""

from django.dispatch import Signal

learner_enrolled = Signal()
module_completed = Signal()
