"""kg: a knowledge graph of research literature, questioned with Cypher."""

from kg.errors import InputError, KgError, StoreError
from kg.model import Paper

__all__ = ["InputError", "KgError", "Paper", "StoreError"]
