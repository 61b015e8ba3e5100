"""Regenerate ontology/bodies-un.ttl, the authority file's entries drawn from UN sources.

Run from the project root: ``python3 reference/bodies/build.py [--corpus DIR] [--output FILE]``
(the corpus defaults to ``../shared/corpus``). Inputs, all read, none changed:

- ``unxml-metadata/dhlauth_subject_names.csv``: the Dag Hammarskjöld Library's authority
  headings that tag resolutions. Kept: the headings that name a body (a UN organ or subsidiary
  body, a peace operation, mission or office, a sanctions committee, panel, group or team, an
  office-holder, a regional or other organisation, a tribunal or commission); dropped: persons,
  places, national institutions, armed groups, treaties, conferences, events, topics.
- ``un-entities/mandate_entities.csv``: UN entity codes with their English names.
- ``unxml-dev/<year>/{English,Chinese}/*.xml`` (2020–2026): the two language versions of the
  same resolutions, paragraph by paragraph; where both define a name in brackets at the same
  place ("United Nations Mission in South Sudan (UNMISS)" / "联合国南苏丹特派团(南苏丹特派团)"),
  the Chinese names are paired with the English. Also the English of every year (``Pre-2020/``
  too), to choose the forms the resolutions actually write and to learn acronyms.
- ``reference/bodies/decisions.csv`` (hand-made): per heading or entity code, a decision the
  rules cannot take (drop, keep, English name, kind, merge).
- ``reference/bodies/manual.ttl`` (hand-made): entries and labels no source gives, each marked
  ``skos:editorialNote "hand-made"`` in the output.

Bodies ontology/bodies.ttl already has are never repeated: a source name that is one of them
(same acronym or label) is reported, and bodies.ttl stays as it is. The output is sorted and
deterministic; the script prints a summary of what it kept and on what evidence.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, SKOS

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
CORPUS = PROJECT.parent / "shared" / "corpus"
OUTPUT = PROJECT / "ontology" / "bodies-un.ttl"
EXISTING = PROJECT / "ontology" / "bodies.ttl"
DECISIONS = HERE / "decisions.csv"
MANUAL = HERE / "manual.ttl"

DHLAUTH = "unxml-metadata/dhlauth_subject_names.csv"
MANDATES = "un-entities/mandate_entities.csv"
ALIGNED = "unxml-dev"
YEARS = range(2020, 2027)

BODY = Namespace("https://w3id.org/unkg/vocab/body/")
UNKG = Namespace("https://w3id.org/unkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"

UNIT, ORGANISATION, POST = "unit", "organisation", "post"
TYPES = {UNIT: "org:OrganizationalUnit", ORGANISATION: "org:FormalOrganization", POST: "org:Post"}

# --- what a heading is -------------------------------------------------------------------
# The head of a heading is its first words up to a preposition ("Mission" in "UN Mission in
# South Sudan", "Agreement" in "Agreement on Cessation of Hostilities …"). These words make a
# body; anything else (agreements, conferences, funds, programmes of action …) is not one.
BODY_HEADS = {
    "mission", "missions", "operation", "force", "office", "committee", "commission", "council",
    "panel", "group", "team", "tribunal", "court", "mechanism", "union", "community",
    "organization", "organisation", "agency", "authority", "programme", "service", "department",
    "secretariat", "assembly", "board", "directorate", "unit", "centre", "center", "institute",
    "bank", "association", "league", "club", "forum", "coalition", "administration", "brigade",
    "capacity", "quartet", "friends", "facilitation", "nato", "eufor", "kfor", "ecoforce",
    "interpol", "unops", "unrwa", "unhcr", "unicef", "undp", "iaea", "imo", "icao", "imf", "ibrd",
    "icj", "oas", "oau", "asean", "who", "fao", "unesco", "team", "investigative",
}
POST_HEADS = (
    "special representative", "deputy special representative", "executive representative",
    "joint special representative", "personal envoy", "special envoy", "joint special envoy",
    "special adviser", "special coordinator", "senior humanitarian and reconstruction coordinator",
    "high commissioner", "high representative", "humanitarian aid coordinator",
    "emergency relief coordinator", "under-secretary-general", "secretary-general",
    "senior representative", "senior focal point", "independent expert", "special rapporteur",
    "facilitator", "mediator", "joint african union-united nations chief mediator",
    "high-level coordinator", "special coordinator for emergency relief operations",
    "humanitarian coordinator", "chief mediator", "joint african union-un chief mediator",
    "joint african union-united nations special representative",
)
SUB_POSTS = (
    "chair", "chairperson", "chairman", "vice-chair", "president", "prosecutor", "registrar",
    "commander", "force commander", "director general", "executive director", "coordinator",
    "commissioner", "chief military observer", "deputy head of mission", "mediator",
    "special representative", "resident representative", "executive chair",
    "under-secretary-general and executive director",
)
PREPOSITIONS = re.compile(
    r"\s(?:of|for|in|on|to|between|concerning|relating|pursuant|against|with|established|"
    r"by|from|at)\s|\s\(|\s\[", re.I)
NOT_BODIES = re.compile(
    r"\b(?:agreements?|accords?|acordos|conventions?|treaty|protocols?|declaration|charter|statute|"
    r"regulations|plan|strategy|compact|framework|road map|initiative|memorandum|memorando|"
    r"communiqué|outcome|guidelines|principles|code|scheme|understanding|papers|rules|document|"
    r"vision|conference|summit|meeting|talks|dialogue|session|sess\.|list|account|fund|"
    r"campaign|medal|package|appeal|register|facility|jirga|jirgah|congress|movement|army|"
    r"front|party|process|table ronde|round table|partnership|arrangements|"
    r"measures|constitution)\b", re.I)
NATIONAL = re.compile(
    r"\b(?:national police|police force|police service|armed forces|forces armées|national army|"
    r"national security force|policía|joint integrated units)\b|^(?:haitian|afghan|liberian|"
    r"somali|lebanese|iraqi|sudanese|congolese)\b", re.I)
EVENT = re.compile(r"\((?:\d+(?:st|nd|rd|th)\b[^)]*|\d{4}[^)]*:[^)]*|[^)]*\b(?:19|20)\d{2}\s*:[^)]*)\)"
                   r"|\(Proposed\)|, (?:19|20)\d{2}$|(?<![0-9] )\(\d{4}\)$|\(\d{4}-\d{4} : [^)]*\)")
QUALIFIER = re.compile(r"\s\((?:Organization[^)]*|[^)]*:[^)]*)\)|\s\((?!Proposed\)|\d{4}\))[^)]*\)$")
ACRONYM_IN_HEADING = re.compile(r"\s*\(([A-Z][A-Z0-9-]{1,})\)$")
PERSON = re.compile(r"^[A-ZÀ-Þ][\w'’ .-]*, [A-ZÀ-Þ]")
ORGANISATION_WORDS = re.compile(r"\b(?:UN|Mission|Commission|Committee|Council|Office|Force|Group|Organi[sz]ation|"
                                r"Union|Community|Agency|Court|Tribunal|Panel|Team|Mechanism|Authority|Bank)\b")
UN_PARTS = re.compile(r"^(?:Security Council|General Assembly|Economic and Social Council|Secretariat|"
                      r"Secretary-General|Peacebuilding|Department|Human Rights Council|Commission on|"
                      r"Special Committee|Military Staff|Executive Committee|Inter-Agency|Contact Group|"
                      r"Committee|Group of Experts|Panel of Experts|Monitoring|Team of Experts|Expert Panel|"
                      r"Committee of Experts|Working Group|Informal|Advance Team)", re.I)
UNIT_HEADS = {
    "mission", "operation", "force", "office", "panel", "commission", "committee", "mechanism", "team", "unit",
    "board", "brigade", "service", "programme", "administration", "directorate", "department", "capacity",
}
ORGANISATION_HEADS = {
    "union", "community", "organization", "organisation", "league", "association", "bank", "club", "forum",
    "authority", "coalition", "quartet", "friends", "council", "group", "court", "tribunal", "centre", "center",
    "institute", "nato", "oas", "oau", "asean", "ibrd",
}
ESTABLISHING = re.compile(r"(?:Resolutions?|resolutions?)\s+((?:\d{1,4}\s*\(\d{4}\)(?:,?\s*(?:and\s+)?(?:modified and strengthened by Resolution\s+|Extended by Resolution\s+)?)?)+)")
SYMBOL_PAIR = re.compile(r"(\d{1,4})\s*\((\d{4})\)")
# Sanctions committees and their experts, merged by kind and first establishing resolution.
EXPERT_HEADS = ("Security Council Committee", "Committee of Experts", "Panel of Experts", "Group of Experts",
                "Monitoring Group", "Monitoring Team", "Team of Experts", "Expert Panel", "Monitoring Mechanism",
                "Working Group", "Committee", "Analytical Support and Sanctions Monitoring Team")

# --- labels that must not be added ---------------------------------------------------------
# A label is matched everywhere in a text (case-insensitively in English), so words that name
# no one body are never labels: the head words the texts resolve by context, words of every
# body's name, and anything of one or two letters.
GENERIC_EN = {
    "mission", "missions", "panel", "panel of experts", "group", "group of experts", "committee",
    "commission", "council", "government", "office", "team", "force", "forces", "board", "court",
    "tribunal", "secretariat", "operation", "union", "community", "organization", "agency",
    "authority", "the committee", "the mission", "the panel", "the group", "monitoring team",
    "monitoring group", "working group", "expert panel", "team of experts", "committee of experts",
    "joint commission", "joint military commission", "tripartite commission", "coordinator",
    "special representative", "special envoy", "personal envoy", "special adviser", "chair",
    "president", "prosecutor", "registrar", "commander", "force commander", "director general",
    "executive director", "head of mission", "country team", "united nations country team",
    "un country team", "united nations", "un", "the united nations", "united nations system",
    "un system", "the list", "mechanism", "monitoring mechanism", "the monitoring mechanism",
    "military coordination commission", "joint monitoring committee", "quartet", "sanctions committee",
    "the security council", "security council", "security council committee", "transitional government",
    "federal government", "interim administration", "transitional authority",
}
GENERIC_WORDS = {
    "the", "of", "for", "on", "in", "and", "to", "joint", "military", "special", "united", "nations",
    "un", "mission", "missions", "panel", "group", "experts", "expert", "committee", "commission",
    "council", "government", "office", "team", "force", "board", "court", "tribunal", "secretariat",
    "operation", "union", "community", "organization", "agency", "authority", "monitoring",
    "working", "coordination", "tripartite", "country", "coordinator", "representative", "envoy",
    "adviser", "chair", "president", "head", "mechanism", "sanctions", "security", "support",
    "national", "international", "interim", "transitional", "federal", "integrated", "assistance",
    "verification", "observer", "observers", "peacekeeping", "political", "regional",
}
GENERIC_ZH = {
    "委员会", "专家组", "专家小组", "小组", "工作组", "特派团", "办事处", "办公室", "秘书处", "部队",
    "政府", "联邦政府", "过渡政府", "国家工作队", "联合国国家工作队", "监测组", "监测机制", "机制", "名单",
    "主席", "团", "安理会", "安全理事会", "联合国", "特别代表", "特使", "个人特使", "特别顾问", "协调员",
    "秘书长", "行动", "理事会", "法庭", "法院", "联合委员会", "联合军事委员会", "国家警察", "联邦成员州",
    "关键基准", "和平进程", "过渡期", "该委员会", "本委员会", "联合国系统", "国际部队", "混合部队",
    "共同体", "组织", "联盟", "安全部队", "稳定部队", "援助团", "支助团", "观察团", "机构", "专家", "调查组",
    "联合国特派团", "维持和平部队", "维和部队", "多国部队", "支助办", "办事处主任", "特别协调员",
}

# --- Chinese names in the aligned texts ----------------------------------------------------
EN_DEFINITION = re.compile(
    r"\((?:hereinafter(?: referred to as)? |the )?(?:“|\")?(?P<acronym>[A-Z][A-Za-z0-9&.\-]*[A-Z0-9][A-Za-z0-9\-]*)"
    r"(?:”|\")?\)"
    r"|\((?:hereinafter(?: referred to as)? |hereafter )?(?:“|\")(?P<short>[^”\")]{2,80})(?:”|\")\)")
ZH_DEFINITION = re.compile(r"[(（]\s*(?:以下简称|下称|简称|以下称|下文称|以下称为)?\s*[“\"]?(?P<short>[^()（）“”\"]{1,30}?)[”\"]?\s*[)）]")
CJK = re.compile(r"[\u4e00-\u9fff]")
ZH_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff0-9()（）\-—·/A-Za-z]+$")
ZH_BREAKS = re.compile(r"[，。；：、“”‘’《》！？,;:\s]|(?<![0-9])[)）]|[(（](?![0-9]{4})")
ZH_LEADING = ("以及", "并请", "并与", "还请", "又请", "请", "与", "和", "及", "同", "并", "还", "由", "向", "对",
              "为", "在", "将", "把", "使", "让", "包括", "其中", "尤其是", "特别是", "例如", "即", "的",
              "通过", "经", "据", "被", "给", "从", "称", "以", "也", "亦", "均", "都", "已", "正", "在内的")
ZH_SAFE_STARTS = set("请与并还由向同、")
CJK_NUMBERS = {chr(0x3220 + i): r for i, r in enumerate("i ii iii iv v vi vii viii ix x".split())}
CJK_NUMBERS.update(dict(zip("一二三四五六七八九十", "i ii iii iv v vi vii viii ix x".split())))


@dataclass
class Entry:
    """One body of the output, gathered from its sources."""

    key: str                                   # merge key (normalised name, or kind + resolution)
    kind: str = UNIT
    names: list[str] = field(default_factory=list)     # English name candidates, best first
    headings: list[tuple[str, int]] = field(default_factory=list)   # dhlauth heading, resolutions
    codes: list[tuple[str, str]] = field(default_factory=list)      # mandate code, long name
    acronyms: Counter = field(default_factory=Counter)               # acronym -> resolutions
    established: set[tuple[int, int]] = field(default_factory=set)
    parent: str | None = None                  # key of the body a post sits in
    parent_iri: str | None = None
    zh: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # label -> symbols
    zh_full: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    en_found: Counter = field(default_factory=Counter)                # surface form -> files
    hand: list[str] = field(default_factory=list)
    manual: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def fold(text: str) -> str:
    """Normalise for comparison: NFC, casefold, one space, straight apostrophes."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).casefold()


