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


# --- text filings for ingest ------------------------------------------------------------
#
# A Schedule A case's docket, in filing order: (slug, title, who signs, paragraphs of
# prose, share of the case's citations it cites, most citations it cites). The briefs
# (TRO memorandum, preliminary-injunction and default-judgment memoranda, the motions
# for electronic service and to seal) carry the case law; the court's orders cite a few
# of the same decisions; complaints, appearances, declarations, notices and minute
# entries cite none. Party filings end in a counsel block, court filings in the judge's
# signature.
DOCKET = [
    ("complaint", "COMPLAINT", "counsel", (10, 14), 0.0, 0),
    ("disclosure", "NOTIFICATION AS TO AFFILIATES", "counsel", (1, 1), 0.0, 0),
    ("appearance", "ATTORNEY APPEARANCE", "counsel", (1, 1), 0.0, 0),
    ("appearance", "ATTORNEY APPEARANCE", "counsel", (1, 1), 0.0, 0),
    ("seal-motion", "MOTION FOR LEAVE TO FILE UNDER SEAL", "counsel", (2, 3), 0.2, 2),
    ("tro-memorandum", "MEMORANDUM IN SUPPORT OF EX PARTE MOTION FOR ENTRY OF A TEMPORARY "
     "RESTRAINING ORDER", "counsel", (10, 14), 0.75, 20),
    ("declaration", "DECLARATION OF COUNSEL", "counsel", (2, 3), 0.0, 0),
    ("minute-entry", "MINUTE ENTRY", "court", (1, 1), 0.0, 0),
    ("tro", "SEALED TEMPORARY RESTRAINING ORDER", "court", (6, 8), 0.15, 3),
    ("minute-entry", "MINUTE ENTRY", "court", (1, 1), 0.0, 0),
    ("service-motion", "MOTION FOR ELECTRONIC SERVICE OF PROCESS", "counsel", (3, 4), 0.2, 4),
    ("pi-motion", "MEMORANDUM IN SUPPORT OF MOTION FOR ENTRY OF A PRELIMINARY INJUNCTION",
     "counsel", (4, 6), 0.4, 8),
    ("minute-entry", "MINUTE ENTRY", "court", (1, 1), 0.0, 0),
    ("pi-order", "PRELIMINARY INJUNCTION ORDER", "court", (5, 7), 0.1, 2),
    ("dismissal", "NOTICE OF VOLUNTARY DISMISSAL", "counsel", (1, 1), 0.0, 0),
    ("dismissal", "NOTICE OF VOLUNTARY DISMISSAL", "counsel", (1, 1), 0.0, 0),
    ("default-motion", "MEMORANDUM IN SUPPORT OF MOTION FOR ENTRY OF DEFAULT AND DEFAULT "
     "JUDGMENT", "counsel", (5, 7), 0.4, 8),
    ("minute-entry", "MINUTE ENTRY", "court", (1, 1), 0.0, 0),
    ("judgment", "FINAL JUDGMENT ORDER", "court", (4, 6), 0.05, 1),
    ("satisfaction", "SATISFACTION OF JUDGMENT", "counsel", (1, 1), 0.0, 0),
]

