"""The Celery app. Tasks are found in each installed app's ``tasks.py``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning_site.settings.dev")

app = Celery("learning_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
