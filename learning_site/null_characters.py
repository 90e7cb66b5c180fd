"""One rule for the null character (U+0000) in a web address: it is refused with 400.

No address of ours has one, and PostgreSQL can neither store nor compare text that holds
one: psycopg raises ``DataError``, so any view that looked a path argument or a query
value up (a certificate code, a search, an unsubscribe token) answered 500. Checking
here keeps every view, and every view yet to be written, from having to remember.

Form fields need no check: Django's ``CharField`` refuses null characters, and learner
text is cleaned by ``sanitise_text``. File uploads are binary and are not looked at.
"""

from django.core.exceptions import BadRequest


class RefuseNullCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_null(request.GET):
            raise BadRequest("A null character in the web address.")
        return self.get_response(request)


def _has_null(query) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in query.lists()
    )
