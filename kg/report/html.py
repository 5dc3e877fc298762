"""A briefing as one offline HTML page: sections an analyst reads top to bottom, every
paper a link to arXiv whose title attribute is the evidence sentence (shown on hover), a
uPlot sparkline per rising concept."""

from __future__ import annotations

import datetime as dt

from kg.report.model import Briefing
from kg.trends import MIN_PAPERS
from kg.views.charts import CHART_JS, HEAD, SERIES_COLOURS, uplot_css, uplot_js

LABEL_COLOURS = {  # as the graph views draw them (kg.views.render.STYLES)
    "Method": "#f58518", "Dataset": "#54a24b", "Company": "#e45756", "Metric": "#b279a2", "Task": "#d4a017",
}  # fmt: skip
LABEL_PLURALS = {
    "Method": "Methods",
    "Dataset": "Datasets",
    "Company": "Companies",
    "Metric": "Metrics",
    "Task": "Tasks",
}
EVIDENCE_CHARS = 600

EXTRA_CSS = """
.kg-summary { display: flex; flex-wrap: wrap; gap: 8px 28px; }
.kg-summary div b { font-size: 20px; display: block; }
.kg-rising { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 10px; }
.kg-rising .kg-panel { margin: 0; }
.kg-spark { margin: 4px 0; }
ul.kg-links { margin: 2px 0 0 0; padding-left: 18px; } ul.kg-links li { margin: 1px 0; }
.kg-new-label { margin-top: 6px; }
nav.kg-toc a { margin-right: 12px; }
td.kg-date { white-space: nowrap; }
"""

