"""The citation step's shortcuts give eyecite's own results.

``_reference_shortcut`` stands in for eyecite's ``extract_pincited_reference_citations``
while our calls run; it must return exactly what the original returns, and
``get_citations`` must list the same citations with it as without it.
"""
from __future__ import annotations

import pytest

from docketgraph.ingest.fields.citations import _eyecite_shortcuts, _reference_lookup_cached

# (passage, ReferenceCitations eyecite finds after the full cites)
ROWS = [
    # a later "Name at page" pin cite by the plaintiff's name
    ("See Smith v. Jones, 123 F.3d 456, 460 (7th Cir. 2000). As Smith at 462. explains, "
     "relief is proper.", 1),
    # by the defendant's name
    ("See Smith v. Jones, 123 F.3d 456, 460 (7th Cir. 2000). In Jones at 461; the court "
     "held so.", 1),
    # the name is never repeated
    ("See Smith v. Jones, 123 F.3d 456, 460 (7th Cir. 2000). The court held so.", 0),
    # repeated without a pin cite
    ("See Smith v. Jones, 123 F.3d 456, 460 (7th Cir. 2000). Smith argued, and Jones "
     "replied, that the mark was weak.", 0),
    # repeated in upper case: the search is case-sensitive
    ("See Smith v. Jones, 123 F.3d 456, 460 (7th Cir. 2000). SMITH at 462. says so.", 0),
    # the first repetition has no pin cite, a later one has
    ("See Smith v. Jones, 123 F.3d 456, 460 (7th Cir. 2000). Smith argued so. Later, "
     "Smith at 470, the court agreed.", 1),
    # repeated in another full cite, as case names are in a string of cites
    ("See Smith v. Jones, 123 F.3d 456 (7th Cir. 2000); Smith v. Brown, 124 F.3d 10 "
     "(7th Cir. 2001); Jones v. Brown, 125 F.3d 20 (7th Cir. 2002).", 0),
    # a parallel cite and a reference after it (found after each of the two full cites)
    ("Roe v. Wade, 410 U.S. 113, 93 S. Ct. 705 (1973). Under Roe at 120, the rule "
     "applies.", None),
    # a name with characters the verbose regex syntax treats specially
    ("See Alpha#Beta v. Gamma Delta, 12 F.4th 34 (2d Cir. 2021). Alpha#Beta at 36. "
     "Also Gamma Delta at 37.", 2),
    ("See Alpha#Beta v. Gamma Delta, 12 F.4th 34 (2d Cir. 2021). AlphaBeta at 36. "
     "Also GammaDelta at 37.", 0),
    # a name eyecite does not search for ("United States") and a pin cite after it
    ("United States v. Doe, 500 F.3d 1, 5 (1st Cir. 2007). United States at 6. Doe at 7.",
     1),
    # the pin cite at the very end of the text
    ("See Smith v. Jones, 123 F.3d 456 (7th Cir. 2000). Compare Smith at 470", 1),
]


def _summary(cites: list) -> list:
    out = []
    for c in cites:
        meta = getattr(c, "metadata", None)
        out.append((type(c).__name__, c.span(), c.full_span(), dict(getattr(c, "groups", {}) or {}),
                    sorted((k, v) for k, v in vars(meta).items() if isinstance(v, (str, int)))
                    if meta is not None else None))
    return out


def _full_cites(text: str):
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation

    return [c for c in get_citations(text) if isinstance(c, FullCaseCitation)]


@pytest.mark.parametrize("text,refs", ROWS)
def test_shortcut_returns_what_eyecite_returns(text: str, refs: int | None) -> None:
    original, fast = _reference_lookup_cached()
    found = 0
    for cite in _full_cites(text):
        want = original(cite, text)
        got = fast(cite, text)
        assert _summary(got) == _summary(want)
        found += len(want)
    if refs is not None:
        assert found == refs


@pytest.mark.parametrize("text,refs", ROWS)
def test_get_citations_same_with_shortcut(text: str, refs: int | None) -> None:
    from eyecite import find, get_citations
    from eyecite.models import ReferenceCitation

    plain = get_citations(text)
    with _eyecite_shortcuts():
        assert find.extract_pincited_reference_citations is _reference_lookup_cached()[1]
        patched = get_citations(text)
    assert find.extract_pincited_reference_citations is _reference_lookup_cached()[0]
    assert _summary(patched) == _summary(plain)
    if refs is not None:
        assert sum(isinstance(c, ReferenceCitation) for c in plain) == refs
