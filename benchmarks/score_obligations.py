"""Score unkg's reporting obligations against the hand-made evaluation set (benchmarks/eval/).

    python3 benchmarks/score_obligations.py [--only 2576 …] [--variant zh-xml|zh-text|en-xml …] [-v]

For every resolution of ``benchmarks/eval/gold/`` and every version the corpus has of it, the
UN's Chinese XML (``zh-xml``), that XML laid out as PDF-like text (``zh-text``, as
``tests/akn_render.py`` does) and the UN's English XML (``en-xml``), the script runs unkg's
pipeline and the canned query ``reporting-obligations``, then pairs the rows with the hand-made
ones. A row is found when unkg gives, in the same operative paragraph, a row for the same
addressee (its words at that place, or a label of the body it links to). It prints precision,
recall, the share of dated deadlines that are exact and the rows without an addressee, per
version, and the agreement of the Chinese and English readings of each resolution.
``-v`` lists every miss and every extra row. Gold rows are never read from unkg's output:
see ``benchmarks/eval/GUIDELINES.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "eval" / "gold"
CORPUS = ROOT.parent / "shared" / "corpus" / "unxml-dev"
VARIANTS = ("zh-xml", "zh-text", "en-xml")

sys.path.insert(0, str(ROOT / "tests"))  # akn_render lays the XML out as PDF-like text


@dataclass(frozen=True)
class Row:
    """One reporting obligation, hand-made or read by unkg, reduced to what is scored."""

    paragraph: str                 # op/7/a
    words: str                     # the addressee as written ("" when unkg names none)
    names: tuple[str, ...]         # canonical name, labels, notation of the addressee
    due: str = ""                  # YYYY-MM-DD
    kind: str = ""
    period: str = ""
    report_to: tuple[str, ...] = ()
    text: str = ""                 # what a reader needs to find the row again

    @property
    def top(self) -> str:
        """The numbered operative paragraph the row sits in (op/7 for op/7/a/ii)."""
        return "/".join(self.paragraph.split("/")[:2])


@dataclass
class Score:
    """Counts for one version of the evaluation set."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    dated: int = 0
    dated_exact: int = 0
    kind_right: int = 0
    unaddressed: int = 0
    report_to_named: int = 0
    report_to_right: int = 0
    documents: int = 0
    refused: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("gold", "found", "matched", "dated", "dated_exact", "kind_right", "unaddressed",
                     "report_to_named", "report_to_right", "documents"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.refused.extend(other.refused)

    def line(self, label: str) -> str:
        precision = self.matched / self.found if self.found else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        exact = self.dated_exact / self.dated if self.dated else 0.0
        kind = self.kind_right / self.matched if self.matched else 0.0
        to = self.report_to_right / self.report_to_named if self.report_to_named else 0.0
        return (f"{label:8} docs={self.documents:3} gold={self.gold:4} rows={self.found:4} matched={self.matched:4} "
                f"P={precision:.2f} R={recall:.2f} dated-exact={exact:.2f} ({self.dated_exact}/{self.dated}) "
                f"kind={kind:.2f} report-to={to:.2f} no-addressee={self.unaddressed}"
                + (f" refused={len(self.refused)}" if self.refused else ""))


def normalise(words: str) -> str:
    """Words compared without case, articles, brackets, spaces or punctuation. "All States",
    "all Member States" and "Member States" are one addressee for this score: the Council uses
    them interchangeably for the duties of States, and so do the annotators."""
    words = words.casefold().replace("united nations", "un")
    words = re.sub(r"\b(the|its|his|her|their)\b", " ", words)
    words = re.sub(r"^\s*(?:all\s+)?(?:member\s+)?states\s*$", "states", words)
    words = re.sub(r"^(?:所有|各)?(?:会员国|国家)$", "states", words.strip())
    return re.sub(r"[\W_]+", "", words)


def agrees(gold: Row, found: Row, by_name: bool = False) -> bool:
    """Whether a row of unkg names the hand-made row's addressee (``by_name``: by the linked body's labels only)."""
    gold_names = {normalise(n) for n in gold.names if normalise(n)}
    found_names = {normalise(n) for n in found.names if normalise(n)}
    if gold_names & found_names:
        return True
    if by_name:
        return False
    a, b = normalise(gold.words), normalise(found.words)
    return bool(a and b and (a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))))


