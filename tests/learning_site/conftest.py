# The S3 server and a bucket per test, for the shared-storage tests of this folder.
from tests.learning_site.shared_storage import bucket_env, s3_endpoint  # noqa: F401