def match_key(name: str) -> str:
    """A key that is the same for two spellings of one name (UN/United Nations, hyphens, 'the')."""
    words = re.findall(r"[\w']+", re.sub(r"isation\b", "ization", fold(name).replace("united nations", "un")))
    return "".join(w for w in words if w not in {"un", "the"})


def ascii_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    return re.findall(r"[A-Za-z0-9]+", "".join(c for c in text if not unicodedata.combining(c)))


# --- headings of the library ---------------------------------------------------------------

def split_heading(heading: str) -> list[str]:
    """'UN. Security Council. Working Group on …' -> ['UN', 'Security Council', 'Working Group on …']."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(heading):
        depth += ch in "([" and 1 or ch in ")]" and -1 or 0
        if ch == "." and depth == 0 and heading[i + 1:i + 2] == " " and re.match(r"[A-Z\[]", heading[i + 2:i + 3]) \
                and not re.search(r"\b(?:Mohd|Hj|Mar|Jul|Dec|Oct|Jr|St|Md|[A-Z])$", heading[start:i]):
            parts.append(heading[start:i].strip())
            start = i + 2
    parts.append(heading[start:].strip())
    return parts


def head_of(name: str) -> str:
    """The words before the first preposition: what kind of thing the heading names."""
    found = PREPOSITIONS.search(" " + name + " ")
    return name[:max(found.start() - 1, 0)].strip() if found and found.start() > 1 else name


def is_post(name: str, full: bool = False) -> bool:
    """An office-holder; with ``full``, one named in full ('Special Envoy for …', not 'Chair')."""
    low = fold(name)
    heads = POST_HEADS if full else POST_HEADS + SUB_POSTS
    return any(low == p or low.startswith(p + " ") for p in heads) and not low.startswith("office") \
        and not (full and low in SUB_POSTS)


def kind_of(name: str, united_nations: bool = False) -> str:
    """Post, unit (a part of the UN or of another organisation, an operation) or organisation."""
    if is_post(name):
        return POST
    words = re.findall(r"[\w'-]+", head_of(name).casefold())
    if "experts" in name.casefold().split():
        return UNIT
    if united_nations or not words or words[-1] in UNIT_HEADS or not set(words) & ORGANISATION_HEADS:
        return UNIT
    return ORGANISATION


def expert_head(name: str) -> str | None:
    """'Panel of Experts' for a panel named by its resolution, etc.; None otherwise."""
    for head in EXPERT_HEADS:
        if name.startswith(head) and ESTABLISHING.search(name):
            return "Committee" if head == "Security Council Committee" else \
                "Monitoring Team" if head.endswith("Monitoring Team") else head
    return None


def established_numbers(name: str) -> list[tuple[int, int]]:
    found = ESTABLISHING.search(name)
    return [(int(n), int(y)) for n, y in SYMBOL_PAIR.findall(found.group(1))] if found else []


def resolution_phrase(name: str) -> str:
    """Library capitals to the resolutions' own: 'Established pursuant to Resolution' -> lower case."""
    name = re.sub(r"\b(Established|Pursuant|Concerning|Extended|Modified|Strengthened)\b(?= (?:to|by|pursuant|and|"
                  r"Resolution|Paragraph|Security|[A-Z]))", lambda m: m.group(1).lower(), name)
    name = re.sub(r"\b(Resolutions?|Paragraph)(?= [0-9])", lambda m: m.group(1).lower(), name)
    name = re.sub(r"(?<=[0-9] )Of(?= )|(?<=established )By(?= )", lambda m: m.group(0).lower(), name)
    name = re.sub(r"^(Committee|Panel|Group|Team) of experts", r"\1 of Experts", name)
    name = name.replace("Associated Individuals and Entities", "associated individuals and entities")
    name = name.replace("Non-Proliferation of Nuclear, Chemical and Biological Weapons",
                        "non-proliferation of nuclear, chemical and biological weapons")
    return re.sub(r"\bconcerning the Situation\b", "concerning the situation", name)


