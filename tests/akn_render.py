"""Render a Chinese Akoma Ntoso resolution as text laid out like the PDF extractions unkg
reads (wrapped lines, blank lines between them, indented paragraph starts, page breaks
with an extra leading space), so the loader can be tested on resolutions beyond the seeds."""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

WIDTH = 35
PAGE_LINES = 40


@dataclass
class Rendered:
    """The text and what the XML says its structure is."""

    text: str
    symbol: str
    preambular: list[str] = field(default_factory=list)
    operative: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)      # local paths, e.g. op/5/a
    headings: list[str] = field(default_factory=list)
    chapter_vii: bool = False
    annexes: int = 0
    annex_paragraphs: int = 0


def _squash(element: ET.Element) -> str:
    return re.sub(r"\s+", "", "".join(element.itertext()))


def render(path: Path) -> Rendered:
    """Lay out one zh AKN file as PDF-extracted text."""
    root = ET.parse(path).getroot()
    ns = {"a": root.tag.split("}")[0][1:]}
    q = lambda tag: f"{{{ns['a']}}}{tag}"  # noqa: E731
    raw_symbol = " ".join(root.find(".//a:docNumber", ns).text.split())
    number, year = re.match(r"S/RES/(\d+)\s*\((\d{4})\)", raw_symbol).groups()
    symbol = f"S/RES/{number} ({year})"
    date = root.find(".//a:docDate[@refersTo='#adoptionDate']", ns).get("date")
    y, m, d = (int(x) for x in date.split("-"))
    meeting = root.find(".//a:inline[@name='adoptionMeeting']", ns)
    blocks: list[tuple[int, str]] = [(3, f"第 {number}({year})号决议"),
                                     (2, f"安全理事会 {y} 年 {m} 月 {d} 日" + (f"第 {meeting.get('title')} 次会议" if meeting is not None else "") + "通过"),
                                     (1, "安全理事会，")]
    out = Rendered("", "")
    for container in root.find(".//a:preamble", ns).findall(".//a:container", ns):
        text = _squash(container)
        if "第七章" in text and text.endswith(("行动，", "行动,")):
            out.chapter_vii = True
            blocks.append((0, text))
            continue
        out.preambular.append(text)
        blocks.append((1, text))
    for paragraph in root.find(".//a:mainBody", ns).findall("a:paragraph", ns):
        num = paragraph.find("a:num", ns)
        if num is None:
            out.headings.append(_squash(paragraph))
            blocks.append((0, _squash(paragraph)))
            continue
        number_text = _squash(num)
        if number_text.startswith("("):
            # Some files (2610) keep the sub-points of a paragraph as paragraphs of their own,
            # with headings between them.
            out.points.append(f"op/{len(out.operative)}/{number_text.strip('()')}")
            blocks.append((1, f"{number_text} {_squash(paragraph.find('a:content', ns))}"))
            continue
        intro = paragraph.find("a:list/a:intro", ns)
        body = intro if intro is not None else paragraph.find("a:content", ns)
        text = _squash(body)
        out.operative.append(text)
        blocks.append((1, f"{number_text} {text}"))
        lst = paragraph.find("a:list", ns)
        if lst is not None:
            _points(lst, f"op/{number_text.rstrip('.')}", blocks, out, ns, q)
    for annex in root.findall(".//a:attachments/a:attachment/a:doc", ns):
        for paragraph in annex.find("a:mainBody", ns).iter(q("paragraph")):
            text = _squash(paragraph)
            if re.fullmatch(r"附件[一二三四五六七八九十]*", text):
                out.annexes += 1
                blocks.append((0, text))
            else:
                out.annex_paragraphs += 1
                blocks.append((1, text))
    out.text, out.symbol = _lay_out(blocks), symbol
    return out


def _points(lst, prefix, blocks, out, ns, q) -> None:
    for point in lst.findall("a:point", ns):
        marker = _squash(point.find("a:num", ns))
        path = f"{prefix}/{marker.strip('()')}"
        out.points.append(path)
        inner = point.find("a:list", ns)
        body = inner.find("a:intro", ns) if inner is not None else point.find("a:content", ns)
        blocks.append((1, f"{marker} {_squash(body)}"))
        if inner is not None:
            _points(inner, path, blocks, out, ns, q)


