"""Synthetic graphs shaped like the entity views of Schedule A litigation, at any size.

``entity_neighbourhood(n)`` is what ``view --entity`` draws around a busy plaintiffs' firm
at depth 2 (the shape of ``analytics.entity_graph`` cut by ``analytics.neighbourhood``):
the firm, its cases (labelled by caption, with a docket), and everything in those cases —
judges, the firm's attorneys, the brand plaintiffs and the sellers sued, platforms, the
court, the odd co-counsel or defence firm, and the precedents cited (most of the nodes, as
in real filings). Deterministic for a seed. Used by the browser tests and by
scripts/view_screenshots.py.
"""

from __future__ import annotations

import random

import networkx as nx

FOCUS = "firm:calder-wynn-haskett"
FOCUS_LABEL = "Calder Wynn & Haskett, Ltd."  # fictional, as every name here

_SURNAMES = ["Abernathy", "Baptiste", "Castellano", "Dunmore", "Ekwueme", "Fairbanks", "Galloway",
             "Hollings", "Iverson", "Jaramillo", "Kowalczyk", "Lindqvist", "Montague", "Nakamura",
             "Okonkwo", "Pemberton", "Quintero", "Rasmussen", "Sokolov", "Thibodeaux", "Underhill",
             "Valdivia", "Whitcombe", "Xiong", "Yardley", "Zielinski", "Ashworth", "Brannigan"]
_GIVEN = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
          "Wei", "Priya", "Mateo", "Aisha", "Kenji", "Olga", "Sarah"]
_BRANDS = ["Aurelia", "Brightpeak", "Cobalt Trail", "Dunmore Toys", "Everloom", "Fernwick",
           "Glimmerfox", "Hollowpine", "Ironbark Gear", "Juniper Lane", "Kestrel Optics", "Lumenwood",
           "Moonrail", "Northgale", "Orchid & Ash", "Pebblecraft", "Quillsong", "Rookery Kids",
           "Saltmarsh", "Tidewater Bottles"]
_PLATFORMS = ["Amazon", "eBay", "AliExpress", "Alibaba", "Walmart", "Wish", "DHgate", "Temu",
              "Etsy", "Alipay", "PayPal", "Payoneer", "Stripe", "WorldFirst"]
_REPORTERS = ["F.3d", "F.4th", "F. Supp. 3d", "F.R.D.", "F. Supp. 2d", "U.S."]
_SELLER = ["Shenzhen", "Yiwu", "Guangzhou", "Dongguan", "Hangzhou", "Ningbo", "Xiamen"]
_SHOP = ["Trading Co.", "Store", "Official Shop", "E-commerce Ltd.", "Outlet", "Direct", "Mall"]


def _person(r: random.Random) -> str:
    return f"{r.choice(_GIVEN)} {chr(65 + r.randrange(26))}. {r.choice(_SURNAMES)}"


def entity_neighbourhood(n: int, *, seed: int = 7) -> nx.Graph:
    """About ``n`` nodes (at least ``n``) around ``FOCUS``."""
    r = random.Random(seed)
    G = nx.Graph(name="entities")
    G.add_node(FOCUS, kind="LawFirm", label=FOCUS_LABEL)
    judges = [f"judge:{i}" for i in range(40)]
    judge_w = [1.0 / (i + 1) ** 0.7 for i in range(40)]
    attorneys = [f"attorney:{i}" for i in range(12)]
    for a in attorneys:
        G.add_node(a, kind="Attorney", label=_person(r))
        G.add_edge(a, FOCUS, weight=1, cases=[], case_ids=[], relation="member of")
    others = [f"firm:other{i}" for i in range(25)]
    other_names = {f: f"{r.choice(_SURNAMES)} & {r.choice(_SURNAMES)} LLP" for f in others}
    brands = [f"party:brand{i}" for i in range(max(20, n // 40))]
    prec_pool = max(200, n)
    prec_w = [1.0 / (i + 1) ** 0.9 for i in range(prec_pool)]
    i = 0
    while G.number_of_nodes() < n:
        i += 1
        year = r.choice([21, 22, 23, 24, 24, 25])
        docket = f"1:{year}-cv-{r.randrange(1, 17999):05d}"
        date = f"20{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        case = f"case:{i}"
        brand = r.choice(brands)
        if brand not in G:
            G.add_node(brand, kind="Party", label=f"{r.choice(_BRANDS)} {r.choice(['Inc.', 'LLC', 'Corp.', 'Ltd.'])}")
        caption = (f"{G.nodes[brand]['label']} v. The Partnerships and Unincorporated Associations "
                   'Identified on Schedule "A"')
        G.add_node(case, kind="Case", label=caption, docket=docket)

        def link(x: str, kind: str, label: str) -> None:
            if x not in G:
                G.add_node(x, kind=kind, label=label)
            G.add_edge(x, case, weight=1, cases=[docket], case_ids=[case], first=date, last=date)

        link(FOCUS, "LawFirm", FOCUS_LABEL)
        link("court:ilnd", "Court", "N.D. Ill.")
        j = r.choices(judges, judge_w)[0]
        link(j, "Judge", f"{_person(r)} (district)" if j not in G else G.nodes[j]["label"])
        if r.random() < 0.4:
            m = f"judge:mag{r.randrange(12)}"
            link(m, "Judge", f"{_person(r)} (magistrate)" if m not in G else G.nodes[m]["label"])
        for a in r.sample(attorneys, r.randint(1, 3)):
            link(a, "Attorney", G.nodes[a]["label"])
        link(brand, "Party", G.nodes[brand]["label"])
        for _ in range(r.randint(1, 4)):
            s = f"party:seller{i}-{_}"
            link(s, "Party", f"{r.choice(_SELLER)} {r.choice(_SURNAMES)} {r.choice(_SHOP)}")
        for p in r.sample(_PLATFORMS, r.randint(2, 6)):
            link(f"platform:{p}", "Platform", p)
        if r.random() < 0.15:
            o = r.choice(others)
            link(o, "LawFirm", other_names[o])
        for pi in set(r.choices(range(prec_pool), prec_w, k=r.randint(3, 20))):
            p = f"precedent:{pi}"
            if p not in G:
                a, b = r.sample(_SURNAMES, 2)
                label = f"{a} v. {b}, {r.randrange(1, 999)} {r.choice(_REPORTERS)} {r.randrange(1, 1500)}"
            else:
                label = G.nodes[p]["label"]
            link(p, "Precedent", label)
    return G
