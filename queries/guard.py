"""What a user's SPARQL may do, decided on the parsed query, never by running it.

A saved query from a user's folder, or an ad hoc ``sparql`` query, is parsed with rdflib's
SPARQL 1.1 parser and translated to its algebra; the algebra is walked for ``SERVICE``
(a federated call would make the engine send a request to any address the text names).
Nothing is evaluated to check a query, so listing saved queries never fetches anything.
Words inside string literals, IRIs and comments are not syntax, so a filter on
"Food Service Corp" or "LOAD-BEARING WALLS LLC" is allowed; ``LOAD`` is an update
operation and a query cannot hold one.

Saved queries may also call only the functions the store provides to them
(``dg:param``, ``dg:given``, ``dg:within``, ``dg:noDates``), XSD casts and SPARQL's own
functions; an unknown function is reported when the file is loaded.
"""

from __future__ import annotations

import re
from typing import Any

from docketgraph.graph.errors import QueryError

_XSD = "http://www.w3.org/2001/XMLSchema#"


def _parse(text: str, prefixes: dict[str, str]) -> Any:
    """rdflib's algebra of ``text``; a syntax error becomes a QueryError with its line."""
    import pyparsing
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return translateQuery(parseQuery(text), initNs=prefixes).algebra
    except pyparsing.ParseException as e:
        raise QueryError(f"{e.lineno}:{e.col}: SPARQL syntax error: {_short(e.msg)}") from None
    except RecursionError:
        raise QueryError("the query is nested too deeply") from None
    except Exception as e:  # rdflib reports unknown prefixes and bad terms with plain exceptions
        raise QueryError(f"SPARQL error: {_short(str(e))}") from None


def _short(msg: str) -> str:
    msg = " ".join(str(msg).split())
    return msg if len(msg) <= 160 else msg[:157] + "..."


def _walk(node: Any, seen: set[int] | None = None):
    """Every rdflib CompValue under ``node`` (the algebra and its expressions)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    seen = set() if seen is None else seen
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, CompValue):
            yield n
            stack.extend(n.values())
        elif isinstance(n, dict):
            stack.extend(n.values())
        elif isinstance(n, (list, tuple, set)):
            stack.extend(n)


def check_query(text: str, prefixes: dict[str, str], *, functions: frozenset[str] | None = None) -> None:
    """Raise QueryError if ``text`` is not a SPARQL query, calls ``SERVICE``, or (when
    ``functions`` is given) calls a function IRI outside ``functions`` and XSD casts."""
    algebra = _parse(text, prefixes)
    for n in _walk(algebra):
        if n.name == "ServiceGraphPattern":
            raise QueryError("SERVICE is not allowed (a query may not call other servers)")
        if functions is not None and n.name == "Function":
            iri = str(n.get("iri", ""))
            if iri and iri not in functions and not iri.startswith(_XSD):
                raise QueryError(f"unknown function <{iri}>")


#: the word, or a ``\u``/``\U`` escape (SPARQL lets an engine decode those anywhere in the
#: text before parsing, so ``\u0053ERVICE`` may be the keyword to a server)
_WORD = re.compile(r"\b(SERVICE|LOAD)\b|\\[uU]", re.I)


def mentions_service(text: str) -> bool:
    """A cheap first look: whether the text could hold the keyword at all (if not, there
    is no need to parse it)."""
    return bool(_WORD.search(text))
