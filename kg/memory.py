"""Memory the process has freed, given back to the system.

LadybugDB's COPY allocates its column chunks with glibc's malloc (tens of MB a table, held
until the commit) and frees them at the commit; glibc keeps freed memory inside its heaps,
where the next group's Python objects and the next write do not all fit again, so the ingest's
resident memory grew by about the size of one write's COPY after each write (the bulk: 750 MB
freed but resident after its last commit). `malloc_trim` returns the free pages of every heap."""

from __future__ import annotations

import ctypes
import ctypes.util

_libc_name = ctypes.util.find_library("c")
_trim = getattr(ctypes.CDLL(_libc_name), "malloc_trim", None) if _libc_name else None


def give_back_freed() -> None:
    """Return the free pages of glibc's heaps to the system (nothing elsewhere)."""
    if _trim is not None:
        _trim(0)