def gold_rows(entry: dict, language: str) -> list[Row]:
    """The hand-made rows of one resolution, with the addressee words of one language."""
    rows = []
    for item in entry.get("obligation", []):
        words = item.get(f"addressee_{language}", "") or ""
        rows.append(Row(item["paragraph"], words, (item["addressee"], item.get("addressee_en", "")),
                        item.get("due", ""), item.get("kind", ""), item.get("period", ""),
                        tuple(n.strip() for n in item.get("report_to", "").split(";") if n.strip()),
                        f"{item['paragraph']} {item['addressee']} {item.get('action', '')} "
                        f"{item.get(f'deadline_{language}', '') or item.get('deadline_en', '')}"))
    return rows


def _labels(graph: Graph, node: URIRef) -> tuple[str, ...]:
    return tuple(str(o) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, SKOS.notation)
                 for o in graph.objects(node, p))


def unkg_rows(path: Path) -> tuple[list[Row], str | None]:
    """The rows of ``reporting-obligations`` for one file, or the reason unkg refused it."""
    from unkg.iri import IriMinter
    from unkg.mapping import map_document
    from unkg.model import UnkgError
    from unkg.pipeline import load_document
    from unkg.query import canned_queries, run_local
    from unkg.reftable import load_reference
    from unkg.validate import ontology_graph

    try:
        document = load_document(path)
    except UnkgError as err:
        return [], str(err)
    graph = map_document(document, IriMinter(), load_reference())
    graph += ontology_graph()
    result = run_local(canned_queries()["reporting-obligations"], graph)
    rows = []
    for row in result.rows:
        body = row.get("body")
        names = _labels(graph, body) if isinstance(body, URIRef) else ()
        words = str(row.get("addresseeText", ""))
        recipients = ()
        if "reportTo" in row:
            recipient = row.get("reportToBody")
            recipients = (str(row["reportTo"]),) + (_labels(graph, recipient) if isinstance(recipient, URIRef) else ())
        rows.append(Row(str(row["paragraph"]), words, names, str(row.get("deadline", "")),
                        str(row.get("deadlineKind", "")), str(row.get("recurrence", "")), recipients,
                        f"{row['paragraph']} {row.get('bodyLabel', '') or words or '—'} {row.get('action', '')} "
                        f"{row.get('deadlineText', '')}"))
    return rows, None


def pair(gold: list[Row], found: list[Row]) -> list[tuple[Row, Row]]:
    """Hand-made rows paired with unkg's, within one operative paragraph, best fits first."""
    pairs: list[tuple[Row, Row]] = []
    free = list(found)
    # Exact sub-paragraph and deadline first, then the same addressee anywhere in the paragraph;
    # at each step a row whose linked body is the addressee before one that only shares words
    # (a list's rows share the words of the whole list).
    for strict, by_name in ((strict, by_name) for strict in (3, 2, 1, 0) for by_name in (True, False)):
        for g in gold:
            if any(g is p for p, _ in pairs):
                continue
            for f in free:
                if g.top != f.top or not agrees(g, f, by_name):
                    continue
                fit = (g.paragraph == f.paragraph) + (g.due == f.due) + (g.kind == f.kind)
                if fit >= strict:
                    pairs.append((g, f))
                    free.remove(f)
                    break
    return pairs


def score(gold: list[Row], found: list[Row], verbose: bool, label: str) -> Score:
    """Count the pairs of one document's rows."""
    pairs = pair(gold, found)
    result = Score(gold=len(gold), found=len(found), matched=len(pairs), documents=1)
    result.unaddressed = sum(1 for f in found if not f.words and not f.names)
    for g, f in pairs:
        if g.due:
            result.dated += 1
            result.dated_exact += g.due == f.due
        result.kind_right += (g.kind or "None") == (f.kind or "None")
        if g.report_to:
            result.report_to_named += 1
            result.report_to_right += any(normalise(a) == normalise(b) for a in g.report_to for b in f.report_to)
    if verbose:
        matched_gold = {id(g) for g, _ in pairs}
        matched_found = {id(f) for _, f in pairs}
        for g in gold:
            if id(g) not in matched_gold:
                print(f"  {label} MISS  {g.text}")
        for f in found:
            if id(f) not in matched_found:
                print(f"  {label} EXTRA {f.text}")
        for g, f in pairs:
            if g.due and g.due != f.due:
                print(f"  {label} DATE  {g.text} → unkg {f.due or '—'} ({f.text})")
    return result


