"""The exceptions kg raises to say what a user must fix. The CLI turns each into a
one-line message; anything else that escapes is a bug, reported as an internal error.

    KgError
     ├── InputError             a digest file that cannot be read as papers
     ├── DigestError            a parser's complaint about a digest's text (line and problem);
     │                          kg.ingest reports it as an InputError naming the file
     ├── LexiconError           a lexicon file line that is not a valid entry
     ├── CurationError          a curation file line, or a merge, that cannot be applied (kg.curation)
     ├── QueryNotFound          a ready query name that is not in cypher/
     ├── ViewError              a view that cannot be drawn (kg.views)
     ├── ExportError            an export folder that cannot be written (kg.export)
     ├── DateError              a --since/--until that is not a date (kg.timeline)
     ├── TrendsError            trends that cannot be computed (kg.trends)
     ├── ReportError            a briefing that cannot be made (kg.report)
     ├── SourceError            an arXiv API answer kg cannot use, or a bad setting (kg.arxiv)
     │    └── SourceUnavailable the API cannot be reached, or keeps failing after retries
     └── StoreError             anything a store refuses
          ├── StoreInUse        the embedded file is held by another process
          ├── StoreUnavailable  the server cannot be reached (after retries)
          ├── StoreAuthError    the server refused the credentials
          └── QueryError        the store rejected a Cypher statement
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg reports to a user."""


class InputError(KgError):
    """A file that cannot be read as papers: the message names the file and the problem."""

    def __init__(self, path: str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class DigestError(KgError):
    """A parser's complaint about the text: what is wrong and on which line."""

    def __init__(self, problem: str, line: int | None = None):
        self.problem = problem
        self.line = line
        super().__init__(f"line {line}: {problem}" if line else problem)


class LexiconError(KgError):
    """A lexicon file holds a line that is not a valid entry."""


class CurationError(KgError):
    """A curation file line that is not a valid decision, or a merge or unmerge that cannot be done."""


class QueryNotFound(KgError):
    """A ready query name that is not in cypher/; the message lists the known ones."""


class ViewError(KgError):
    """A view that cannot be drawn: an unknown paper or concept, a query without nodes."""


class ExportError(KgError):
    """An export folder that is not empty or cannot be created."""


class DateError(KgError):
    """A --since/--until that is not a date."""


class TrendsError(KgError):
    """Trends that cannot be computed: no dated papers, a window that ends before it starts."""


class ReportError(KgError):
    """A briefing that cannot be made: no dated papers, a window that ends before it starts."""


class SourceError(KgError):
    """An answer of the arXiv API that kg cannot use, or a bad arXiv setting."""


class SourceUnavailable(SourceError):
    """The arXiv API cannot be reached, or keeps failing after the retries."""


class StoreError(KgError):
    """A store refused an operation."""


class StoreInUse(StoreError):
    """The embedded store's file is held by another process."""


class StoreUnavailable(StoreError):
    """The store's server cannot be reached, after the retries."""


class StoreAuthError(StoreError):
    """The store's server refused the credentials."""


class QueryError(StoreError):
    """The store rejected a Cypher statement, or a ready query lacks a parameter."""
