#!/usr/bin/env python3
"""Writes N open orders (JSON Lines) for measuring `reticle whatif`, deterministically (a fixed seed).

Usage: python3 bench/whatif/orders.py 100000 > /tmp/orders.jsonl
Orders are planned over 2027 from NL, DE, KR, SG and JP to CN, US, TW, KR and DE, for the bundled catalogue's
DUV and i-line scanners, with the US facts stated so that the drafts, not a missing fact, decide them.
"""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
rng = random.Random(20261205)
origins = ["NL", "DE", "KR", "SG", "JP"]
destinations = ["CN", "US", "TW", "KR", "DE"]
items = [("NXT:1980Di", 45000000), ("NXT:2050i", 65000000), ("NXT:1470", 20000000), ("NSR-S636E", 40000000), ("XT:400M", 8000000)]
customers = [f"Fab {i:03d} Co." for i in range(300)]
# Names no bundled list comes near (a generic "Exporter DE" is a potential match on SDN, which would make every order review).
exporters = {"NL": "ASML Netherlands B.V.", "DE": "Rhein Litho Service GmbH", "KR": "Han River Equipment Co.", "SG": "Lion City Litho Pte. Ltd.", "JP": "Nikon Corporation"}
out = sys.stdout
for i in range(n):
    frm = rng.choice(origins)
    to = rng.choice([d for d in destinations if d != frm])
    sku, price = rng.choice(items)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    order = {
        "id": f"WI-{i:06d}", "date": f"2027-{month:02d}-{day:02d}", "activity": "export", "from": frm, "to": to,
        "item": {"sku": sku, "usControlledContentPercent": 5, "usTechnologyInputs": [], "containsUsOriginIc": False,
                 "producedByUsTechnologyPlant": False, "containsUsTechnologyPlantProduct": False},
        "quantity": 1, "value": {"amount": price, "currency": "EUR"},
        "parties": [{"role": "end-user", "name": rng.choice(customers), "country": to, "headquarters": to},
                    {"role": "exporter", "name": exporters[frm], "country": frm, "headquarters": frm}],
        "endUse": {"advancedNodeFacility": "no", "advancedNodeLogicProduction": "no", "advancedNodeDramProduction": "no",
                   "smeDevelopmentOrProduction": "no", "militaryEndUse": "no", "informedByAuthority": "no"},
        "personnel": [{"name": "Shipping clerk", "usPerson": False}],
    }
    out.write(json.dumps(order, separators=(",", ":")) + "\n")
