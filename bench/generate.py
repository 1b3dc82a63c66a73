"""Synthetic Schedule A litigation at a chosen scale, shaped like the real practice.

Most cases in one court, ~40 district judges and ~15 magistrates, ~30 plaintiffs' firms
with a heavy tail (three firms file about half the cases), ~300 attorneys, one brand and
one Schedule A defendant group per case, 2-6 platforms, 3-20 citations from a pool of
~2,000 precedents. ``extractions(n)`` yields Extraction records (one per filing) to load
the store directly; ``write_filings(n, folder)`` writes plain-text filings for ingest.
"""
from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import Iterator

from docketgraph.graph.model import (
    AttorneyMention, CaseMention, CitationMention, Extraction, FirmMention, JudgeMention,
    PartyMention, PlatformMention,
)

COURTS = [("ilnd", 0.83, "NORTHERN DISTRICT OF ILLINOIS"), ("nysd", 0.07, "SOUTHERN DISTRICT OF NEW YORK"),
          ("flsd", 0.06, "SOUTHERN DISTRICT OF FLORIDA"), ("pawd", 0.04, "WESTERN DISTRICT OF PENNSYLVANIA")]
PLATFORMS = [("Amazon", "marketplace"), ("eBay", "marketplace"), ("AliExpress", "marketplace"),
             ("Alibaba", "marketplace"), ("Walmart", "marketplace"), ("Wish", "marketplace"),
             ("DHgate", "marketplace"), ("Temu", "marketplace"), ("Etsy", "marketplace"),
             ("Alipay", "payment"), ("PayPal", "payment"), ("Payoneer", "payment"),
             ("Stripe", "payment"), ("WorldFirst", "payment")]
REPORTERS = ["F.3d", "F.4th", "F. Supp. 3d", "F.R.D.", "F. Supp. 2d", "U.S."]
GIVEN = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
         "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
         "Sarah", "Charles", "Karen", "Wei", "Priya", "Mateo", "Aisha", "Kenji", "Olga"]
SURNAMES = ["Abernathy", "Baptiste", "Castellano", "Dunmore", "Ekwueme", "Fairbanks", "Galloway",
            "Hollings", "Iverson", "Jaramillo", "Kowalczyk", "Lindqvist", "Montague", "Nakamura",
            "Okonkwo", "Pemberton", "Quintero", "Rasmussen", "Sokolov", "Thibodeaux", "Underhill",
            "Valdivia", "Whitcombe", "Xiong", "Yardley", "Zielinski", "Ashworth", "Brannigan",
            "Corrigan", "Delacroix", "Esterhazy", "Fenwick", "Grimaldi", "Hargreaves"]
FIRM_SHAPES = ["{a}, {b} & {c}, Ltd.", "{a} {b} LLP", "{a} & {b} P.C.", "{a} Law Group, PLLC",
               "{a} {b} & {c} LLP", "The {a} Firm, P.A."]


class World:
    def __init__(self, seed: int = 7):
        r = random.Random(seed)
        self.r = r
        names = lambda: f"{r.choice(GIVEN)} {chr(65 + r.randrange(26))}. {r.choice(SURNAMES)}"
        self.judges = {c: [names() for _ in range(40 if c == "ilnd" else 12)] for c, _, _ in COURTS}
        self.magistrates = {c: [names() for _ in range(15 if c == "ilnd" else 5)] for c, _, _ in COURTS}
        self.firms = []
        for i in range(30):
            a, b, c = r.sample(SURNAMES, 3)
            self.firms.append(r.choice(FIRM_SHAPES).format(a=a, b=b, c=c) + ("" if i < 30 else ""))
        self.firm_weights = [12, 10, 8] + [1.0 / (i + 1) * 4 for i in range(27)]
        self.attorneys = {f: [names() for _ in range(10)] for f in self.firms}
        self.precedents = []
        for i in range(2000):
            p, d = r.sample(SURNAMES, 2)
            self.precedents.append((f"{r.randrange(1, 999)} {r.choice(REPORTERS)} {r.randrange(1, 1500)}",
                                    f"{p} v. {d}"))

    def case(self, n: int) -> dict:
        r = random.Random(n * 7919)
        court = r.choices([c for c, _, _ in COURTS], [w for _, w, _ in COURTS])[0]
        year = 20 + n % 6
        firm = r.choices(self.firms, self.firm_weights)[0]
        return {
            "n": n, "court": court, "docket": f"1:{year}-cv-{n % 99999:05d}",
            "judge": r.choice(self.judges[court]), "magistrate": r.choice(self.magistrates[court]),
            "firm": firm, "attorneys": r.sample(self.attorneys[firm], r.randint(2, 4)),
            "brand": f"Brand{n} Holdings LLC",
            "platforms": r.sample(PLATFORMS, r.randint(2, 6)),
            "cites": r.sample(self.precedents, r.randint(3, 20)),
            "filed": f"20{year}-{1 + n % 12:02d}-{1 + n % 28:02d}",
        }