def versions(entry: dict) -> dict[str, Path]:
    """The corpus files of one gold entry, by variant."""
    found = {}
    for name in entry["files"]:
        path = CORPUS / name
        if "/Chinese/" in name:
            found["zh-xml"] = path
            found["zh-text"] = path
        else:
            found["en-xml"] = path
    return found


def rendered_text(path: Path, folder: Path) -> Path:
    """The Chinese XML laid out as PDF-extracted text, in a file unkg reads."""
    from akn_render import render

    out = folder / (path.stem + ".txt")
    out.write_text(render(path).text, encoding="utf-8")
    return out


def load_gold(only: set[str] | None = None) -> dict[str, dict]:
    """The evaluation set: resolution number → its hand-made entry."""
    entries = {}
    for path in sorted(GOLD.glob("*.toml")):
        entry = tomllib.loads(path.read_text(encoding="utf-8"))
        number = path.stem.split("-")[2]
        if only is None or number in only:
            entries[number] = entry
    return entries


def evaluate(entries: dict[str, dict], variants: tuple[str, ...] = VARIANTS, verbose: bool = False
             ) -> tuple[dict[str, Score], list[tuple[str, float, int, int]]]:
    """Scores per variant, and per resolution the zh/en agreement of unkg's rows."""
    totals = {variant: Score() for variant in variants}
    agreement = []
    with tempfile.TemporaryDirectory() as tmp:
        for number, entry in entries.items():
            files = versions(entry)
            read: dict[str, list[Row]] = {}
            for variant in variants:
                if variant not in files:
                    continue
                path = rendered_text(files[variant], Path(tmp)) if variant == "zh-text" else files[variant]
                found, refused = unkg_rows(path)
                language = variant[:2]
                gold = gold_rows(entry, language)
                if refused:
                    totals[variant].refused.append(refused)
                    print(f"  {variant} REFUSED {refused}")
                result = score(gold, found, verbose, f"{number} {variant}")
                totals[variant].add(result)
                read[variant] = found
            if "zh-xml" in read and "en-xml" in read:
                agreement.append((number, *_agreement(read["zh-xml"], read["en-xml"])))
    return totals, agreement


def _agreement(zh: list[Row], en: list[Row]) -> tuple[float, int, int]:
    """Share of rows the two versions agree on: same paragraph, same body (or both unnamed)."""
    a, b = Counter(map(_body_key, zh)), Counter(map(_body_key, en))
    common = sum((a & b).values())
    total = sum(a.values()) + sum(b.values())
    return (2 * common / total if total else 1.0), sum(a.values()), sum(b.values())


def _body_key(row: Row) -> tuple[str, str]:
    english = [n for n in row.names if n.isascii()]
    return row.paragraph, (sorted(english)[0] if english else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="resolution numbers to score (default: all)")
    parser.add_argument("--variant", nargs="*", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss, extra row and wrong date")
    args = parser.parse_args(argv)
    entries = load_gold(set(args.only) if args.only else None)
    if not entries:
        print(f"no evaluation entries in {GOLD}", file=sys.stderr)
        return 2
    genres = Counter(e.get("genre", "?") for e in entries.values())
    print(f"evaluation set: {len(entries)} resolutions ({', '.join(f'{g} {n}' for g, n in sorted(genres.items()))}), "
          f"{sum(len(e.get('obligation', [])) for e in entries.values())} obligations")
    totals, agreement = evaluate(entries, tuple(args.variant), args.verbose)
    for variant, result in totals.items():
        print(result.line(variant))
    if agreement:
        mean = sum(a for _, a, _, _ in agreement) / len(agreement)
        good = sum(1 for _, a, _, _ in agreement if a >= 0.9)
        print(f"zh/en    agreement={mean:.2f} (mean over {len(agreement)} resolutions; {good} at ≥ 0.90)")
        if args.verbose:
            for number, share, zh, en in agreement:
                print(f"  {number}: {share:.2f} (zh {zh} rows, en {en} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
