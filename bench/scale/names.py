#!/usr/bin/env python3
"""Writes a CSV of N parties to screen (id,name,country,type) to stdout, the same N every run (a fixed seed).

  bench/scale/names.py N

Company and person names built from common words and surnames, one in a hundred a name on the bundled Consolidated
Screening List, so that the matcher does the work a real customer master gives it (most names near nothing, a few hits).
"""
import random
import sys

WORDS = ["Advanced", "Global", "Pacific", "Micro", "Precision", "Semiconductor", "Electronics", "Photonics", "Materials",
         "Systems", "Technology", "Industrial", "Vacuum", "Optics", "Instruments", "Logistics", "Trading", "Engineering",
         "Northern", "Eastern", "Golden", "Silicon", "Quantum", "Laser", "Wafer", "Crystal", "Dynamics", "Solutions"]
FORMS = ["Co., Ltd.", "GmbH", "B.V.", "Inc.", "Corporation", "Limited", "K.K.", "S.A.", "Pte. Ltd."]
GIVEN = ["Wei", "Li", "Anna", "Jan", "Pieter", "Hiroshi", "Yuki", "Maria", "John", "Ahmed", "Olga", "Chen", "Sofia"]
FAMILY = ["Zhang", "Wang", "de Vries", "Jansen", "Tanaka", "Suzuki", "Smith", "Garcia", "Ivanova", "Kim", "Park", "Muller"]
LISTED = ["China Telecom Corporation Limited", "Aero Engine Corporation of China", "China Mobile Limited",
          "Semiconductor Manufacturing International Corporation", "BANK OF KUNLUN CO LTD", "CNOOC Limited"]
COUNTRIES = ["CN", "US", "DE", "JP", "KR", "TW", "NL", "SG", "GB", "FR"]


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit("usage: bench/scale/names.py N")
    rng = random.Random(20241202)
    out = sys.stdout
    out.write("id,name,country,type\n")
    for i in range(int(sys.argv[1])):
        if i % 100 == 0:
            name, kind = LISTED[rng.randrange(len(LISTED))], "entity"
        elif rng.randrange(4) == 0:
            name, kind = f"{GIVEN[rng.randrange(len(GIVEN))]} {FAMILY[rng.randrange(len(FAMILY))]}", "individual"
        else:
            words = " ".join(rng.sample(WORDS, rng.randrange(2, 4)))
            name, kind = f"{words} {FORMS[rng.randrange(len(FORMS))]}", "entity"
        out.write(f'P-{i:08d},"{name}",{COUNTRIES[rng.randrange(len(COUNTRIES))]},{kind}\n')


main()
