"""xAPI statements to each partnership's learning record store (LRS).

What a learner does (enrols, reads a lesson or digest, answers a knowledge check or a
scenario decision, completes a module or scenario, answers a follow-up survey) is written
to an outbox in the same transaction as the event, and sent to the partnership's LRS by
Celery (``sending.py``). This app reads the other apps' models and signals; none of them
imports it.
"""