def _lay_out(blocks: list[tuple[int, str]]) -> str:
    lines: list[str] = []
    for indent, text in blocks:
        chunks = [text[i:i + WIDTH] for i in range(0, len(text), WIDTH)]
        for index, chunk in enumerate(chunks):
            lead = " " * indent if index == 0 else ""
            tail = " " if index == len(chunks) - 1 else ""
            lines.append(lead + chunk + tail)
    text: list[str] = []
    for index, line in enumerate(lines):
        if index and index % PAGE_LINES == 0:
            text.append(" " + line)          # first line of a new page: no blank line, one more space
        else:
            if index:
                text.append("")
            text.append(line)
    return "\n".join(text) + "\n"


# English ----------------------------------------------------------------------------------
# Laid out as the UN's English PDFs extract (corpus/cr-unsc/res_en_gold): lines wrapped at
# word boundaries, a blank line between paragraphs and none inside one, and at each page
# break the job number, a form feed and the running symbol, mid-paragraph where it falls.

EN_WIDTH = 85
EN_PAGE_LINES = 46


def _words(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def render_english(path: Path) -> Rendered:
    """Lay out one en AKN file as PDF-extracted English text; what the XML says is kept in
    whitespace-free form, as for Chinese."""
    root = ET.parse(path).getroot()
    ns = {"a": root.tag.split("}")[0][1:]}
    raw_symbol = " ".join(root.find(".//a:docNumber", ns).text.split())
    number, year = re.match(r"S/RES/(\d+)\s*\((\d{4})\)", raw_symbol).groups()
    symbol = f"S/RES/{number} ({year})"
    title = root.find(".//a:docTitle[@refersTo='#adoption']", ns)
    blocks = [f"Resolution {number} ({year})", _words(title), "The Security Council,"]
    out = Rendered("", "")
    for container in root.find(".//a:preamble", ns).findall(".//a:container", ns):
        text = _words(container)
        if re.fullmatch(r"Acting under Chapter VII of the Charter of the United Nations,?", text):
            out.chapter_vii = True
        else:
            out.preambular.append(_squash(container))
        blocks.append(text)
    operative = 0
    for paragraph in root.find(".//a:mainBody", ns).findall("a:paragraph", ns):
        num = paragraph.find("a:num", ns)
        if num is None:
            out.headings.append(_squash(paragraph))
            blocks.append(_words(paragraph))
            continue
        if _words(num).startswith("("):   # sub-points kept as paragraphs of their own (2253)
            out.points.append(f"op/{operative}/{_words(num).strip('()')}")
            blocks.append(f"{_words(num)} {_words(paragraph.find('a:content', ns))}")
            continue
        operative += 1
        intro = paragraph.find("a:list/a:intro", ns)
        body = intro if intro is not None else paragraph.find("a:content", ns)
        out.operative.append(_squash(body))
        blocks.append(f"{_words(num)} {_words(body)}")
        lst = paragraph.find("a:list", ns)
        if lst is not None:
            _english_points(lst, f"op/{operative}", blocks, out, ns)
    job = re.sub(r"[^0-9]", "", path.stem.split("_")[-1])   # N0428641 → 04-28641 (E)
    out.text, out.symbol = _lay_out_english(blocks, symbol, job), symbol
    return out


def _english_points(lst, prefix, blocks, out, ns) -> None:
    for index, point in enumerate(lst.findall("a:point", ns), start=1):
        title = point.find("a:subheading", ns)
        if title is not None:
            out.headings.append(_squash(title))
            blocks.append(_words(title))
        marker = _words(point.find("a:num", ns)) if point.find("a:num", ns) is not None else "—"
        letter = marker.strip("().")
        path = f"{prefix}/{letter if re.fullmatch('[a-z]+', letter) else index}"
        out.points.append(path)
        inner = point.find("a:list", ns)
        body = inner.find("a:intro", ns) if inner is not None else point.find("a:content", ns)
        blocks.append(f"{marker if letter.isalpha() else '—'} {_words(body)}")
        if inner is not None:
            _english_points(inner, path, blocks, out, ns)


def _lay_out_english(blocks: list[str], symbol: str, job: str) -> str:
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines.extend(textwrap.wrap(block, EN_WIDTH, break_on_hyphens=False, break_long_words=False))
    text: list[str] = []
    page_lines = 0
    for line in lines:
        if page_lines == EN_PAGE_LINES:
            text.extend(["", f"{job[:2]}-{job[2:7]} (E)", "", f"\f{symbol}", ""])
            page_lines = 0
        text.append(line)
        page_lines += 1
    return "\n".join(text) + "\n"