PAGE = (
    r"""<!DOCTYPE html>
<html lang="en">
<head>
"""
    + HEAD
    + r"""
</head>
<body>
<main>
{%- macro paper(link) -%}
<a href="{{ link.paper.url or '' }}"{% if link.evidence %} title="{{ link.evidence|truncate(evidence_chars) }}"{% else %} title="{{ link.paper.date }}"{% endif %}{% if not link.paper.url %} class="kg-nourl"{% endif %}>{{ link.paper.title }}</a> <span class="kg-muted">{{ link.paper.date }}</span>
{%- endmacro -%}
{%- macro links(item) -%}
<ul class="kg-links">{% for link in item.links %}<li>{{ paper(link) }}</li>{% endfor %}</ul>
{%- endmacro -%}
{%- macro tag(label) -%}<span class="kg-tag" style="background: {{ colours.get(label, '#888') }}">{{ label }}</span>{%- endmacro -%}
<h1>{{ title }}</h1>
<p class="kg-note">{{ days }} days{% if b.topics %} · topics: {{ b.topics|join(', ') }}{% endif %}{% if b.excludes %} · excluding: {{ b.excludes|join(', ') }}{% endif %} · compared with {{ b.previous_since }} to {{ b.previous_until }}</p>
{% for note in b.notes %}<p class="kg-note">{{ note }}</p>{% endfor %}
<div class="kg-panel kg-summary">
  <div><b>{{ "{:,}".format(b.papers|length) }}</b>papers</div>
  <div><b>{{ "{:,}".format(b.previous_papers) }}</b>in the previous {{ days }} days</div>
  <div><b>{{ "{:,}".format(new_total) }}</b>concepts first seen</div>
  <div><b>{{ b.rising|length }}</b>rising concepts</div>
  <div><b>{{ b.deployments|length }}</b>deployments</div>
</div>
<nav class="kg-toc kg-note"><a href="#sources">sources</a><a href="#new">first seen</a><a href="#rising">rising</a><a href="#deployments">deployments</a><a href="#datasets">datasets</a><a href="#metrics">metrics</a><a href="#authors">authors</a><a href="#papers">all papers</a></nav>

<h2 id="sources">Papers added, by source</h2>
<div class="kg-panel"><table class="kg">
<tr><th>digest or feed</th><th>family</th><th class="n">papers</th><th>newest</th></tr>
{% for s in b.sources %}<tr><td>{{ s.name }}</td><td>{{ s.family or '' }}</td><td class="n">{{ "{:,}".format(s.papers) }}</td><td>{{ links(s) }}</td></tr>
{% else %}<tr><td colspan="4" class="kg-muted">no paper in the window</td></tr>{% endfor %}
</table></div>

<h2 id="new">Concepts seen for the first time</h2>
<div class="kg-panel">
{% for label, items in b.new.items() if items %}
<h3 class="kg-new-label">{{ tag(label) }}{{ plurals[label] }}: {{ "{:,}".format(b.new_totals[label]) }} new{% if b.new_totals[label] > items|length %}, the {{ items|length }} with most papers{% endif %}</h3>
<table class="kg"><tr><th>name</th><th>first seen</th><th class="n">papers</th><th>first papers</th></tr>
{% for i in items %}<tr><td>{{ i.name }}</td><td class="kg-date">{{ i.first_seen }}</td><td class="n">{{ i.papers }}</td><td>{{ links(i) }}</td></tr>{% endfor %}
</table>
{% else %}<p class="kg-muted">no concept was seen for the first time in the window</p>{% endfor %}
</div>

<h2 id="rising">Rising</h2>
<p class="kg-note">Papers in the window against what each concept's share of the previous window predicts (lift, +1 smoothed; at least {{ min_papers }} papers); the chart: papers per {{ b.chart_by.value }}, the last {{ b.chart_periods|length }} {{ b.chart_by.value }}s ({{ b.chart_periods[0] }} to {{ b.chart_periods[-1] }}).</p>
<div class="kg-rising">
{% for r in b.rising %}<div class="kg-panel">
  <div>{{ tag(r.label) }}<b>{{ r.name }}</b> <span class="kg-muted">{{ r.papers }} papers, {{ r.previous }} before · lift {{ "%.1f"|format(r.lift) }}</span></div>
  <div class="kg-spark" data-series="{{ loop.index0 }}" title="papers per {{ b.chart_by.value }}: {{ r.series|join(', ') }}"></div>
  {{ links(r) }}
</div>{% else %}<p class="kg-muted">nothing rises: {% if b.previous_papers %}no concept has {{ min_papers }} papers and more than its share{% else %}no paper in the previous window to compare with{% endif %}</p>{% endfor %}
</div>

<h2 id="deployments">Company deployments and their online gains</h2>
<div class="kg-panel"><table class="kg">
<tr><th>company</th><th>paper</th><th>online gains</th></tr>
{% for d in b.deployments %}<tr><td>{{ d.company }}</td><td><a href="{{ d.paper.url or '' }}" title="{{ (d.evidence or '')|truncate(evidence_chars) }}">{{ d.paper.title }}</a> <span class="kg-muted">{{ d.paper.date }}</span></td>
<td>{% for metric, value, evidence, method in d.gains %}<span title="{{ (evidence or '')|truncate(evidence_chars) }}">{{ metric }} {{ value or 'reported' }}{% if method %} ({{ method }}){% endif %}</span>{% if not loop.last %}, {% endif %}{% else %}<span class="kg-muted">none stated</span>{% endfor %}</td></tr>
{% else %}<tr><td colspan="3" class="kg-muted">no paper of the window states a deployment</td></tr>{% endfor %}
</table></div>

{% for anchor, heading, items in [("datasets", "Most used datasets", b.datasets), ("metrics", "Most used metrics", b.metrics), ("authors", "Most active authors", b.authors)] %}
<h2 id="{{ anchor }}">{{ heading }}</h2>
<div class="kg-panel"><table class="kg"><tr><th>name</th><th class="n">papers</th><th>{% if anchor == 'authors' %}newest papers{% else %}newest papers (hover: the sentence){% endif %}</th></tr>
{% for i in items %}<tr><td>{{ i.name }}</td><td class="n">{{ i.papers }}</td><td>{{ links(i) }}</td></tr>
{% else %}<tr><td colspan="3" class="kg-muted">none in the window</td></tr>{% endfor %}
</table></div>
{% endfor %}

<h2 id="papers">Every paper of the window</h2>
<div class="kg-panel"><ul class="kg-links">{% for p in b.papers %}<li><a href="{{ p.url or '' }}" title="{{ p.date }}">{{ p.title }}</a> <span class="kg-muted">{{ p.date }}</span></li>{% endfor %}</ul></div>
<p class="kg-note">Made by kg report. A paper's date: published, else the month of its arXiv id (the digest's day when the digest is in that month), else the digest's date.</p>
</main>
<script>
"""
    + CHART_JS
    + r"""
var SERIES = {{ series|tojson }};
document.querySelectorAll(".kg-spark").forEach(function (el) {
  var i = Number(el.getAttribute("data-series"));
  kgSparkline(el, SERIES[i].values, {colour: SERIES[i].colour, width: 300, height: 46});
});
document.body.setAttribute("data-rendered", "true");
</script>
</body>
</html>
"""
)


def to_html(b: Briefing) -> str:
    import jinja2

    env = jinja2.Environment(autoescape=True)
    series = [{"values": r.series, "colour": LABEL_COLOURS.get(r.label, SERIES_COLOURS[0])} for r in b.rising]
    days = (_day(b.until) - _day(b.since)) + 1
    return env.from_string(PAGE).render(
        b=b, title=_title(b), series=series, colours=LABEL_COLOURS, plurals=LABEL_PLURALS, days=days,
        new_total=sum(b.new_totals.values()), min_papers=MIN_PAPERS, evidence_chars=EVIDENCE_CHARS,
        generator="kg report", uplot_js=uplot_js(), uplot_css=uplot_css(), extra_css=EXTRA_CSS,
    )  # fmt: skip


def _title(b: Briefing) -> str:
    return f"Briefing {b.since} to {b.until}" + (f": {', '.join(b.topics)}" if b.topics else "")


def _day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()
