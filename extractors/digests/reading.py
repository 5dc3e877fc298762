"""Bytes to text: the encodings digests arrive in, and the files that are no text at all."""

from __future__ import annotations

import codecs

from kg.errors import InputError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff", b"\x7fELF")


def decode(data: bytes, path: str, warnings: list[str] | None = None) -> str:
    """Decode a digest's bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else
    Latin-1 with a warning. Raises InputError for empty or binary input."""
    warnings = warnings if warnings is not None else []
    if not data.strip():
        raise InputError(path, "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _strip_nul(data.decode(encoding), path, warnings)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not valid {encoding} despite its byte-order mark ({exc.reason})") from exc
    if data.startswith(_BINARY_MAGIC) or _looks_binary(data[:8192]):
        raise InputError(path, "a binary file, not a text digest")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace") if _is_cp1252(data) else data.decode("latin-1")
        warnings.append(f"{path}: not UTF-8, read as Latin-1")
    return _strip_nul(text, path, warnings)


def _looks_binary(head: bytes) -> bool:
    """Binary when a good share of the bytes are control characters (NULs included)."""
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / len(head) > 0.10


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


def _strip_nul(text: str, path: str, warnings: list[str]) -> str:
    if "\x00" in text:
        warnings.append(f"{path}: {text.count(chr(0))} NUL bytes removed")
        text = text.replace("\x00", "")
    if not text.strip():
        raise InputError(path, "the file is empty")
    return text