PROSE = [
    "Plaintiff {brand} is the owner of the federally registered {mark} trademarks, which "
    "are valid, subsisting and in full force and effect.",
    "Defendants are individuals and business entities who, upon information and belief, "
    "reside in the People's Republic of China or other foreign jurisdictions.",
    "Defendants conduct business throughout the United States, including within this "
    "District, through the fully interactive e-commerce stores operating under the seller "
    "aliases identified on Schedule A attached hereto.",
    "Each Defendant targets the United States, including Illinois, and has offered to sell "
    "and, on information and belief, has sold counterfeit {mark} products to consumers "
    "within the United States.",
    "The e-commerce stores share unique identifiers, such as design elements and "
    "similarities of the counterfeit products offered for sale, establishing a logical "
    "relationship between them.",
    "Defendants go to great lengths to conceal their identities and often use multiple "
    "fictitious names and addresses to register and operate their network of stores.",
    "Defendants operate their stores on {plats} and accept payment through accounts that "
    "can be frozen to preserve the possibility of an equitable accounting.",
    "The {mark} trademarks have been used exclusively and continuously by Plaintiff for "
    "many years and have never been abandoned.",
    "Plaintiff has expended substantial time, money and other resources developing, "
    "advertising and otherwise promoting the {mark} trademarks and the genuine products.",
    "Defendants' unauthorized use of the {mark} trademarks is likely to cause confusion, "
    "mistake and deception among the consuming public.",
    "Plaintiff has no adequate remedy at law and will suffer irreparable harm to its "
    "reputation and goodwill if Defendants' infringing conduct is not enjoined.",
    "The balance of hardships tips decidedly in Plaintiff's favor, and the public interest "
    "is served by an injunction that prevents consumer confusion.",
    "Courts in this District have routinely granted ex parte relief of this kind where the "
    "defendants operate anonymous online stores that can be moved or shut down at will.",
    "An order authorizing service by electronic mail and by electronic publication is "
    "reasonably calculated to give Defendants notice of this action.",
    "Defendants have not answered or otherwise pleaded, and the time to do so has expired.",
    "Plaintiff requests statutory damages for willful use of counterfeit marks in "
    "connection with the sale of each type of goods, together with a permanent injunction.",
    "The Court has reviewed the Complaint, the exhibits and the supporting declaration and "
    "finds that Plaintiff has shown a likelihood of success on the merits.",
    "Joinder of the Defendants is proper because their conduct arises out of the same "
    "series of transactions or occurrences, and common questions of law and fact arise.",
    "The third-party providers, including {plats}, shall within seven days of receipt of "
    "this Order restrain the transfer of any funds held in Defendants' accounts.",
    "Plaintiff has submitted screenshots of each store offering the counterfeit products "
    "for sale and shipping them to an address in this District.",
]

_PAREN = {"F.3d": "7th Cir.", "F.4th": "7th Cir.", "F. Supp. 3d": "N.D. Ill.",
          "F. Supp. 2d": "N.D. Ill.", "F.R.D.": "N.D. Ill.", "U.S.": ""}


def _cite_sentence(r: random.Random, cite: str, name: str, seen: set[str]) -> str:
    """One citation as briefs write it: a full cite the first time, a short form
    ("Name, 123 F.3d at 460" or "Id. at 5") after that."""
    vol, rest = cite.split(" ", 1)
    reporter, page = rest.rsplit(" ", 1)
    pin = int(page) + r.randint(1, 12)
    if cite in seen:
        return f"See {name.split(' v. ')[0]}, {vol} {reporter} at {pin}."
    seen.add(cite)
    year = 1990 + int(hashlib.sha256(cite.encode()).hexdigest()[:4], 16) % 35
    court = _PAREN.get(reporter, "")
    paren = f"({court} {year})" if court else f"({year})"
    signal = r.choice(["See", "See also", "See, e.g.,", "Cf.", ""])
    lead = f"{signal} " if signal else ""
    return f"{lead}{name}, {cite}, {pin} {paren}."


def _caption(c: dict, title: str) -> str:
    court_name = dict((a, b) for a, _, b in COURTS)[c["court"]]
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

{title}
"""


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def _date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{MONTHS[m - 1]} {d}, {y}"


def _counsel_block(c: dict) -> str:
    lines = "\n".join(c["attorneys"])
    return f"""Dated: {_date(c['filed'])}

Respectfully submitted,

/s/ {c['attorneys'][0]}
{lines}
{c['firm']}
100 North LaSalle Street, Suite 2400
Chicago, Illinois 60602
(312) 555-0147

Counsel for Plaintiff {c['brand']}
"""


def _court_block(c: dict) -> str:
    return f"""IT IS SO ORDERED.

