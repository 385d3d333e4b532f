#!/usr/bin/env python3
"""Writes N open orders as JSON Lines to stdout, the same N orders on every run (a fixed seed).

  bench/scale/orders.py N

Catalogue items to a spread of destinations, planned between 2024-06-01 and 2026-12-31, each with an end user and a
consignee from a pool of 2,000 names of which one in fifty is a Chinese name on the bundled Consolidated Screening
List (so screening finds hits), and the facts an exporter gives so that the rules decide rather than stop at review.
"""
import datetime
import json
import random
import sys

SKUS = ["NXE:3400C", "NXE:3600D", "EXE:5000", "NXT:2100i", "NXT:2050i", "NXT:2000i", "NXT:1980Di", "NXT:1970Ci",
        "NXT:1470", "NXT:870", "XT:400M", "NSR-S635E", "NSR-S636E", "FPA-6300ES6a", "SAMPLE-NXT2050I-WAFER-STAGE-MODULE",
        "SAMPLE-NXT1980I-WAFER-STAGE-MODULE", "SAMPLE-EUV-PELLICLE", "LITHIUS Pro Z", "Producer Selectra", "SAMPLE-EAR99-ORING"]
DESTINATIONS = ["CN", "US", "DE", "JP", "KR", "TW", "MO", "BE", "GB", "SG"]
ORIGINS = ["NL", "NL", "NL", "DE", "JP"]
# Chinese names on the bundled us-csl snapshot (content/lists/us-csl-2026-07-31.json).
LISTED = ["China Telecom Corporation Limited", "Aero Engine Corporation of China", "China Mobile Limited",
          "AVIATION INDUSTRY CORPORATION OF CHINA, LTD.", "CNOOC Limited", "China Academy of Launch Vehicle Technology",
          "China Aerospace Science and Industry Corporation Limited", "China Aerospace Science and Technology Corporation",
          "Semiconductor Manufacturing International Corporation", "BANK OF KUNLUN CO LTD"]


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit("usage: bench/scale/orders.py N")
    count = int(sys.argv[1])
    rng = random.Random(20241201)
    names = [LISTED[rng.randrange(len(LISTED))] if i % 50 == 0 else f"Customer {i} Semiconductor Co., Ltd." for i in range(2000)]
    start = datetime.date(2024, 6, 1)
    out = sys.stdout
    for i in range(count):
        name = names[rng.randrange(len(names))]
        to = DESTINATIONS[rng.randrange(len(DESTINATIONS))]
        order = {
            "id": f"SO-{i:07d}",
            "date": (start + datetime.timedelta(days=rng.randrange(944))).isoformat(),
            "activity": "service" if rng.randrange(10) == 0 else "export",
            "from": ORIGINS[rng.randrange(len(ORIGINS))],
            "to": to,
            "item": {
                "sku": SKUS[rng.randrange(len(SKUS))],
                "usControlledContentPercent": rng.randrange(30),
                "usTechnologyInputs": ["3E001"] if rng.randrange(3) == 0 else [],
                "containsUsOriginIc": rng.randrange(4) == 0,
            },
            "quantity": 1,
            "value": {"amount": 1000000 + rng.randrange(50) * 100000, "currency": "EUR"},
            "parties": [{"role": "end-user", "name": name, "country": to}, {"role": "consignee", "name": name, "country": to}],
            "endUse": {"advancedNodeFacility": ["unknown", "yes", "yes", "no", "no", "no", "no", "no"][rng.randrange(8)],
                       "smeDevelopmentOrProduction": "yes" if rng.randrange(10) == 0 else "no",
                       "militaryEndUse": "no"},
        }
        out.write(json.dumps(order, separators=(",", ":")))
        out.write("\n")


main()
