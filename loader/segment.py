"""Segment stage: rebuild logical paragraphs (blocks) from PDF-extracted lines.

PDF text extraction breaks every paragraph into lines and scatters page furniture among
them. Three signals mark where a paragraph begins, and the segmenter trusts any of them:
the previous line ends with trailing white space (extractors leave it after a paragraph's
last line), the line is indented while the previous line ends in paragraph punctuation,
or the line opens with a paragraph number or letter after such punctuation. Where blank
lines stand only between paragraphs, a blank line opens one too. When lines are
separated by blank lines, a line that follows another with no blank between them opens a
new page, and extractors indent that first line by one more space: that space is not an
indent ("…获益，表" / " 示关切…" continues one sentence across a page break).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Block, SourceText, Span
from .profile import Profile
from .vocab import UNKG

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef《》“”]")


@dataclass(frozen=True)
class _Line:
    text: str        # without the line end
    start: int       # offset of the first character of the line
    page_start: bool
    after_gap: bool = False   # follows a blank line that separates paragraphs


@dataclass(frozen=True)
class Segmented:
    """Blocks of running text and the footer links found between them."""

    blocks: list[Block]
    footer_links: list[str]


def segment(source: SourceText, profile: Profile) -> Segmented:
    """Split a source text into blocks (paragraphs) and collect its footer links."""
    lines, links = _content_lines(source.text, profile)
    blocks: list[Block] = []
    current: list[_Line] = []
    page = 1
    previous: _Line | None = None
    for line in lines:
        if line.page_start and previous is not None:
            page += 1
        if previous is None or _opens_block(previous, line, profile):
            if current:
                blocks.append(_block(current, current_page))
            current = []
            current_page = page
        current.append(line)
        previous = line
    if current:
        blocks.append(_block(current, current_page))
    return Segmented(blocks, links)


def _content_lines(text: str, profile: Profile) -> tuple[list[_Line], list[str]]:
    raw = []
    offset = 0
    for chunk in text.split("\n"):
        raw.append((chunk, offset))
        offset += len(chunk) + 1
    nonblank = [i for i, (chunk, _) in enumerate(raw) if chunk.strip()]
    # Some extractors put a blank line after every line; page starts can then be told by a
    # line that follows another with no blank between them. Others leave blank lines only
    # between paragraphs (and after a page's last line).
    followed = sum(1 for i in nonblank if i + 1 < len(raw) and not raw[i + 1][0].strip())
    spaced = len(nonblank) > 0 and followed >= 0.8 * len(nonblank)
    lines: list[_Line] = []
    links: list[str] = []
    gap = True
    furniture = False
    for chunk, start in raw:
        if not chunk.strip():
            gap = True
            continue
        if chunk.startswith("\f"):  # a form feed: the extractor's own page break
            feed = len(chunk) - len(chunk.lstrip("\f"))
            chunk, start, furniture = chunk[feed:], start + feed, True
        link = profile.match(UNKG.FooterLink, chunk)
        if link:
            links.append(link.group("url"))
            furniture = True
            continue
        if profile.match(UNKG.PageFurniture, chunk):
            furniture = True
            continue
        page_start = bool(lines) and (furniture or (spaced and not gap))
        # Where blank lines are not between every line, they are between paragraphs; a line
        # that goes on in lower case after one (a page break mid-sentence) continues it.
        after_gap = bool(lines) and gap and not spaced and not chunk.lstrip()[:1].islower()
        lines.append(_Line(chunk.rstrip("\n"), start, page_start, after_gap))
        gap = furniture = False
    return lines, links


def _indent(line: _Line) -> int:
    lead = len(line.text) - len(line.text.lstrip(" \t"))
    return lead - 1 if line.page_start and lead > 0 else lead


def _opens_block(previous: _Line, line: _Line, profile: Profile) -> bool:
    if previous.text != previous.text.rstrip():
        return True
    closed = profile.search(UNKG.BlockEnd, previous.text.strip()) is not None
    body = line.text.strip()
    numbered = bool(profile.match(UNKG.OperativeNumber, body) or profile.match(UNKG.SubparagraphMarker, body))
    if line.after_gap and (closed or numbered or not line.page_start):
        return True   # a page break after an open line ("… and 1989" / "(2011) …") goes on
    if not closed:
        return False
    return _indent(line) > 0 or numbered


def _block(lines: list[_Line], page: int) -> Block:
    chars: list[str] = []
    offsets: list[int] = []
    for line in lines:
        lead = len(line.text) - len(line.text.lstrip())
        part = line.text.strip()
        # Lines join with a space, except in CJK text and after a hyphen ("Al-" / "Qaida"):
        # UN documents break lines only at hyphens of compound words.
        hyphen = len(chars) > 1 and chars[-1] in "-‑" and chars[-2].isalpha()
        if chars and part and not (_CJK.match(chars[-1]) or _CJK.match(part[0]) or hyphen):
            chars.append(" ")
            offsets.append(line.start + lead - 1)
        for index, ch in enumerate(part):
            if ch in " \t" and chars and chars[-1] == " ":
                continue        # runs of spaces collapse to one
            chars.append(" " if ch == "\t" else ch)
            offsets.append(line.start + lead + index)
    return Block(text="".join(chars), span=Span(offsets[0], offsets[-1] + 1), page=page, offsets=tuple(offsets))
