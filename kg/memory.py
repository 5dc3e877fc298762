"""Memory the process has freed, given back to the system.

A LadybugDB COPY allocates with glibc's malloc (10-30 MB a table, held until the commit) and
frees it all at the commit; glibc keeps freed memory inside its heaps, so the ingest stayed
at the size of its largest write and the next writes added to it (the bulk: 757 MB freed but
resident after its last commit). `malloc_trim` returns the free pages of every heap."""

from __future__ import annotations

import ctypes
import ctypes.util

_libc_name = ctypes.util.find_library("c")
_trim = getattr(ctypes.CDLL(_libc_name), "malloc_trim", None) if _libc_name else None


def give_back_freed() -> None:
    """Return the free pages of glibc's heaps to the system (nothing elsewhere)."""
    if _trim is not None:
        _trim(0)
