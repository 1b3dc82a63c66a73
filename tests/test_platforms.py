"""Platforms: the gazetteer tests itself, and find_platforms follows the annotation rules."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from docketgraph.graph.model import PLATFORM_KINDS
from docketgraph.ingest.fields.platforms import find_platforms, load_gazetteer


def _records() -> list[dict]:
    path = resources.files("docketgraph.ingest").joinpath("data/platforms.json")
    return json.loads(path.read_text(encoding="utf-8"))


RECORDS = _records()


def _canonical(records: list[dict]) -> str:
    order = ["name", "kind", "aliases", "context", "match_name", "examples", "negative_examples"]
    out = []
    for r in sorted(records, key=lambda r: r["name"].lower()):
        rec = {k: r[k] for k in order if k in r}
        rec["aliases"] = sorted(rec.get("aliases", []), key=str.lower)
        out.append(rec)
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


def test_gazetteer_is_canonical():
    path = resources.files("docketgraph.ingest").joinpath("data/platforms.json")
    assert path.read_text(encoding="utf-8") == _canonical(RECORDS)


def test_gazetteer_records_are_well_formed():
    names = [r["name"] for r in RECORDS]
    assert len(names) == len(set(names))
    seen_forms: dict[str, str] = {}
    for r in RECORDS:
        assert set(r) <= {"name", "kind", "aliases", "context", "match_name", "examples",
                          "negative_examples"}, r["name"]
        assert r["kind"] in PLATFORM_KINDS, r["name"]
        assert r["examples"], f"{r['name']} has no examples"
        for form in [r["name"]] + r["aliases"]:
            key = form.lower()
            assert seen_forms.setdefault(key, r["name"]) == r["name"], (form, seen_forms[key])
    kinds = {r["kind"] for r in RECORDS}
    assert kinds == set(PLATFORM_KINDS)
    assert len(load_gazetteer()) == len(RECORDS)


@pytest.mark.parametrize(
    "name,example",
    [(r["name"], ex) for r in RECORDS for ex in r["examples"]],
)
def test_every_example_resolves(name, example):
    found = find_platforms(example)
    assert name in [p.name for p in found]
    for p in found:
        for start, end in p.spans:
            assert example[start:end].strip()


@pytest.mark.parametrize(
    "name,example",
    [(r["name"], ex) for r in RECORDS for ex in r.get("negative_examples", [])],
)
def test_no_negative_example_resolves(name, example):
    assert name not in [p.name for p in find_platforms(example)]


ROWS = [
    # (text, [(name, kind)])
    ("Defendants sell counterfeit products on Amazon and Wish.",
     [("Amazon", "marketplace"), ("Wish", "marketplace")]),
    ("stores on AliExpress.com and Alibaba.com that accept payment using Alipay",
     [("AliExpress", "marketplace"), ("Alibaba", "marketplace"), ("Alipay", "payment")]),
    ("solicit sales on Amazon, Etsy, E-bay and other interactive e-commerce websites",
     [("Amazon", "marketplace"), ("Etsy", "marketplace"), ("eBay", "marketplace")]),
    # operators alone are not platforms; the platform named elsewhere is
    ("Amazon.com, Inc. and eBay Inc. were served.", []),
    ("Alibaba.com Singapore E-Commerce Pte. Ltd. and/or any other entity that owns and/or "
     "operates the Alibaba.com online marketplace platform", [("Alibaba", "marketplace")]),
    ("Alibaba Group Holdings Ltd., Taobao China Holding Ltd. and Taobao (China) Software "
     "Co., Ltd.", []),
    ("Whaleco, Inc. operates the Temu mobile application and website (Temu Platform).",
     [("Temu", "marketplace")]),
    # a payment processor's company is the processor
    ("PayPal, Inc. and Amazon Payments, Inc. shall restrain the accounts.",
     [("PayPal", "payment"), ("Amazon Pay", "payment")]),
    # brands owned, not places to sell
    ("Plaintiff Roadget Business Pte. Ltd. owns the popular Shein brand.", []),
    ("Roadget owns marks associated with Shein, a popular online fashion retailer.",
     [("Shein", "marketplace")]),
    ("Plaintiffs wish to proceed. We target sellers. A square deal.", []),
    # a party in a case name
    ("See Tiffany (NJ) Inc. v. eBay Inc., 600 F.3d 93 (2d Cir. 2010).", []),
    ("eBay Inc. v. MercExchange, L.L.C., 547 U.S. 388 (2006).", []),
    ("AMAZON SELLER ACCOUNTS", [("Amazon", "marketplace")]),
    ("see https://www.ebay.com/itm/1234 and https://www.amazon.community/x",
     [("eBay", "marketplace")]),
    ("Mr. Amazonas and the Temurin project.", []),
    ("posts on Facebook and domains registered with GoDaddy",
     [("Facebook", "other"), ("GoDaddy", "other")]),
    ("Defendants operate Online Marketplace Accounts on Amazon.com, eBay.com, "
     "AliExpress.com, Walmart.com, Wish.com, DHgate.com and Temu.com.",
     [("Amazon", "marketplace"), ("eBay", "marketplace"), ("AliExpress", "marketplace"),
      ("Walmart", "marketplace"), ("Wish", "marketplace"), ("DHgate", "marketplace"),
      ("Temu", "marketplace")]),
    ("third party providers, including PayPal, Inc. (\"PayPal\"), Alipay, WeChat Pay, "
     "Stripe, Payoneer, LianLian and WorldFirst",
     [("PayPal", "payment"), ("Alipay", "payment"), ("WeChat Pay", "payment"),
      ("Stripe", "payment"), ("Payoneer", "payment"), ("LianLian", "payment"),
      ("WorldFirst", "payment")]),
    ("Wal-Mart Stores, Inc. v. Dukes, 564 U.S. 338 (2011).", []),
    ("AMAZON.COM, INC. and AMAZON TECHNOLOGIES, INC., Plaintiffs", []),
    ("Amazon.com Services LLC operates fulfilment centres.", []),
    ("I wish you well. We target the market. Target Corp. is a party.", []),
    ("", []),
]


@pytest.mark.parametrize("text,expected", ROWS)
def test_find_platforms(text, expected):
    assert [(p.name, p.kind) for p in find_platforms(text)] == expected


def test_one_entry_per_platform_with_every_span():
    text = "Listings on eBay. More listings on E-bay and ebay.com."
    (p,) = find_platforms(text)
    assert p.name == "eBay"
    assert [text[s:e] for s, e in p.spans] == ["eBay", "E-bay", "ebay.com"]


@pytest.mark.parametrize("text", [
    "A" * 50000,
    ("Amazon " * 5000),
    "on " + "Xx, " * 5000 + "Wish",
    "Amazon" + " Aaaa" * 5000 + " Inc.",
    "Wish" + " " * 50000 + "platform",
    ("eBay" + "." * 3) * 3000,
])
def test_crafted_inputs(text):
    found = find_platforms(text)
    for p in found:
        for s, e in p.spans:
            assert 0 <= s < e <= len(text)


def test_gold_platforms(seeds_dir, dev_dir):
    from factories import first_look

    wrong, later = [], []
    for d in (seeds_dir, dev_dir):
        for g in sorted(d.glob("*.gold.json")):
            gold = json.loads(g.read_text())
            text = (d / gold["doc"]).read_text(encoding="utf-8", errors="replace")
            want = {(p["name"], p["kind"]) for p in gold["platforms"]}
            got = {(p.name, p.kind) for p in find_platforms(text)}
            if want != got:
                (later if first_look(g) else wrong).append((gold["doc"], want - got, got - want))
    assert not wrong
    # Documents added later: at most this many disagree (measured; lower it as rules improve).
    assert len(later) <= LATER_MISMATCHES, later


LATER_MISMATCHES = 1  # measured 1 (2026-12-06, after Yupoo and the law-firm rule)


@pytest.mark.parametrize("text, expected", [
    ("Counsel: Ann Roe, Zelle LLP, 555 Main Street, Boston.", []),
    ("Ann Roe of Square, P.C. appears for the defendant.", []),
    ("Buyers paid the sellers through Zelle and PayPal.", ["Zelle", "PayPal"]),
    ("albums on the image hosting website Yupoo.com and on Instagram", ["Yupoo", "Instagram"]),
])
def test_a_law_firm_sharing_a_brand_name_is_not_the_platform(text, expected):
    assert [p.name for p in find_platforms(text)] == expected
