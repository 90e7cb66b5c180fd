"""Start ralph's LRS (run with .venv-lrs's Python: ``run_ralph.py PORT``).

Ralph 5.1.0's file-system LRS backend writes each stored batch with the "create"
operation, which refuses to write once its statements file exists: every POST after the
first fails with 500. A real store keeps taking statements, so the backend appends here;
everything else (authentication, validation, duplicate ids, queries) is ralph's own.
"""

import sys

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402

uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