def name_variants(un: bool, dotted: bool, name: str) -> list[str]:
    """The forms a resolution may write for a library name, the library's own reading first."""
    name = resolution_phrase(name)
    forms: list[str] = []
    if un and not dotted:
        forms.append("United Nations " + name)
    elif un:
        if UN_PARTS.match(name) or is_post(name) or name.startswith(("Office of the", "Office of ")):
            forms += [name, "United Nations " + name]
        else:
            forms += ["United Nations " + name, name]
    else:
        forms.append(name)
    extra = []
    for form in forms:
        bare = re.sub(r"^Security Council (?=Committee )", "", form)
        plain = re.sub(r"Security Council resolution", "resolution", form)
        short = re.sub(r" concerning .*$", "", form) if " concerning " in form and ESTABLISHING.search(form) else form
        extra += [bare, plain, short, re.sub(r" concerning .*$", "", bare)]
        if form.startswith("Security Council Committee") or form.startswith("Committee "):
            numbers = established_numbers(form)
            if numbers:
                extra += [f"{numbers[0][0]} Committee", f"{numbers[0][0]} Sanctions Committee"]
        for m in re.finditer(r"^(Panel|Group|Team) of Experts (on [^,(]+?) established", form):
            extra.append(f"{m.group(1)} of Experts {m.group(2)}")
    return list(dict.fromkeys(f for f in forms + extra if f))


@dataclass
class Heading:
    """A library heading and what the rules (or a decision) made of it."""

    text: str
    count: int
    decision: str = "keep"         # keep, drop, existing
    reason: str = ""
    kind: str = UNIT
    names: list[str] = field(default_factory=list)
    acronym: str | None = None
    established: list[tuple[int, int]] = field(default_factory=list)
    expert: str | None = None
    parent: str | None = None      # heading text of the body a post sits in
    existing: str | None = None    # IRI of the bodies.ttl body it names


def read_headings(corpus: Path) -> list[Heading]:
    """The library's headings, one per spelling (case and Unicode forms merged, counts added)."""
    merged: dict[str, Heading] = {}
    with (corpus / DHLAUTH).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = unicodedata.normalize("NFC", " ".join(row["dhlauth_name"].split()))
            key = fold(text)
            if key in merged:
                merged[key].count += int(row["n_resolutions"])
                if merged[key].text.isupper() and not text.isupper():
                    merged[key].text = text
            else:
                merged[key] = Heading(text, int(row["n_resolutions"]))
    return sorted(merged.values(), key=lambda h: (-h.count, h.text))


@dataclass
class Existing:
    """The hand-curated bodies of ontology/bodies.ttl, as keys a source name may hit."""

    by_label: dict[str, str]
    by_key: dict[str, str]
    by_notation: dict[str, str]
    established: list[tuple[str, set[int], str]]
    local_names: set[str]
    zh_by_notation: dict[str, set[str]]

    def find(self, names: list[str], acronyms: list[str] = ()) -> str | None:
        for acronym in acronyms:
            if fold(acronym) in self.by_notation:
                return self.by_notation[fold(acronym)]
        for name in names:
            if fold(name) in self.by_label:
                return self.by_label[fold(name)]
            if match_key(name) in self.by_key:
                return self.by_key[match_key(name)]
        return None

    def established_body(self, head: str, numbers: list[tuple[int, int]]) -> str | None:
        wanted = {n for n, _ in numbers}
        for iri, own, label in self.established:
            word = "Monitoring Team" if head == "Monitoring Team" else head.split()[0]
            if own & wanted and word.casefold() in label.casefold():
                return iri
        return None


def read_existing(path: Path) -> Existing:
    graph = Graph().parse(path)
    by_label, by_key, by_notation, established, names = {}, {}, {}, [], set()
    zh_by_notation: dict[str, set[str]] = defaultdict(set)
    for body in sorted(graph.subjects(SKOS.inScheme, UNKG.Bodies)):
        iri = str(body)
        names.add(iri.rsplit("/", 1)[1])
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for label in graph.objects(body, prop):
                by_label.setdefault(fold(label), iri)
                if label.language == "en" and len(str(label)) > 5:
                    by_key.setdefault(match_key(label), iri)
                if label.language == "en" and re.fullmatch(r"[A-Z][A-Za-z-]*[A-Z]", str(label)):
                    by_notation.setdefault(fold(label), iri)
        for notation in graph.objects(body, SKOS.notation):
            by_notation.setdefault(fold(notation), iri)
            zh_by_notation[str(notation)] |= {str(l) for p in (SKOS.prefLabel, SKOS.altLabel)
                                              for l in graph.objects(body, p) if l.language == "zh"}
        numbers = {int(SYMBOL_PAIR.search(str(s)).group(1)) for s in graph.objects(body, UNKG.establishedBy)}
        english = next((str(l) for l in graph.objects(body, SKOS.prefLabel) if l.language == "en"), "")
        if numbers:
            established.append((iri, numbers, english))
    return Existing(by_label, by_key, by_notation, established, names, zh_by_notation)


