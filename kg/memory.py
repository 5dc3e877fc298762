"""Memory the process has freed, given back to the system.

A LadybugDB COPY allocates with glibc's malloc (10-30 MB a table, held until the commit) and
frees it all at the commit; glibc keeps freed memory inside its heaps, so the ingest stayed
at the size of its largest write and the next writes added to it (the bulk: 757 MB freed but
resident after its last commit). `malloc_trim` returns the free pages of every heap.

Within a write, glibc serves a large block from its heaps too once a block that size has
been freed (its mmap threshold rises with every large free, up to 32 MB), and what the
write frees there stays resident beside what it allocates next: at the peak of a
100,000-paper ingest 250 MB of the main process was free memory inside the heaps.
`map_large_blocks` fixes the threshold at 1 MB: such blocks are mapped on their own and
unmapped when freed (peak 1,221 MB against 1,332 MB, the same CPU)."""

from __future__ import annotations

import ctypes

# The process's own symbols hold libc's (glibc's `malloc_trim`; absent elsewhere).
# (`ctypes.util.find_library` would run `ldconfig` at every start to find the library.)
_libc = ctypes.CDLL(None)
_trim = getattr(_libc, "malloc_trim", None)
_mallopt = getattr(_libc, "mallopt", None)
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
LARGE_BLOCK = 1 << 20


def give_back_freed() -> None:
    """Return the free pages of glibc's heaps to the system (nothing elsewhere)."""
    if _trim is not None:
        _trim(0)


def map_large_blocks() -> None:
    """Blocks of LARGE_BLOCK bytes or more mapped on their own, returned to the system when
    freed (glibc; nothing elsewhere). For the process and those it forks after."""
    if _mallopt is not None:
        _mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK)
