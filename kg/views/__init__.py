"""Interactive HTML views of the graph: networkx decides what to show, pyvis draws it.

    from kg.views import overview, write_html
    with open_store() as store:
        view = overview(store, limit=300)
    write_html(view, "overview.html")

Each view function returns a View of at most `limit` nodes (the most central kept) and
says in `View.message` what it left out; `to_html`/`write_html` make one offline page."""

from kg.errors import ViewError
from kg.views.build import authors, concept, overview, paper
from kg.views.find import find_concept, find_paper
from kg.views.landscape import landscape
from kg.views.method import method
from kg.views.query_view import query
from kg.views.render import to_html, write_html
from kg.views.select import RANKS
from kg.views.view import DEFAULT_LIMIT, View

__all__ = [
    "DEFAULT_LIMIT",
    "RANKS",
    "View",
    "ViewError",
    "authors",
    "concept",
    "find_concept",
    "find_paper",
    "landscape",
    "method",
    "overview",
    "paper",
    "query",
    "to_html",
    "write_html",
]