GROUP = 'The Partnerships and Unincorporated Associations Identified on Schedule "A"'


def extractions(n_cases: int, *, filings_per_case: int = 3, seed: int = 7) -> Iterator[Extraction]:
    w = World(seed)
    for n in range(1, n_cases + 1):
        c = w.case(n)
        d = c["docket"]
        for k in range(filings_per_case):
            tag = f"{seed}-{n}-{k}"
            sha = hashlib.sha256(tag.encode()).hexdigest()
            first = k == 0
            yield Extraction(
                doc=f"case{n}-doc{k}.txt", sha256=sha, kind="complaint" if first else "order",
                filed=c["filed"],
                cases=(CaseMention(d, c["court"], f"{c['brand']} v. {GROUP}", True),),
                judges=((JudgeMention(c["judge"], "district", d),) if k % 2 == 1 or not first else ())
                + ((JudgeMention(c["magistrate"], "magistrate", d),) if k == 2 else ()),
                firms=(FirmMention(c["firm"], (c["brand"],), d),),
                attorneys=tuple(AttorneyMention(a, c["firm"], None, (c["brand"],), d)
                                for a in c["attorneys"]) if first else (),
                parties=(PartyMention(c["brand"], "plaintiff", d), PartyMention(GROUP, "defendant", d)),
                platforms=tuple(PlatformMention(p, kind) for p, kind in c["platforms"]) if first else (),
                citations=tuple(CitationMention(cite, name) for cite, name in c["cites"]) if first else (),
            )


def filing_text(w: World, c: dict, k: int) -> str:
    court_name = dict((a, b) for a, _, b in COURTS)[c["court"]]
    cites = "\n\n".join(
        f"Courts routinely grant this relief. See {name}, {cite}, {10 + i} (7th Cir. 20{10 + i % 14})."
        for i, (cite, name) in enumerate(c["cites"]))
    plats = ", ".join(p for p, _ in c["platforms"])
    counsel = "\n".join(c["attorneys"])
    body = ("Defendants operate online stores on " + plats + " and accept payment through them. ") * 3
    return f"""IN THE UNITED STATES DISTRICT COURT
FOR THE {court_name}

{c['brand'].upper()},

Plaintiff,

v.

THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE "A",

Defendants.

Case No. {c['docket']}

Judge {c['judge']}

Magistrate Judge {c['magistrate']}

{'COMPLAINT' if k == 0 else 'MEMORANDUM IN SUPPORT OF MOTION FOR TEMPORARY RESTRAINING ORDER'}

{body}

{cites}

Dated: {c['filed']}

Respectfully submitted,

/s/ {c['attorneys'][0]}
{counsel}
{c['firm']}
100 North LaSalle Street, Suite 2400
Chicago, Illinois 60602

Counsel for Plaintiff {c['brand']}
"""


def write_filings(n_cases: int, folder: Path, *, filings_per_case: int = 2, seed: int = 7) -> list[Path]:
    w = World(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(1, n_cases + 1):
        c = w.case(n)
        for k in range(filings_per_case):
            p = folder / f"case{n:06d}-{k}.txt"
            p.write_text(filing_text(w, c, k), encoding="utf-8")
            out.append(p)
    return out