def read_decisions(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    """heading (or 'mandate:CODE') -> [(decision, value, reason)], from the hand-made table."""
    decisions: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            decisions[fold(row["heading"])].append((row["decision"], row["value"], row["reason"]))
    return decisions


def classify(heading: Heading, headings: dict[str, Heading], existing: Existing,
             decisions: dict[str, list[tuple[str, str, str]]]) -> Heading:
    """Decide what one heading is: a body to keep, one of bodies.ttl's, or not a body."""
    own = decisions.get(fold(heading.text), [])
    forced = next((d for d in own if d[0] in ("keep", "drop")), None)
    text = heading.text
    parts = split_heading(text)
    un = parts[0] == "UN" or text.startswith("UN ")
    dotted = parts[0] == "UN"
    rest = parts[1:] if dotted else parts
    if text.startswith("UN ") and not dotted:
        rest = [rest[0][3:]] + rest[1:]

    def drop(reason: str) -> Heading:
        heading.decision, heading.reason = "drop", reason
        return heading

    if forced and forced[0] == "drop":
        return drop(forced[2] or "decision")
    same = next((d for d in own if d[0] == "existing"), None)
    if same:
        heading.decision, heading.existing = "existing", str(BODY[same[1]])
        heading.reason = f"names {same[1]} (bodies.ttl; decision)"
        return heading
    keep = bool(forced)
    if " " not in text and existing.find([], [text]):
        heading.decision, heading.existing = "existing", existing.find([], [text])
        heading.reason = f"names {heading.existing.rsplit('/', 1)[1]} (bodies.ttl)"
        return heading
    name = rest[-1] if rest else ""
    acronym = ACRONYM_IN_HEADING.search(name)
    if acronym:
        heading.acronym, name = acronym.group(1), name[:acronym.start()]
    name = re.sub(r"\s*\[[^\]]*\]\s*", " ", name).strip()
    name = re.sub(r"\s*\((?:Mar\. )?\d{4}- ?\)$", "", name)   # "(Mar. 2007- )": the body since then
    if not keep:
        if not rest or not name:
            return drop("the United Nations as a whole")
        if EVENT.search(text):
            return drop("an event, a dated session or a proposal")
        if PERSON.match(text) and not ORGANISATION_WORDS.search(text):
            return drop("a person")
        if QUALIFIER.search(name):
            return drop("a group, company or national body (qualified by organisation or country)")
        if NATIONAL.search(name):
            return drop("a national institution")
    parent = None
    if len(rest) > 1:
        parent_text = ". ".join(parts[:-1])
        parent = headings.get(fold(parent_text)) or Heading(parent_text, 0)
        if parent.decision == "keep" and not parent.names and parent.reason == "":
            classify(parent, headings, existing, decisions)
        if parent.decision == "drop" and not keep:
            return drop(f"part of '{parent_text}' ({parent.reason})")
        if parent.decision == "existing" and parent.expert:
            heading.decision, heading.existing = "existing", parent.existing
            heading.reason = f"a part of {parent.existing.rsplit('/', 1)[1]} (bodies.ttl)"
            return heading
    head = head_of(name)
    if not keep:
        if NOT_BODIES.search(head) and not expert_head(name):
            return drop("a treaty, plan, conference, fund, programme of action or similar")
        last = re.findall(r"[\w'-]+", head.casefold())
        if not is_post(name) and not (set(last) & BODY_HEADS):
            return drop("not a body (a group, place, person or topic)")
    heading.expert = expert_head(name)
    heading.established = established_numbers(name)
    if parent is not None:
        parent_names = (parent.names or [parent.text])[:2]
        if is_post(name) and not is_post(name, full=True):
            base = [f"{name} of the {p}" for p in parent_names] + [f"{p} {name}" for p in parent_names]
        elif is_post(name):
            base = [f"{p} {name}" for p in parent_names] + [name]
        else:
            base = [f"{p} {name}" for p in parent_names] + [f"{name} of the {p}" for p in parent_names[:1]]
            if parent_names[0] in ("Security Council",) or parent.existing:
                base.append(name)
        heading.names = list(dict.fromkeys(resolution_phrase(b) for b in base))
        heading.parent = parent.text
        heading.kind = POST if is_post(name) else UNIT
    else:
        heading.names = name_variants(un, dotted, name)
        heading.kind = kind_of(name, un or bool(heading.expert))
    for decision, value, _ in own:
        if decision == "name":
            heading.names = [value] + [n for n in heading.names if n != value]
            if parent is None and heading.kind != POST:
                heading.kind = kind_of(value, un or bool(heading.expert))
    for decision, value, _ in own:
        if decision == "kind":
            heading.kind = value
        elif decision == "acronym":
            heading.acronym = value
    found = None
    if heading.expert and heading.established:
        found = existing.established_body(heading.expert, heading.established)
    acronyms = [heading.acronym] if heading.acronym else []
    if " " not in text:
        acronyms.append(text)
    found = found or existing.find(heading.names, acronyms)
    if found:
        heading.decision, heading.existing = "existing", found
        heading.reason = f"names {found.rsplit('/', 1)[1]} (bodies.ttl)"
    return heading


# --- entries: headings and entity codes merged --------------------------------------------

def read_mandates(corpus: Path) -> list[tuple[str, str]]:
    with (corpus / MANDATES).open(encoding="utf-8", newline="") as handle:
        return [(row["entity"].strip(), " ".join(row["entity_long"].split())) for row in csv.DictReader(handle)]


def mandate_names(code: str, long: str) -> list[str]:
    """The names an entity code's long name gives ('… pursuant to resolutions …' kept whole)."""
    names = [long]
    if " and United Nations Office at" in long:
        names = [long.split(" and United Nations Office at")[0]]
    if long.startswith("Analytical Support and Sanctions Monitoring Team"):
        names.append("Analytical Support and Sanctions Monitoring Team")
    return names


class Merger:
    """Union-find over entries: two entries with a name key, acronym or expert key in common are one."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.owner: dict[str, int] = {}
        self.parent: list[int] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def add(self, entry: Entry, keys: list[str]) -> None:
        index = len(self.entries)
        self.entries.append(entry)
        self.parent.append(index)
        for key in keys:
            if key in self.owner:
                self.parent[self.find(index)] = self.find(self.owner[key])
            else:
                self.owner[key] = index

    def merged(self) -> list[Entry]:
        groups: dict[int, list[Entry]] = defaultdict(list)
        for i, entry in enumerate(self.entries):
            groups[self.find(i)].append(entry)
        out = []
        for members in groups.values():
            first = members[0]
            for other in members[1:]:
                first.names += [n for n in other.names if n not in first.names]
                first.headings += other.headings
                first.codes += other.codes
                first.acronyms.update(other.acronyms)
                first.established |= other.established
                first.parent = first.parent or other.parent
                first.parent_iri = first.parent_iri or other.parent_iri
                if other.kind == POST or first.kind != POST and other.codes:
                    first.kind = other.kind
            out.append(first)
        return out


def entry_keys(names: list[str], acronyms: list[str], expert: tuple[str, int] | None, kind: str) -> list[str]:
    keys = [f"name:{kind == POST}:{match_key(n)}" for n in names if len(match_key(n)) > 6]
    keys += [f"acronym:{a}" for a in acronyms]
    if expert:
        keys.append(f"expert:{expert[0]}:{expert[1]}")
    return keys


def gather(corpus: Path, existing: Existing, decisions: dict, report: dict) -> list[Entry]:
    """Every kept heading and entity code as an entry, merged where they name one body."""
    headings = read_headings(corpus)
    by_text = {fold(h.text): h for h in headings}
    for heading in headings:
        if heading.decision == "keep" and not heading.names and not heading.reason:
            classify(heading, by_text, existing, decisions)
    report["headings"] = headings
    merger = Merger()
    for heading in headings:
        if heading.decision != "keep":
            continue
        entry = Entry(key=heading.text, kind=heading.kind, names=list(heading.names),
                      headings=[(heading.text, heading.count)], established=set(heading.established))
        if heading.acronym:
            entry.acronyms[heading.acronym] += 0
        if heading.parent:
            parent = by_text.get(fold(heading.parent))
            entry.parent = heading.parent
            entry.parent_iri = parent.existing if parent is not None and parent.decision == "existing" else None
        expert = (heading.expert, heading.established[0][0]) if heading.expert and heading.established else None
        merger.add(entry, entry_keys(entry.names, [heading.acronym] if heading.acronym else [], expert, entry.kind)
                   + ([f"acronym:{heading.text}"] if " " not in heading.text else []) + [f"same:{fold(heading.text)}"])
    report["mandates"] = []
    for code, long in read_mandates(corpus):
        own = decisions.get(fold(f"mandate:{code}"), [])
        if any(d[0] == "drop" for d in own):
            report["mandates"].append((code, long, "drop", next(d[2] for d in own if d[0] == "drop")))
            continue
        names = mandate_names(code, long)
        found = existing.find(names, [code])
        same = next((d[1] for d in own if d[0] == "existing"), None)
        if found or same:
            report["mandates"].append((code, long, "existing", (same or found.rsplit("/", 1)[1])))
            continue
        kind = next((d[1] for d in own if d[0] == "kind"), kind_of(long, long.startswith("United Nations")))
        entry = Entry(key=f"mandate:{code}", kind=kind, names=names, codes=[(code, long)])
        numbers = established_numbers(long)
        entry.established = set(numbers)
        expert = (expert_head(long), numbers[0][0]) if expert_head(long) and numbers else None
        keys = entry_keys(names, [code], expert, kind)
        keys += [f"same:{fold(d[1])}" for d in own if d[0] == "same"]
        merger.add(entry, keys)
        report["mandates"].append((code, long, "keep", ""))
    entries = merger.merged()
    for entry in entries:                    # generic words name no one body: not a name of it
        entry.names = [n for n in entry.names if not label_problem(n, 0)] or entry.names[:1]
    for entry in entries:
        found = existing.find(entry.names, list(entry.acronyms) + [c for c, _ in entry.codes])
        if found:
            report.setdefault("late_existing", []).append((entry, found))
    return [e for e in entries if not existing.find(e.names, list(e.acronyms) + [c for c, _ in e.codes])]


# --- the resolutions' own words -----------------------------------------------------------

@dataclass
class Resolution:
    symbol: str
    paragraphs: dict[str, str]     # op/3/a, pp/2 … -> text (spaces normalised)


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).replace("’", "'").replace("‘", "'").split())


def read_resolution(path: Path) -> Resolution | None:
    """A resolution's paragraphs by number: pp/N in order, op/N and op/N/a/i by their numbers."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return None
    work = root.find(f".//{AKN}FRBRWork/{AKN}FRBRthis")
    found = re.search(r"/(\d{1,4})-(\d{4})/", work.get("value", "")) if work is not None else None
    if not found:
        found = re.search(r"(?:RES|SC)[ _-]+(\d{3,4})[ _(]+(\d{4})", path.name)
    if not found:
        return None
    paragraphs: dict[str, str] = {}
    preamble = root.find(f".//{AKN}preamble")
    if preamble is not None:
        for i, container in enumerate(preamble.findall(f"{AKN}container"), 1):
            paragraphs[f"pp/{i}"] = _text(container)

    def walk(element: ET.Element, path: str) -> None:
        for child in element:
            tag = child.tag.replace(AKN, "")
            if tag in ("paragraph", "point"):
                number = child.find(f"{AKN}num")
                key = path
                if number is not None and (number.text or "").strip():
                    mark = number.text.strip().strip(".()（）")
                    key = f"{path}/{CJK_NUMBERS.get(mark, mark)}"
                own = [_text(x) for x in child if x.tag.replace(AKN, "") in ("content", "intro", "subheading", "heading")]
                if own:
                    paragraphs[key] = (paragraphs.get(key, "") + " " + " ".join(own)).strip()
                walk(child, key)
            elif tag in ("list", "sublist"):
                walk(child, path)
            elif tag == "wrapUp":
                paragraphs[f"{path}/end"] = _text(child)
    body = root.find(f".//{AKN}mainBody")
    if body is not None:
        walk(body, "op")
    return Resolution(f"S/RES/{int(found.group(1))} ({found.group(2)})", paragraphs)


def read_corpus(corpus: Path) -> tuple[dict[str, Resolution], dict[str, tuple[Resolution, Resolution]]]:
    """Every English resolution, and the English–Chinese pairs of 2020–2026, by symbol."""
    english: dict[str, Resolution] = {}
    paths = sorted((corpus / ALIGNED / "Pre-2020").glob("*/*.xml"))
    for year in YEARS:
        paths += sorted((corpus / ALIGNED / str(year) / "English").glob("*.xml"))
    for path in paths:
        resolution = read_resolution(path)
        if resolution and resolution.symbol not in english:
            english[resolution.symbol] = resolution
    pairs: dict[str, tuple[Resolution, Resolution]] = {}
    for year in YEARS:
        en = [read_resolution(p) for p in sorted((corpus / ALIGNED / str(year) / "English").glob("*.xml"))]
        zh = [read_resolution(p) for p in sorted((corpus / ALIGNED / str(year) / "Chinese").glob("*.xml"))]
        by_symbol = {r.symbol: r for r in zh if r}
        for resolution in en:
            if resolution and resolution.symbol in by_symbol and resolution.symbol not in pairs:
                pairs[resolution.symbol] = (resolution, by_symbol[resolution.symbol])
    return english, pairs


def lower_keep_length(text: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _bounded_before(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-")


def _bounded_after(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] in "_-")


class Finder:
    """Every occurrence of any of many phrases, word-bounded, case-insensitive (overlaps kept)."""

    def __init__(self, phrases: set[str]) -> None:
        self.root: dict = {}
        for phrase in phrases:
            node = self.root
            for ch in lower_keep_length(phrase):
                node = node.setdefault(ch, {})
            node[""] = phrase

    def finditer(self, text: str, lowered: str | None = None):
        lowered = lowered if lowered is not None else lower_keep_length(text)
        root = self.root
        for start, ch in enumerate(lowered):
            if ch not in root or not _bounded_before(lowered, start):
                continue
            node, i = root, start
            while i < len(lowered) and lowered[i] in node:
                node = node[lowered[i]]
                i += 1
                if "" in node and _bounded_after(lowered, i):
                    yield start, i, node[""]


def longest(finder: Finder, text: str):
    """Leftmost-longest, non-overlapping occurrences (the loader's reading of labels)."""
    by_start: dict[int, tuple[int, str]] = {}
    for start, end, phrase in finder.finditer(text):
        if start not in by_start or end > by_start[start][0]:
            by_start[start] = (end, phrase)
    position = 0
    for start in sorted(by_start):
        if start >= position:
            end, phrase = by_start[start]
            yield start, end, phrase
            position = end


def attest(english: dict[str, Resolution], phrases: set[str]) -> tuple[Counter, dict[str, Counter]]:
    """In how many resolutions each phrase occurs, and the surface forms it takes there."""
    finder = Finder(phrases)
    files: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    for symbol in sorted(english):
        seen: set[str] = set()
        for text in english[symbol].paragraphs.values():
            for start, end, phrase in finder.finditer(text):
                if phrase not in seen:
                    seen.add(phrase)
                    files[phrase] += 1
                forms[phrase][text[start:end]] += 1
    return files, forms


ACRONYM_DEFINITION = re.compile(r"\((?:the )?([A-Z][A-Za-z]*[A-Z](?:[-/][A-Z][A-Za-z]*)*|[A-Z]{2,}[0-9]*(?:-[A-Z]+)?)\)")
CONNECTORS = {"of", "the", "for", "in", "on", "and", "to", "de", "des", "du", "la", "d'", "et", "pour", "en"}


class NameIndex:
    """Folded English names -> entries; the longest name a text ends with."""

    def __init__(self, entries: list[Entry], existing: Existing) -> None:
        self.by_name: dict[str, set[int]] = defaultdict(set)
        for i, entry in enumerate(entries):
            for name in entry.names + [long for _, long in entry.codes]:
                self.by_name[fold(re.sub(r"^the ", "", name))].add(i)
        for label in existing.by_label:          # a name of bodies.ttl is never an entry's
            self.by_name[re.sub(r"^the ", "", label)].add(-1)

    def ending(self, text: str, window: int = 300) -> tuple[int, str] | None:
        """(entry, name) for the longest known name that ``text`` ends with (unambiguously)."""
        tail = text[-window:]
        for found in re.finditer(r"(?<![\w'-])[\w'-]", tail):
            name = fold(tail[found.start():].strip())
            name = re.sub(r"^the ", "", name)
            owners = self.by_name.get(name)
            if owners:
                return (next(iter(owners)), name) if len(owners) == 1 and -1 not in owners else None
        return None


def learn_acronyms(english: dict[str, Resolution], entries: list[Entry], index: NameIndex,
                   acronym_owner: dict[str, int]) -> dict[int, Counter]:
    """'Full Name (ACR)' in the English of every year: acronyms (and spellings) each entry is given."""
    variants: dict[int, Counter] = defaultdict(Counter)
    for symbol in sorted(english):
        seen: set[tuple[int, str]] = set()
        seen_variant: set[tuple[int, str]] = set()
        for text in english[symbol].paragraphs.values():
            for found in ACRONYM_DEFINITION.finditer(text):
                acronym, before = found.group(1), text[:found.start()].rstrip()
                hit = index.ending(before)
                if hit and (hit[0], acronym) not in seen:
                    seen.add((hit[0], acronym))
                    entries[hit[0]].acronyms[acronym] += 1
                if acronym in acronym_owner:
                    phrase = capitalised_phrase(before, acronym)
                    owner = acronym_owner[acronym]
                    if phrase and (owner, phrase) not in seen_variant:
                        seen_variant.add((owner, phrase))
                        variants[owner][phrase] += 1
    return variants


def capitalised_phrase(before: str, acronym: str) -> str | None:
    """The capitalised words a text ends with, trimmed to start with the acronym's first letter."""
    words = re.findall(r"[\w'’/.-]+|[^\w\s]", before)
    phrase: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or word in CONNECTORS:
            phrase.insert(0, word)
        else:
            break
    while phrase and (phrase[0] in CONNECTORS or phrase[0][0].upper() != acronym[0].upper()):
        phrase.pop(0)
    if phrase:
        phrase[-1] = re.sub(r"['’]s$", "", phrase[-1])
    capitals = [w for w in phrase if w[:1].isupper()]
    text = " ".join(phrase)
    if len(capitals) < 2 or not initials_fit(acronym, text) or any(len(w) > 1 and w.isupper() for w in phrase):
        return None
    return text


# --- Chinese names from the aligned language versions --------------------------------------

def english_definitions(text: str) -> list[tuple[int, str, str]]:
    """(position, value, 'acronym' or 'short') of each 'Name (ACR)' / 'Name ("short")' in order."""
    out = []
    for found in EN_DEFINITION.finditer(text):
        if found.group("acronym"):
            out.append((found.start(), found.group("acronym"), "acronym"))
        else:
            out.append((found.start(), found.group("short").strip(), "short"))
    return out


def chinese_definitions(text: str) -> list[tuple[int, str]]:
    """(position, value) of each '中文全名(简称)' in order; years, numbers, 《titles》 are not names."""
    out = []
    for found in ZH_DEFINITION.finditer(text):
        value = found.group("short").strip("“”\"‘’ ")
        if len(CJK.findall(value)) < 1 or value.startswith("《") or re.search(r"\d\s*[年月日号段]|^[见参]|S/|A/", value):
            continue
        out.append((found.start(), value))
    return out


def chinese_context(before: str) -> str:
    """The words before a bracket, back to the last punctuation (at most 40 characters)."""
    cut = 0
    for found in ZH_BREAKS.finditer(before):
        cut = found.end()
    return before[cut:][-40:]


def zh_strip(name: str, leading: tuple[str, ...]) -> str:
    """Drop leading verbs and function words ('请', '欢迎', '与' …) from a Chinese name candidate."""
    changed = True
    while changed and name:
        changed = False
        for word in leading:
            if name.startswith(word) and len(name) > len(word) + 1:
                name, changed = name[len(word):], True
                break
    return name


def valid_zh(label: str) -> bool:
    if not ZH_NAME_CHARS.match(label) or len(CJK.findall(label)) < 2 or label in GENERIC_ZH:
        return False
    if "的" in label and "决议" not in label:
        return False
    if any(word in label for word in ("又称", "包括", "现为", "下称", "以下", "简称", "号文件", "如下", "方面", "为", "让",
                                      "使", "向", "对", "在", "将", "把", "必要", "通过", "鼓励", "请", "和平支助行动")):
        return False
    if re.search(r"\d\s*[年月日]|^[0-9]", label) and not re.match(r"^\d{3,4}(?:制裁)?委员会$", label):
        return False
    if re.search(r"\d", label) and "决议" not in label and not re.match(r"^\d{3,4}(?:制裁)?委员会$", label):
        return False
    return label.count("(") == label.count(")") and label.count("（") == label.count("）")


@dataclass
class Pairing:
    symbol: str
    paragraph: str
    english: str            # acronym or short name in the English brackets
    kind: str               # acronym or short
    english_before: str
    chinese: str            # the Chinese in the brackets at the same place
    chinese_before: str


def aligned_definitions(pairs: dict[str, tuple[Resolution, Resolution]],
                        known=None) -> tuple[list[Pairing], Counter]:
    """Bracketed definitions at the same index of the same paragraph, where both have as many.

    With ``known`` (English, Chinese) -> bool, a paragraph with more definitions on one side is
    split at the definitions already known to correspond, and the stretches between them that
    have as many on both sides are paired by index too ("anchored")."""
    found: list[Pairing] = []
    stats: Counter = Counter()
    for symbol in sorted(pairs):
        en, zh = pairs[symbol]
        for key in sorted(en.paragraphs.keys() & zh.paragraphs.keys()):
            e, z = english_definitions(en.paragraphs[key]), chinese_definitions(zh.paragraphs[key])
            if not e and not z:
                continue
            if len(e) == len(z):
                matched = list(zip(e, z)) if known is None else []
                stats["paragraphs with as many definitions"] += known is None
            elif known is not None:
                matched = _anchored(e, z, known)
                stats["paragraphs paired around known definitions"] += bool(matched)
            else:
                matched = []
            for (ep, ev, ek), (zp, zv) in matched:
                found.append(Pairing(symbol, key, ev, ek, en.paragraphs[key][:ep].rstrip(), zv,
                                     zh.paragraphs[key][:zp]))
    return found, stats


def _anchored(e: list, z: list, known) -> list:
    chain, used, last = [], set(), -1
    for i, j in sorted((i, j) for i, (_, ev, _) in enumerate(e) for j, (_, zv) in enumerate(z) if known(ev, zv)):
        if i not in used and j > last:
            chain.append((i, j))
            used.add(i)
            last = j
    if not chain:
        return []
    out, pi, pj = [], -1, -1
    for i, j in chain + [(len(e), len(z))]:
        if i - pi == j - pj:
            out += list(zip(e[pi + 1:i], z[pj + 1:j]))
        pi, pj = i, j
    return out


def zh_full_names(contexts: list[tuple[str, str]], leading: tuple[str, ...], standalone) -> dict[str, set[str]]:
    """Chinese full names from the words before the brackets. A name's start is where the Chinese
    texts also begin it on its own (after punctuation, a verb or a function word, in two or more
    resolutions): of the endings of each context, the one most often so found (then the shortest:
    a longer one that is as often on its own is the same name with words of a template before it)."""
    names: dict[str, set[str]] = defaultdict(set)
    for symbol, ctx in contexts:
        best = None
        for i in range(len(ctx) - 3):
            name = zh_strip(ctx[i:], leading)
            if name != ctx[i:] or not valid_zh(name):
                continue
            score = standalone(name)
            if score >= 2 and (best is None or (score, -len(name)) > best[0]):
                best = ((score, -len(name)), name)
        if best:
            names[best[1]].add(symbol)
    return names


class Standalone:
    """In how many Chinese resolutions a string stands on its own: right after punctuation, the
    paragraph's start, or a verb or function word."""

    def __init__(self, pairs: dict[str, tuple[Resolution, Resolution]], leading: tuple[str, ...]) -> None:
        self.starts: list[tuple[str, str, list[int]]] = []
        for symbol in sorted(pairs):
            for text in pairs[symbol][1].paragraphs.values():
                positions = {0} | {m.end() for m in ZH_BREAKS.finditer(text)}
                for word in leading:
                    if len(word) == 1 and word not in ZH_SAFE_STARTS:
                        continue             # 和 and 经 begin words too (和平, 经济)
                    at = text.find(word)
                    while at >= 0:
                        positions.add(at + len(word))
                        at = text.find(word, at + 1)
                self.starts.append((symbol, text, sorted(positions)))
        self.cache: dict[str, int] = {}

    def __call__(self, name: str) -> int:
        if name not in self.cache:
            found = {symbol for symbol, text, positions in self.starts if name in text
                     and any(text.startswith(name, p) for p in positions)}
            self.cache[name] = len(found)
        return self.cache[name]



# --- putting it together -------------------------------------------------------------------

def zh_leading_words() -> tuple[str, ...]:
    """Verbs and modifiers of ontology/verbs.ttl and function words: what precedes a name, not in it."""
    graph = Graph().parse(PROJECT / "ontology" / "verbs.ttl")
    forms = {str(o) for o in graph.objects(None, UNKG.form) if isinstance(o, Literal) and o.language == "zh"}
    return tuple(sorted(forms | set(ZH_LEADING), key=lambda w: (-len(w), w)))


def initials_fit(acronym: str, name: str) -> bool:
    """UNMISS ~ United Nations Mission in South Sudan: the acronym's capitals are word initials, in order."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name)).upper()
    wanted, i = re.sub(r"[^A-Z]", "", acronym), 0
    for ch in initials:
        if i < len(wanted) and ch == wanted[i]:
            i += 1
    return i == len(wanted) and len(wanted) >= 2


def label_problem(label: str, lower_uses: int) -> str | None:
    """Why a label must not be added, or None."""
    words = re.findall(r"[\w'-]+", label.casefold())
    if len(re.sub(r"[^A-Za-z]", "", label)) <= 2:
        return "one or two letters"
    if fold(label) in GENERIC_EN or fold(re.sub(r"^(?:the|United Nations|UN) ", "", label)) in GENERIC_EN:
        return "generic"
    if words and all(w in GENERIC_WORDS for w in words):
        return "generic words only"
    if lower_uses >= 3:
        return f"common words (written in lower case {lower_uses} times)"
    return None


def build(corpus: Path) -> tuple[list[dict], dict]:
    """Every entry of bodies-un.ttl as a dict of its terms, and a report of what was decided."""
    existing = read_existing(EXISTING)
    decisions = read_decisions(DECISIONS)
    report: dict = {"existing_names": []}
    entries = gather(corpus, existing, decisions, report)
    entries.sort(key=lambda e: (e.headings[0][0] if e.headings else "~" + e.codes[0][0]))
    english, pairs = read_corpus(corpus)
    report["corpus"] = (len(english), len(pairs))
    report["pairs"] = pairs

    trusted: dict[str, set[int]] = defaultdict(set)
    for i, entry in enumerate(entries):
        for acronym in list(entry.acronyms) + [c for c, _ in entry.codes]:
            trusted[acronym].add(i)
    acronym_owner = {a: next(iter(o)) for a, o in trusted.items() if len(o) == 1}
    index = NameIndex(entries, existing)
    variants = learn_acronyms(english, entries, index, acronym_owner)

    # Acronyms: the entity code, the heading's own, and those the texts define after the name.
    accepted: dict[int, list[str]] = {}
    for i, entry in enumerate(entries):
        own = {c for c, _ in entry.codes} | {a for a, n in entry.acronyms.items() if n == 0}
        learned = [a for a, n in entry.acronyms.items() if n >= 2 or n == 1 and any(initials_fit(a, x) for x in entry.names)]
        accepted[i] = sorted(own | set(learned), key=lambda a: (-entry.acronyms[a], a))
    owners: dict[str, set[int]] = defaultdict(set)
    for i, acronyms in accepted.items():
        for a in acronyms:
            owners[a].add(i)
    for a, own in sorted(owners.items()):
        if len(own) > 1:
            best = max(own, key=lambda i: (entries[i].acronyms[a], -i))
            for i in own - {best}:
                accepted[i].remove(a)
            report.setdefault("acronym_conflicts", []).append((a, sorted(entries[i].names[0] for i in own)))
    for i, acronyms in accepted.items():
        for a in acronyms:
            if existing.find([], [a]):
                report.setdefault("acronym_existing", []).append((a, entries[i].names[0], existing.find([], [a])))
        accepted[i] = [a for a in acronyms if not existing.find([], [a])]

    # English names: every candidate, counted in the resolutions.
    learned_names: dict[int, list[tuple[str, int]]] = {}
    for i, counts in variants.items():
        learned_names[i] = [(p, n) for p, n in counts.items() if n >= 2]
    candidates = {n for e in entries for n in e.names} | {l for e in entries for _, l in e.codes}
    candidates |= {p for names in learned_names.values() for p, _ in names}
    candidates |= {a for acronyms in accepted.values() for a in acronyms}
    files, forms = attest(english, candidates)

    # Chinese: bracketed definitions at the same place of the same paragraph, first where both
    # have as many, then around the definitions that pass already knows (and bodies.ttl's).
    leading = zh_leading_words()
    standalone = Standalone(pairs, leading)
    by_acronym = {a: i for i, acronyms in accepted.items() for a in acronyms}
    presence = english_presence(pairs, entries, accepted, files, existing)
    zh_text = {(symbol, key): text for symbol, (_, zh) in pairs.items() for key, text in zh.paragraphs.items()}
    evidence: dict[int, dict[str, dict[str, set[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    how: dict[int, dict[str, str]] = defaultdict(dict)
    verdicts: dict[int, dict[str, str]] = defaultdict(dict)
    known_pairs = {(n, l) for n, labels in existing.zh_by_notation.items() for l in labels}
    report["alignment"] = Counter()
    for method in ("same index", "anchored"):
        known = None if method == "same index" else (lambda ev, zv: (ev, zv) in known_pairs)
        pairings, stats = aligned_definitions(pairs, known)
        report["alignment"].update(stats)
        contexts: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for p in pairings:
            if p.kind == "acronym" and existing.find([], [p.english]):
                continue                     # a body of bodies.ttl: reported, not taken
            target = by_acronym.get(p.english) if p.kind == "acronym" else None
            if p.kind == "short":
                owners_ = index.by_name.get(fold(re.sub(r"^the ", "", p.english)))
                target = next(iter(owners_)) if owners_ and len(owners_) == 1 and -1 not in owners_ else None
            named = index.ending(p.english_before)
            if named and target is not None and named[0] != target:
                continue
            target = target if target is not None else named[0] if named else None
            if target is None:
                continue
            if valid_zh(p.chinese):
                evidence[target][p.chinese][f"short, {method}"].add(p.symbol)
                how[target].setdefault(p.chinese, p.english)
            if named:
                contexts[target].append((p.symbol, chinese_context(p.chinese_before)))
        for target, ctx in contexts.items():
            for name, symbols in zh_full_names(ctx, leading, standalone).items():
                evidence[target][name][f"full name, {method}"] |= symbols
        # Keep what the paragraphs bear out: where the Chinese has the label, the English names
        # this body (and no other body better).
        for target in sorted(evidence):
            for label in sorted(evidence[target]):
                verdict = judge(target, label, evidence[target][label], presence, zh_text)
                verdicts[target][label] = verdict
                if verdict == "kept" and method == "same index":
                    for acronym in accepted.get(target, []):
                        known_pairs.add((acronym, label))
    report["evidence"], report["verdicts"] = evidence, verdicts
    out, english_only = [], []
    for i, entry in enumerate(entries):
        record = finish(entry, accepted[i], learned_names.get(i, []), files, forms, evidence.get(i, {}),
                        verdicts.get(i, {}), how.get(i, {}), report)
        (out if record["zh"] else english_only).append(record)
    report["english_only"] = english_only
    return out, report


def english_presence(pairs: dict[str, tuple[Resolution, Resolution]], entries: list[Entry],
                     accepted: dict[int, list[str]], files: Counter, existing: Existing) -> dict:
    """Which aligned English paragraphs name each body (entries by index, bodies.ttl's by IRI)."""
    terms: dict[str, set] = defaultdict(set)
    for i, entry in enumerate(entries):
        for name in entry.names + [l for _, l in entry.codes] + accepted.get(i, []):
            if files[name]:
                terms[name].add(i)
    for label, iri in existing.by_label.items():
        if re.search(r"[A-Za-z]", label) and len(label) > 2:
            terms[label].add(iri)
    finder = Finder(set(terms))
    presence: dict = defaultdict(set)
    for symbol in sorted(pairs):
        for key, text in pairs[symbol][0].paragraphs.items():
            for start, end, phrase in longest(finder, text):
                if re.fullmatch(r"[A-Z][A-Za-z0-9-]*", phrase) and text[start:end] != phrase:
                    continue                 # an acronym only in its own capitals ("WHO", not "who")
                for owner in terms[phrase]:
                    presence[owner].add((symbol, key))
    return presence


def judge(target: int, label: str, evidence: dict[str, set[str]], presence: dict, zh_text: dict) -> str:
    """'kept', or why a Chinese label paired with a body is not taken."""
    where = {k for k, text in zh_text.items() if label in text}
    mine = presence.get(target, set())
    both = len(where & mine)
    if not where or not both:
        return "the English never names the body where the Chinese has it"
    dice = 2 * both / (len(where) + len(mine))
    best = max(presence, key=lambda o: (2 * len(where & presence[o]) / (len(where) + len(presence[o])), str(o)))
    if best != target and 2 * len(where & presence[best]) / (len(where) + len(presence[best])) > dice:
        return f"the Chinese goes with {best if isinstance(best, str) else 'another entry'} rather"
    precision = both / len(where)
    full = all(k.startswith("full") for k in evidence)
    if precision < (0.6 if full else 0.5) or (not full and dice < 0.25):
        return f"weak ({both} of {len(where)} paragraphs with the Chinese name the body in English)"
    return "kept"


def surface(name: str, forms: dict[str, Counter]) -> str:
    """The form the resolutions most often write a name in (capitals as they print them)."""
    written = [(n, f) for f, n in forms.get(name, Counter()).items() if f[:1].isupper() and not f.isupper()]
    return max(written, key=lambda nf: (nf[0], nf[1]))[1] if written else name


def lower_uses(label: str, forms: dict[str, Counter]) -> int:
    return sum(n for f, n in forms.get(label, Counter()).items() if f == f.lower() and f != label)


def finish(entry: Entry, acronyms: list[str], learned: list[tuple[str, int]], files: Counter,
           forms: dict[str, Counter], evidence: dict, verdicts: dict, how: dict, report: dict) -> dict:
    """One entry's terms: labels chosen and filtered, acronym, resolutions, sources."""
    dropped: list[tuple[str, str]] = []
    # English: every name the sources give, the one the resolutions use most as the preferred.
    names = list(dict.fromkeys([l for _, l in entry.codes] + entry.names + [p for p, _ in learned]))
    names.sort(key=lambda n: bool(re.fullmatch(r"[A-Z][A-Za-z0-9-]*", n)))     # an acronym is never first
    attested = [n for n in names if files[n]]
    pref_en = surface(attested[0], forms) if attested else names[0]     # the sources' own first
    alt_en = []
    for name in attested + [a for a in acronyms if files[a]]:
        label = surface(name, forms) if name not in acronyms else name
        problem = label_problem(label, lower_uses(name, forms))
        if problem:
            dropped.append((label, problem))
        elif fold(label) != fold(pref_en) and fold(label) not in {fold(a) for a in alt_en}:
            alt_en.append(label)
    if label_problem(pref_en, lower_uses(pref_en, forms)):
        dropped.append((pref_en, label_problem(pref_en, lower_uses(pref_en, forms))))
    # Chinese: what the aligned texts bear out.
    kept = {l: set().union(*(s for s in evidence[l].values())) for l, v in verdicts.items() if v == "kept"}
    shorts = {l: n for l, n in kept.items() if any(k.startswith("short") for k in evidence[l])}
    for label, symbols in list(kept.items()):
        if label in shorts and len(symbols) == 1 and any(len(o) >= 3 for x, o in kept.items() if x in shorts and x != label):
            dropped.append((label, "a variant seen once beside a short name seen three times or more"))
            del kept[label]
    fulls = [l for l in kept if any(k.startswith("full") for k in evidence[l])]
    pool = fulls or list(kept)
    pref_zh = max(pool, key=lambda l: (len(kept[l]), len(l), l)) if pool else None
    sources = [f"{DHLAUTH}: {h} ({n} resolutions)" for h, n in sorted(entry.headings)]
    sources += [f"{MANDATES}: {c}, {l}" for c, l in sorted(entry.codes)]
    for phrase, n in sorted(learned):
        if phrase in attested:
            sources.append(f"{ALIGNED} English: '{phrase}' defined by its acronym in {n} resolutions")
    for label in sorted(kept):
        symbols = sorted(kept[label], key=lambda s: (int(s.split()[1][1:5]), int(s.split("/")[2].split()[0])))
        ways = sorted({k for k in evidence[label]})
        english = how.get(label)
        where = f" at the place of '{english}'" if english else " before the same brackets as the English name"
        shown = ", ".join(symbols[:6]) + (f" and {len(symbols) - 6} more" if len(symbols) > 6 else "")
        sources.append(f"{ALIGNED} 2020–2026 English/Chinese ({'; '.join(ways)}): {label}{where} in {shown}")
    return {
        "entry": entry, "kind": entry.kind, "pref_en": pref_en, "alt_en": sorted(alt_en),
        "pref_zh": pref_zh, "alt_zh": sorted(l for l in kept if l != pref_zh),
        "notation": ([c for c, _ in entry.codes] + acronyms + [None])[0],
        "acronyms": acronyms, "zh": pref_zh is not None, "kept_zh": kept, "evidence": evidence,
        "established": sorted(f"S/RES/{n} ({y})" for n, y in entry.established),
        "sources": sources, "dropped": dropped, "hand": [],
    }


ABBREVIATIONS = [("Special Representative of the Secretary-General", "SRSG"), ("Secretary-General", "SG"),
                 ("United Nations", "UN"), ("Security Council", "SC")]
STOP = {"of", "the", "for", "in", "on", "and", "to", "at", "by", "de", "des", "du", "la", "pursuant", "established"}


def local_name(record: dict) -> str:
    """The IRI's local name. A body named by its founding resolution: its kind and the lowest
    number (body:Committee2374, body:PanelOfExperts2127), as the loader mints such bodies
    (loader/iri.py established_body), so the two meet in one IRI; else the acronym; else the
    words of the name (ASCII, CamelCase). The same from run to run."""
    entry: Entry = record["entry"]
    source = entry.headings[0][0] if entry.headings else entry.codes[0][1]
    numbers = sorted(entry.established)
    head = expert_head(re.sub(r"^UN\. (Security Council\. )?", "", source))
    if head and numbers:
        kind = {"Monitoring Team": "MonitoringTeam", "Expert Panel": "PanelOfExperts"}.get(head, head)
        return "".join(w[:1].upper() + w[1:] for w in ascii_words(kind)) + str(numbers[0][0])
    if record["notation"]:
        return "".join(ascii_words(record["notation"]))
    name = entry.names[0]
    for long, short in ABBREVIATIONS:
        name = name.replace(long, short)
    words = [w for w in ascii_words(name) if w.casefold() not in STOP]
    return "".join(w[:1].upper() + w[1:] for w in words)[:80]


def read_manual(path: Path) -> Graph:
    return Graph().parse(path) if path.exists() else Graph()


def complete(records: list[dict], english_only: list[dict], existing: Existing, report: dict) -> list[dict]:
    """Hand-made additions, one local name per entry, posts tied to their bodies, labels that two
    bodies share taken from both."""
    manual = read_manual(MANUAL)
    by_local: dict[str, dict] = {}
    for record in sorted(records + english_only, key=lambda r: (local_name(r), r["pref_en"])):
        base = name = local_name(record)
        n = 1
        while name in by_local or name in existing.local_names:
            n += 1
            name = f"{base}{n}"
        record["local"] = name
        by_local[name] = record
    for subject in sorted(set(manual.subjects(SKOS.inScheme, UNKG.Bodies))):
        name = str(subject).rsplit("/", 1)[1]
        if name in existing.local_names:
            report.setdefault("manual_existing", []).append(name)
            continue
        record = by_local.get(name)
        if record is None:
            types = set(manual.objects(subject, RDF.type))
            kind = POST if ORG.Post in types else ORGANISATION if ORG.FormalOrganization in types else UNIT
            record = {"entry": Entry(key=f"manual:{name}", kind=kind), "kind": kind, "pref_en": None, "alt_en": [],
                      "pref_zh": None, "alt_zh": [], "notation": None, "acronyms": [], "zh": False, "kept_zh": {},
                      "established": [], "sources": [], "dropped": [], "hand": [], "local": name}
            by_local[name] = record
            records.append(record)
            record["hand"].append("hand-made")
        else:
            record["hand"].append("hand-made: " + ", ".join(sorted({
                {SKOS.prefLabel: "preferred", SKOS.altLabel: "alternative"}.get(p, str(p)) + f" label ({o.language})"
                for p, o in manual.predicate_objects(subject) if isinstance(o, Literal) and o.language})))
        for prop, key in ((SKOS.prefLabel, "pref"), (SKOS.altLabel, "alt")):
            for label in sorted(manual.objects(subject, prop)):
                lang = label.language
                if key == "pref" and record[f"pref_{lang}"] is None:
                    record[f"pref_{lang}"] = str(label)
                elif str(label) != record[f"pref_{lang}"] and str(label) not in record[f"alt_{lang}"]:
                    record[f"alt_{lang}"].append(str(label))
        for symbol in manual.objects(subject, UNKG.establishedBy):
            if str(symbol) not in record["established"]:
                record["established"].append(str(symbol))
        notation = manual.value(subject, SKOS.notation)
        if notation is not None and not record["notation"]:
            record["notation"] = str(notation)
        parent = manual.value(subject, ORG.postIn)
        if parent is not None:
            record["post_in"] = str(parent)
        record["sources"].append(f"reference/bodies/manual.ttl: {name}")
        record["zh"] = record["pref_zh"] is not None
        if record in english_only and record["zh"]:
            english_only.remove(record)
            records.append(record)
    kept = [r for r in records if r["zh"] and r["pref_en"]]
    # Posts: in the body they head ("… and Head of the United Nations Mission in South Sudan").
    names = {}
    for r in kept:
        for label in [r["pref_en"]] + r["alt_en"]:
            names.setdefault(fold(label), str(BODY[r["local"]]))
    for label, iri in existing.by_label.items():
        names.setdefault(label, iri)
    for r in kept:
        if r["kind"] != POST or r.get("post_in"):
            continue
        entry = r["entry"]
        found = re.search(r"\band Head of (?:the )?(.+)$", r["pref_en"])
        parent = entry.parent_iri
        if entry.parent:
            parent = parent or next((str(BODY[x["local"]]) for x in kept if entry.parent in [h for h, _ in x["entry"].headings]), None)
        if found and not parent:
            parent = names.get(fold(found.group(1)))
        if parent:
            r["post_in"] = parent
    # A label two bodies share names neither; one of bodies.ttl's is reported, never repeated.
    owners: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in kept:
        for lang in ("en", "zh"):
            for label in [r[f"pref_{lang}"]] + r[f"alt_{lang}"]:
                owners[(lang, fold(label))].append(r)
    for (lang, label), rs in sorted(owners.items()):
        clash = existing.by_label.get(label)
        if clash or len(rs) > 1:
            report.setdefault("label_clashes", []).append((lang, label, [r["local"] for r in rs], clash))
            for r in rs:
                r[f"alt_{lang}"] = [l for l in r[f"alt_{lang}"] if fold(l) != label]
                if r[f"pref_{lang}"] and fold(r[f"pref_{lang}"]) == label:
                    r[f"pref_{lang}"] = r[f"alt_{lang}"].pop(0) if r[f"alt_{lang}"] else None
    kept = [r for r in kept if r["pref_en"] and r["pref_zh"]]
    return sorted(kept, key=lambda r: r["local"])


def literal(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"@{lang}" if lang else "")


HEADER = """\
# GENERATED by reference/bodies/build.py: do not edit; change the sources or the script's hand-made
# data (reference/bodies/decisions.csv, reference/bodies/manual.ttl) and run it again
# (`python3 reference/bodies/build.py`). More bodies of the authority file (see bodies.ttl's
# header), drawn from UN sources, each with its provenance (dcterms:source): the Dag Hammarskjöld
# Library's authority headings that tag resolutions (unxml-metadata/dhlauth_subject_names.csv), the UN
# entity codes of the Mandate Source Registry (un-entities/mandate_entities.csv), and the English and
# Chinese versions of the same resolutions (unxml-dev/2020–2026), where both define a name in
# brackets at the same place ("United Nations Mission in South Sudan (UNMISS)" /
# "联合国南苏丹特派团(南苏丹特派团)"); English names are the forms the resolutions write. A
# hand-made entry or label carries skos:editorialNote "hand-made". Bodies bodies.ttl has are not
# repeated here, and a label two bodies would share is on neither. Types as in bodies.ttl; a part
# of another organisation (an AU mission, the AU Commission) is an org:OrganizationalUnit too.
@prefix unkg: <https://w3id.org/unkg/ontology#> .
@prefix body: <https://w3id.org/unkg/vocab/body/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""


def turtle(records: list[dict]) -> str:
    out = [HEADER]
    for r in records:
        lines = [f"body:{r['local']} a {TYPES[r['kind']]} , skos:Concept ; skos:inScheme unkg:Bodies ;",
                 f"    skos:prefLabel {literal(r['pref_zh'], 'zh')} , {literal(r['pref_en'], 'en')} ;"]
        alts = [literal(l, "zh") for l in sorted(r["alt_zh"])] + [literal(l, "en") for l in sorted(r["alt_en"])]
        if alts:
            lines.append(f"    skos:altLabel {' , '.join(alts)} ;")
        if r["notation"]:
            lines.append(f"    skos:notation {literal(r['notation'])} ;")
        if r["established"]:
            lines.append(f"    unkg:establishedBy {' , '.join(literal(s) for s in sorted(r['established'], key=symbol_key))} ;")
        if r.get("post_in"):
            lines.append(f"    org:postIn body:{r['post_in'].rsplit('/', 1)[1]} ;")
        for note in r["hand"]:
            lines.append(f"    skos:editorialNote {literal(note)} ;")
        joined = " ,\n        ".join(literal(s) for s in r["sources"])
        lines.append(f"    dcterms:source {joined} .")
        out.append("\n" + "\n".join(lines) + "\n")
    return "".join(out)


def symbol_key(symbol: str) -> tuple[int, int]:
    found = SYMBOL_PAIR.search(symbol)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def summary(records: list[dict], report: dict) -> str:
    lines = []
    headings = report["headings"]
    lines.append(f"library headings: {len(headings)} — kept {sum(h.decision == 'keep' for h in headings)}, "
                 f"bodies.ttl's {sum(h.decision == 'existing' for h in headings)}, "
                 f"not bodies {sum(h.decision == 'drop' for h in headings)}")
    reasons = Counter(h.reason.split(" (")[0] if not h.reason.startswith("part of") else "part of a heading dropped"
                      for h in headings if h.decision == "drop")
    for reason, n in sorted(reasons.items(), key=lambda x: (-x[1], x[0])):
        lines.append(f"  dropped {n:4d}  {reason}")
    lines.append(f"entity codes: {len(report['mandates'])} — " + ", ".join(
        f"{k} {v}" for k, v in sorted(Counter(m[2] for m in report["mandates"]).items())))
    lines.append(f"resolutions read: {report['corpus'][0]} in English, {report['corpus'][1]} in English and Chinese")
    for k, v in sorted(report["alignment"].items()):
        lines.append(f"  {k}: {v}")
    lines.append(f"entries written: {len(records)} (" + ", ".join(
        f"{TYPES[k]} {n}" for k, n in sorted(Counter(r['kind'] for r in records).items())) + ")")
    ways = Counter()
    for r in records:
        for label, ev in r.get("evidence", {}).items():
            if label in r["kept_zh"]:
                for way in ev:
                    ways[way] += 1
    hand = sum(1 for r in records if r["hand"])
    lines.append(f"  with Chinese names from the aligned texts: {sum(1 for r in records if r['kept_zh'])}; "
                 f"hand-made or with hand-made labels: {hand}")
    for way, n in sorted(ways.items()):
        lines.append(f"    Chinese labels by {way}: {n}")
    several = sum(1 for r in records for l, s in r["kept_zh"].items() if len(s) >= 2)
    lines.append(f"    Chinese labels seen in two resolutions or more: {several}, in one: "
                 f"{sum(1 for r in records for l, s in r['kept_zh'].items() if len(s) == 1)}")
    rejected = Counter(v.split(" (")[0].split(" rather")[0] for vs in report["verdicts"].values() for v in vs.values() if v != "kept")
    for reason, n in sorted(rejected.items()):
        lines.append(f"    Chinese labels not taken: {n} — {reason}")
    lines.append(f"  English-only entries (no Chinese name yet, not written: the vocabulary shape needs one): "
                 f"{len(report['english_only'])}")
    dropped = Counter(p.split(" (")[0] for r in records for _, p in r["dropped"])
    for reason, n in sorted(dropped.items()):
        lines.append(f"  labels not added: {n} — {reason}")
    for lang, label, locals_, clash in report.get("label_clashes", []):
        lines.append(f"  label on no entry ({lang}) '{label}': " + (f"a label of {clash.rsplit('/', 1)[1]} (bodies.ttl)" if clash else
                     "shared by " + ", ".join(locals_)))
    for code, long, decision, why in report["mandates"]:
        if decision == "existing":
            lines.append(f"  bodies.ttl has {why}: entity code {code} ({long[:60]}) — not repeated")
    for h in headings:
        if h.decision == "existing":
            lines.append(f"  bodies.ttl has {h.existing.rsplit('/', 1)[1]}: heading '{h.text[:90]}' — not repeated")
    for name, label, n in report.get("manual_attested", []):
        lines.append(f"  hand-made label {label} ({name}): in {n} Chinese resolutions of 2020–2026")
    for a, name, iri in report.get("acronym_existing", []):
        lines.append(f"  acronym {a} (given to '{name[:60]}') is bodies.ttl's {iri.rsplit('/', 1)[1]}: not added")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--english-only", type=Path, default=HERE / "english-only.csv",
                        help="where to list the entries that have no Chinese name yet")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if not (args.corpus / DHLAUTH).exists():
        print(f"build.py: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    records, report = build(args.corpus)
    chinese = [t for _, zh in report["pairs"].values() for t in zh.paragraphs.values()]
    written = complete(records, report["english_only"], read_existing(EXISTING), report)
    manual = read_manual(MANUAL)
    for subject, label in sorted(manual.subject_objects(SKOS.prefLabel)) + sorted(manual.subject_objects(SKOS.altLabel)):
        if label.language == "zh":
            n = len({s for s, (_, zh) in report["pairs"].items() if any(str(label) in t for t in zh.paragraphs.values())})
            report.setdefault("manual_attested", []).append((str(subject).rsplit("/", 1)[1], str(label), n))
    text = turtle(written)
    args.output.write_text(text, encoding="utf-8")
    english_only = sorted(report["english_only"], key=lambda r: r["local"])
    with args.english_only.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["local_name", "type", "english", "acronym", "sources"])
        for r in english_only:
            writer.writerow([r["local"], TYPES[r["kind"]], r["pref_en"], r["notation"] or "", " | ".join(r["sources"])])
    if not args.quiet:
        print(summary(written, report))
        print(f"wrote {args.output} ({len(written)} entries) and {args.english_only} ({len(english_only)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
