"""The search backend: Wagtail's database backend, given only the words people type.

Wagtail's SQLite full-text backend pastes each search word into FTS5's query syntax as
it is, so a stray double quote ends a string early and the search fails with
``OperationalError`` (wagtail/wagtail#13227): every search box on the embedded default,
the admin's included, answered 500 to ``"``. People search for words here, so the
punctuation around them is dropped before any backend sees the text ("start-again" and
"child's" still find what they name: the index splits them into the same words), and
FTS operators such as ``OR``, ``NEAR`` or ``*`` are searched for as words. PostgreSQL
gets the same words, so results do not depend on the database.

Configured as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "learning_site.search"``.
"""

import copy
import re
from functools import cache

from django.db.models import QuerySet
from wagtail.search.backends import database
from wagtail.search.query import MATCH_ALL, And, Boost, Fuzzy, Not, Or, Phrase, PlainText

WORD = re.compile(r"\w+")


def search_words(text: str) -> list[str]:
    """The words in ``text``, without the punctuation between them."""
    return WORD.findall(text)


def words_only(query):
    """``query`` (text, or a search query object) with only words in its text; None
    when no words are left, which finds nothing."""
    if isinstance(query, str):
        return " ".join(search_words(query)) or None
    if isinstance(query, PlainText | Phrase | Fuzzy):
        words = search_words(query.query_string)
        if not words:
            return None
        cleaned = copy.copy(query)
        cleaned.query_string = " ".join(words)
        return cleaned
    if isinstance(query, And | Or):
        kept = [sub for sub in map(words_only, query.subqueries) if sub is not None]
        return type(query)(kept) if kept else None
    if isinstance(query, Not | Boost):
        inner = words_only(query.subquery)
        if inner is None:
            return None
        cleaned = copy.copy(query)
        cleaned.subquery = inner
        return cleaned
    return query  # MatchAll


class WordsOnlySearch:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        cleaned = words_only(query)
        if cleaned is None:
            # Nothing to look for, so nothing is found: everything in no rows, which
            # keeps the results' model for the admin's listings (an empty query string
            # would give results without one).
            if not isinstance(model_or_queryset, QuerySet):
                model_or_queryset = model_or_queryset.objects.all()
            cleaned, model_or_queryset = MATCH_ALL, model_or_queryset.none()
        return super()._search(query_compiler_class, cleaned, model_or_queryset, **kwargs)


@cache
def _words_only_class(backend_class: type) -> type:
    return type(f"WordsOnly{backend_class.__name__}", (WordsOnlySearch, backend_class), {})


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    """The backend ``wagtail.search.backends.database`` picks for this database (SQLite
    FTS5, PostgreSQL, or the plain fallback), searching for words only."""
    chosen = database.SearchBackend(params)
    return _words_only_class(type(chosen))(params)
