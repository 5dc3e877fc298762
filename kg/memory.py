"""Memory the process has freed, given back to the system.

A LadybugDB COPY allocates with glibc's malloc (10-30 MB a table, held until the commit) and
frees it all at the commit; glibc keeps freed memory inside its heaps, so the ingest stayed
at the size of its largest write and the next writes added to it (the bulk: 757 MB freed but
resident after its last commit). `malloc_trim` returns the free pages of every heap."""

from __future__ import annotations

import ctypes

# The process's own symbols hold libc's (glibc's `malloc_trim`; absent elsewhere).
# (`ctypes.util.find_library` would run `ldconfig` at every start to find the library.)
_trim = getattr(ctypes.CDLL(None), "malloc_trim", None)


def give_back_freed() -> None:
    """Return the free pages of glibc's heaps to the system (nothing elsewhere)."""
    if _trim is not None:
        _trim(0)
