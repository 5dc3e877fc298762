"""The exceptions kg raises. The CLI turns each into a one-line message; nothing else
escapes the library.

    KgError
     ├── InputError            a digest file that cannot be read as papers
     ├── QueryNotFound         a ready query name that is not in cypher/
     ├── ViewError             a view that cannot be drawn (kg.views)
     ├── SourceError           the arXiv API refused or broke (kg.arxiv_source)
     │    └── SourceUnavailable the API cannot be reached
     └── StoreError            anything a store refuses
          ├── StoreInUse       the embedded file is held by another process
          ├── StoreUnavailable the server cannot be reached (after retries)
          ├── StoreAuthError   the server refused the credentials
          └── QueryError       the store rejected a Cypher statement
"""


class KgError(Exception):
    """Base of every error kg reports to a user."""


class InputError(KgError):
    """A file that cannot be read as papers: the message names the file and the problem."""

    def __init__(self, path: str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class QueryNotFound(KgError):
    pass


class StoreError(KgError):
    pass


class StoreInUse(StoreError):
    pass


class StoreUnavailable(StoreError):
    pass


class StoreAuthError(StoreError):
    pass


class QueryError(StoreError):
    pass