ENTERED: {_date(c['filed'])}

{c['judge']}
United States District Judge
"""


def docket_text(c: dict, k: int) -> str:
    """The text of filing ``k`` of case ``c``'s docket (see DOCKET)."""
    slug, title, by, (lo, hi), share, most = DOCKET[k]
    r = random.Random(c["n"] * 104729 + k)
    fill = {"brand": c["brand"], "mark": c["brand"].split()[0].upper(),
            "plats": ", ".join(p for p, _ in c["platforms"])}
    if slug == "minute-entry":
        return (f"{_caption(c, title)}\nMINUTE entry before the Honorable {c['judge']}: "
                f"Status hearing held on {_date(c['filed'])}. Plaintiff's motion is granted as stated "
                f"in open court. Mailed notice.\n")
    cites = [x for x in c["cites"] if r.random() < share][:most]
    if most and not cites and share >= 0.4:
        cites = [r.choice(c["cites"])]
    paras = []
    n_par = r.randint(lo, hi)
    per = max(1, -(-len(cites) // n_par)) if cites else 0
    seen: set[str] = set()
    queue = list(cites)
    for i in range(n_par):
        sents = [PROSE[j].format(**fill) for j in r.sample(range(len(PROSE)), r.randint(3, 5))]
        for _ in range(per):
            if queue:
                cite = queue.pop(0)
                sents.append(_cite_sentence(r, *cite, seen))
                if r.random() < 0.2:
                    sents.append(f"Id. at {int(cite[0].rsplit(' ', 1)[1]) + r.randint(1, 12)}.")
        if seen and r.random() < 0.3:  # a later short form or Id. of a decision cited above
            sents.append(_cite_sentence(r, *next((x for x in cites if x[0] in seen)), seen))
        paras.append(" ".join(sents))
    body = "\n\n".join(paras)
    end = _counsel_block(c) if by == "counsel" else _court_block(c)
    return f"{_caption(c, title)}\n{body}\n\n{end}"


def write_filings(n_cases: int, folder: Path, *, filings_per_case: int | None = 2,
                  seed: int = 7) -> list[Path]:
    """Plain-text filings of ``n_cases`` cases for the ingest benchmarks.

    Each case has a docket of twenty filings shaped like a Schedule A case's (DOCKET):
    complaint, notices and appearances, the TRO memorandum and motions, minute entries,
    orders and the judgment, in that order. Its 3-20 citations (from the ~2,000
    precedents) sit in the briefs and a few orders, not in every filing: about 70% of
    them in the TRO memorandum, fewer in the later briefs, one to three in an order, with
    later short forms and "Id."; so about one citation per kilobyte in a brief and none
    in most filings, as in the real briefs and opinions of the shared corpus. Party
    filings (13 of 20) end in a counsel block, court filings in the judge's signature;
    minute entries are about 500 bytes, appearances and notices about 1.2 KB, motions
    and orders 2-5 KB, the complaint and the TRO memorandum 8-9 KB, so a case's docket
    is about 56 KB and its mean filing about 2.8 KB (real filings run longer, with the
    same kinds of prose). Over a docket, about 0.45 citations per KB and 65% of
    filings with counsel named (the shared corpus's opinions and briefs: 0.5-1.1
    citations per KB).

    ``filings_per_case`` of a case's twenty filings are written (chosen at random, in
    docket order), so that over many cases the mix of kinds is the docket's whatever the
    number; None writes every filing.
    """
    w = World(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(1, n_cases + 1):
        c = w.case(n)
        ks = list(range(len(DOCKET)))
        if filings_per_case is not None and filings_per_case < len(ks):
            ks = sorted(random.Random(n * 7907 + seed).sample(ks, filings_per_case))
        for k in ks:
            p = folder / f"case{n:06d}-{k:02d}-{DOCKET[k][0]}.txt"
            p.write_text(docket_text(c, k), encoding="utf-8")
            out.append(p)
    return out
