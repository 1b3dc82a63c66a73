"""A small litigation graph for saved-query goldens, analytics, views and exports.

Five fictional filings in three cases: a Schedule A case in N.D. Ill. (complaint, TRO
order, a defendant's appearance with defence counsel), a Schedule A case in S.D.N.Y.
with two plaintiff's firms, and an ordinary S.D.N.Y. case. Every mention's span is found
in the filing's text, so evidence sentences are real sentences of the text.
"""
from __future__ import annotations

import hashlib

from docketgraph.graph.model import (
    AttorneyMention, CaseMention, CitationMention, Extraction, FirmMention, JudgeMention,
    PartyMention, PlatformMention,
)
from docketgraph.queries.api import KnowledgeGraph

SCHED = 'The Partnerships and Unincorporated Associations Identified on Schedule "A"'


def _span(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return (i, i + len(s))


def filing(name: str, text: str, *, kind: str, filed: str | None, cases=(), judges=(), parties=(),
           firms=(), attorneys=(), platforms=(), citations=()) -> tuple[Extraction, str]:
    """An Extraction whose mentions are given as (value..., surface) and located in ``text``."""
    sp = lambda s: (_span(text, s),)
    ex = Extraction(
        doc=name, sha256=hashlib.sha256(text.encode()).hexdigest(), kind=kind, filed=filed,
        cases=tuple(CaseMention(d, c, cap, sa, sp(d)) for d, c, cap, sa in cases),
        judges=tuple(JudgeMention(n, r, None, sp(n)) for n, r in judges),
        parties=tuple(PartyMention(n, r, None, sp(surface)) for n, r, surface in parties),
        firms=tuple(FirmMention(n, rep, None, sp(n)) for n, rep in firms),
        attorneys=tuple(AttorneyMention(n, f, e, rep, None, sp(n)) for n, f, e, rep in attorneys),
        platforms=tuple(PlatformMention(n, k, sp(n)) for n, k in platforms),
        citations=tuple(CitationMention(c, nm, sp(c)) for c, nm in citations),
    )
    return ex, text


GBC = "Greer, Burns & Crain, Ltd."
ED = "Epstein Drangel LLP"

COMPLAINT = (
    "UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF ILLINOIS. "
    f"Robert Diggs, Plaintiff, v. {SCHED}, Defendants. Case No. 1:23-cv-01820. "
    "Judge Martha M. Pacold. Magistrate Judge Susan E. Cox. "
    "Defendants sell counterfeit goods through Amazon and receive payment through PayPal. "
    "See Bose Corp. v. Partnerships, 334 F.R.D. 511 (N.D. Ill. 2020). "
    f"Respectfully submitted, Jane Q. Roe of {GBC}, counsel for Plaintiff Robert Diggs."
)
ORDER = (
    "Case No. 1:23-cv-01820. Robert Diggs v. Defendants. "
    "TEMPORARY RESTRAINING ORDER entered by Judge Martha M. Pacold. "
    "Alipay and Amazon shall restrain the defendants' accounts. "
    "Joinder is proper, 334 F.R.D. 511. "
    f"Plaintiff is represented by {GBC}."
)
APPEARANCE = (
    "Case No. 1:23-cv-01820. Judge Martha M. Pacold. "
    "Shenzhen Example Trading Co. appears by its counsel. "
    "Richard Miles of Smith & Jones LLP appears for Defendant Shenzhen Example Trading Co. "
    f"Plaintiff Robert Diggs is represented by {GBC}."
)
PINKFONG = (
    "UNITED STATES DISTRICT COURT SOUTHERN DISTRICT OF NEW YORK. "
    f"The Pinkfong Company, Inc., Plaintiff, v. {SCHED}, Defendants. 1:22-cv-04133. "
    "Judge Paul A. Engelmayer. "
    "The defendants operate storefronts on AliExpress and Alibaba. "
    "See Lions Gate Films Inc. v. Does, 2014 WL 3895318. "
    f"Alex B. Counsel of {ED} and Dana Local of Local Counsel PC, attorneys for The Pinkfong Company, Inc."
)
ALLSTAR = (
    "SOUTHERN DISTRICT OF NEW YORK. Allstar Marketing Group, LLC v. Acme Housewares Corp. "
    "Case 1:21-cv-00333. Judge Paul G. Gardephe. "
    f"Alex B. Counsel of {ED} for Plaintiff Allstar Marketing Group, LLC."
)

ROBERT = ("Robert Diggs", "plaintiff", "Robert Diggs")
SCHED_PARTY = (SCHED, "defendant", SCHED)


def filings() -> list[tuple[Extraction, str]]:
    return [
        filing("complaint.txt", COMPLAINT, kind="complaint", filed="2023-04-17",
               cases=[("1:23-cv-01820", "ilnd", f"Robert Diggs v. {SCHED}", True)],
               judges=[("Martha M. Pacold", "district"), ("Susan E. Cox", "magistrate")],
               parties=[ROBERT, SCHED_PARTY],
               firms=[(GBC, ("Robert Diggs",))],
               attorneys=[("Jane Q. Roe", GBC, "jroe@gbc.law", ("Robert Diggs",))],
               platforms=[("Amazon", "marketplace"), ("PayPal", "payment")],
               citations=[("334 F.R.D. 511", "Bose Corp. v. Partnerships")]),
        filing("order.txt", ORDER, kind="order", filed="2023-05-02",
               cases=[("1:23-cv-01820", "ilnd", None, False)],
               judges=[("Martha M. Pacold", "district")],
               parties=[ROBERT],
               firms=[(GBC, ("Robert Diggs",))],
               platforms=[("Alipay", "payment"), ("Amazon", "marketplace")],
               citations=[("334 F.R.D. 511", None)]),
        filing("appearance.txt", APPEARANCE, kind="notice", filed="2023-06-10",
               cases=[("1:23-cv-01820", "ilnd", None, False)],
               judges=[("Martha M. Pacold", "district")],
               parties=[ROBERT, ("Shenzhen Example Trading Co.", "defendant", "Shenzhen Example Trading Co.")],
               firms=[("Smith & Jones LLP", ("Shenzhen Example Trading Co.",)), (GBC, ("Robert Diggs",))],
               attorneys=[("Richard Miles", "Smith & Jones LLP", None, ("Shenzhen Example Trading Co.",))]),
        filing("pinkfong-complaint.txt", PINKFONG, kind="complaint", filed="2024-02-01",
               cases=[("1:22-cv-04133", "nysd", f"The Pinkfong Company, Inc. v. {SCHED}", True)],
               judges=[("Paul A. Engelmayer", "district")],
               parties=[("The Pinkfong Company, Inc.", "plaintiff", "The Pinkfong Company, Inc."), SCHED_PARTY],
               firms=[(ED, ("The Pinkfong Company, Inc.",)), ("Local Counsel PC", ("The Pinkfong Company, Inc.",))],
               attorneys=[("Alex B. Counsel", ED, "abc@ipcounselors.com", ("The Pinkfong Company, Inc.",)),
                          ("Dana Local", "Local Counsel PC", None, ("The Pinkfong Company, Inc.",))],
               platforms=[("AliExpress", "marketplace"), ("Alibaba", "marketplace")],
               citations=[("2014 WL 3895318", "Lions Gate Films Inc. v. Does")]),
        filing("allstar.txt", ALLSTAR, kind="complaint", filed="2021-03-01",
               cases=[("1:21-cv-00333", "nysd", "Allstar Marketing Group, LLC v. Acme Housewares Corp.", False)],
               judges=[("Paul G. Gardephe", "district")],
               parties=[("Allstar Marketing Group, LLC", "plaintiff", "Allstar Marketing Group, LLC"),
                        ("Acme Housewares Corp.", "defendant", "Acme Housewares Corp.")],
               firms=[(ED, ("Allstar Marketing Group, LLC",))],
               attorneys=[("Alex B. Counsel", ED, None, ("Allstar Marketing Group, LLC",))]),
    ]


def small_graph() -> KnowledgeGraph:
    """An in-memory KnowledgeGraph holding the five filings."""
    kg = KnowledgeGraph(None)
    for ex, text in filings():
        kg.store.put(ex, text=text, path=f"/filings/{ex.doc}")
    return kg
