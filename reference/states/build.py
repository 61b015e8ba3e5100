"""Regenerate ontology/states.ttl: the governments of states, as bodies a resolution addresses.

Run from the project root: ``python3 reference/states/build.py [--output FILE]``. Inputs:

- pycountry's ISO 3166-1 table (names, official names, common names) and its translations of
  them (the ``iso3166-1`` gettext catalogues: ``zh_CN`` for Chinese). A well-kept package that
  follows the ISO standard; the UN's own short names differ for a few states ("the Sudan",
  "Iran (Islamic Republic of)"), which the hand-made table adds.
- ``reference/states/manual.csv`` (hand-made): per ISO alpha-3 code, the names the UN writes
  that ISO lacks and the demonyms its texts use ("the Malian authorities", "the Afghan
  Government").
- the language profiles (``ontology/profiles/*.ttl``): each language's preferred way of naming a
  state's government (``unkg:governmentName``, with ``{state}``), for the preferred label.

Each state's government is one body (``body:GovernmentSOM``) with the state's names and demonyms
(``unkg:stateName``, ``unkg:demonym``) and its country, the EU Publications Office's authority
IRI (``dcterms:spatial``). The loader names it in a text by filling its profile's forms with
them (ontology/profiles: ``unkg:governmentForm``). The output is sorted and deterministic.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import sys
from importlib.metadata import version
from pathlib import Path

import pycountry
from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
OUTPUT = PROJECT / "ontology" / "states.ttl"
MANUAL = HERE / "manual.csv"
UNKG = Namespace("https://w3id.org/unkg/ontology#")
COUNTRY = "http://publications.europa.eu/resource/authority/country/"
# The gettext catalogue of each profile language (English is pycountry's own).
CATALOGUES = {"zh": "zh_CN"}

def english_names(country, extra: list[str]) -> list[str]:
    """The English names of a state, ISO's and the UN's: "Congo, The Democratic Republic of the"
    is written "Democratic Republic of the Congo"."""
    names = list(extra)
    for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
        if not name:
            continue
        if ", " in name:
            # "Korea, Republic of" → "Republic of Korea"; "Iran, Islamic Republic of" → also
            # "Iran (Islamic Republic of)", as the UN writes it.
            head, _, tail = name.partition(", ")
            tail = tail[4:] if tail.startswith("The ") else tail
            names.append(f"{tail} {head}")
            if tail.endswith(" of"):
                names.append(f"{head} ({tail})")
        else:
            names.append(name)
    names += [n.replace("'", "’") for n in names if "'" in n]
    # Names go without their article: the profiles' forms say where "the" stands.
    return list(dict.fromkeys(n.removeprefix("the ") for n in names))


def translated(country, language: str) -> list[str]:
    """A state's names in one language, as pycountry's catalogue gives them."""
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[CATALOGUES[language]])
    names = [catalogue.gettext(n) for n in (country.name, getattr(country, "official_name", None)) if n]
    return list(dict.fromkeys(n for n in names if n and not n.isascii()))


def government_forms(profiles: Path) -> dict[str, list[str]]:
    """Each profile language's forms for a state's government, its preferred one
    (unkg:governmentName) first."""
    graph = Graph()
    for path in sorted(profiles.glob("*.ttl")):
        graph.parse(path, format="turtle")
    forms: dict[str, list[str]] = {}
    for profile in sorted(graph.subjects(UNKG.governmentName, None, unique=True)):
        language = str(graph.value(profile, DCTERMS.language))
        forms[language] = ([str(f) for f in sorted(graph.objects(profile, UNKG.governmentName))]
                           + [str(f) for f in sorted(graph.objects(profile, UNKG.governmentForm))])
    return forms


def build(manual: dict[str, dict[str, str]], preferred: dict[str, str]) -> list[tuple[str, dict, str]]:
    """Every state's government: (alpha-3, {"pref"|"name"|"demonym": [(language, words)]}, sources)."""
    entries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        row = manual.get(country.alpha_3, {})
        written = [n for n in row.get("english_names", "").split(";") if n]
        names = {"en": english_names(country, written)}
        for language in preferred:
            if language in CATALOGUES:
                names[language] = translated(country, language)
        # The preferred label: the preferred form with the name the UN writes, article and all
        # ("Government of the Sudan").
        pref = [(language, preferred[language].format(state=(written if language == "en" and written else found)[0]))
                for language, found in sorted(names.items()) if found and language in preferred]
        entry = {"pref": pref,
                 "name": [(language, n) for language, found in sorted(names.items()) for n in found],
                 "demonym": [("en", d) for d in row.get("demonyms", "").split(";") if d]}
        source = f"pycountry {version('pycountry')} (ISO 3166-1 names and their translations)" + (
            "; reference/states/manual.csv (hand-made: UN names, demonyms)" if row else "")
        entries.append((country.alpha_3, entry, source))
    return entries


def turtle(entries: list[tuple[str, dict, str]]) -> str:
    """The entries as Turtle, one block per government, sorted."""
    lines = [
        "# GENERATED by reference/states/build.py: do not edit; change reference/states/manual.csv or the",
        "# script and run it again (`python3 reference/states/build.py`). The government of each state of",
        "# ISO 3166-1 as a body a resolution addresses (\"Requests the South Sudan authorities to report …\",",
        "# \"请南苏丹当局…\"): the state's names (pycountry, and the hand-made table for the UN's own names)",
        "# and demonyms; the loader names the government by filling its language profile's forms",
        "# (unkg:governmentName, unkg:governmentForm) with them. Its country: the EU authority table's IRI.",
        "@prefix unkg: <https://w3id.org/unkg/ontology#> .",
        "@prefix body: <https://w3id.org/unkg/vocab/body/> .",
        "@prefix org:  <http://www.w3.org/ns/org#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "",
    ]
    joint = " , "
    for code, entry, source in entries:
        lines.append(f"body:Government{code} a unkg:StateGovernment , org:FormalOrganization , skos:Concept ; "
                     "skos:inScheme unkg:Bodies ;")
        lines.append(f"    skos:prefLabel {joint.join(f'{_literal(w)}@{l}' for l, w in entry['pref'])} ;")
        lines.append(f"    unkg:stateName {joint.join(f'{_literal(w)}@{l}' for l, w in entry['name'])} ;")
        if entry["demonym"]:
            lines.append(f"    unkg:demonym {joint.join(f'{_literal(w)}@{l}' for l, w in entry['demonym'])} ;")
        lines.append(f"    dcterms:spatial <{COUNTRY}{code}> ;")
        lines.append(f"    dcterms:source {_literal(source)} .")
        lines.append("")
    return "\n".join(lines)


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read_manual(path: Path) -> dict[str, dict[str, str]]:
    """The hand-made table, by ISO alpha-3 code."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["alpha3"]: row for row in csv.DictReader(handle)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    forms = government_forms(PROJECT / "ontology" / "profiles")
    if not forms:
        print("build.py: no profile has a unkg:governmentName", file=sys.stderr)
        return 2
    entries = build(read_manual(MANUAL), {language: found[0] for language, found in forms.items()})
    text = turtle(entries)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.output)
    print(f"{len(entries)} governments, {sum(len(e['name']) for _, e, _ in entries)} names "
          f"→ {args.output.relative_to(PROJECT) if args.output.is_relative_to(PROJECT) else args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
