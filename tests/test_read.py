"""Reading: encodings, line ends, width folding and refusals."""

from __future__ import annotations

import codecs

import pytest

from unkg.model import UnkgError
from unkg.pipeline import extract_document
from unkg.read import decode_source

from conftest import SAMPLES, sample

NAME = "000_2a646b5f01fa77ee.txt"
TEXT = (SAMPLES / NAME).read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_encoding_gives_the_same_paragraphs(encoding: str, newline: str) -> None:
    raw = TEXT.replace("\n", newline).encode(encoding)
    if encoding == "utf-16-le":
        raw = codecs.BOM_UTF16_LE + raw
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    document = extract_document(decode_source(NAME, raw))
    assert [u.text for u in document.units] == [u.text for u in sample(NAME).units]
    assert document.identity.symbol == "S/RES/2322 (2016)"


def test_utf16_without_bom_is_detected() -> None:
    source = decode_source(NAME, TEXT.encode("utf-16-le"))
    assert source.text == TEXT


def test_full_width_digits_and_spaces_fold_to_ascii() -> None:
    source = decode_source("x.txt", "第　２３２２（２０１６）号决议，；".encode("utf-8"))
    assert source.text == "第 2322(2016)号决议，；"


@pytest.mark.parametrize(("raw", "message"), [
    (b"", "x.txt: empty file"),
    (b"   \n\n  ", "x.txt: empty file"),
    (bytes(range(256)) * 20, "x.txt: not a text file (binary content)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "x.txt: not a text file (binary content)"),
], ids=["empty", "blank", "all-bytes", "png"])
def test_unusable_bytes_are_refused(raw: bytes, message: str) -> None:
    with pytest.raises(UnkgError) as caught:
        decode_source("x.txt", raw)
    assert str(caught.value) == message


def test_text_that_is_no_un_document_is_refused() -> None:
    with pytest.raises(UnkgError) as caught:
        extract_document(decode_source("menu.txt", "今天的午餐：米饭、青菜和汤。\n\n明天见。\n".encode("utf-8")))
    assert str(caught.value) == ("menu.txt: not a UN Security Council document: found neither a resolution's "
                                 "opening words nor a letter heading")
