"""The HTML page of a view, as a Jinja template. pyvis's own template links Bootstrap
from a CDN even with cdn_resources="in_line", so kg renders its own page around pyvis's
nodes, edges and options and inlines the vis-network build pyvis ships. A Content
Security Policy keeps the page from fetching anything at all."""

PAGE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="generator" content="kg view {{ kind }}">
<title>{{ title }} - kg</title>
<style>{{ vis_css|safe }}</style>
<script>{{ vis_js|safe }}</script>
{% if summary %}<style>{{ uplot_css|safe }}</style>
<script>{{ uplot_js|safe }}</script>{% endif %}
<style>
html, body { margin: 0; height: 100%; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; }
#kg-graph { position: absolute; inset: 0; }
#mynetwork { position: absolute; inset: 0; background: #fff; }
body.kg-has-summary { height: auto; background: #f6f6f4; }
body.kg-has-summary #kg-graph { position: relative; height: 88vh; margin: 0 12px 12px; border: 1px solid #ddd; border-radius: 6px; overflow: hidden; }
#kg-summary { max-width: 1180px; margin: 0 auto; padding: 12px 20px 4px; }
#kg-summary h1 { font-size: 22px; margin: 4px 0; } #kg-summary h2 { font-size: 15px; margin: 14px 0 4px; }
#kg-summary .kg-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; }
#kg-summary .kg-card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px 12px; }
#kg-summary table { border-collapse: collapse; width: 100%; } #kg-summary td { padding: 1px 6px 1px 0; vertical-align: top; }
#kg-summary td.n { text-align: right; font-variant-numeric: tabular-nums; color: #555; }
#kg-summary .kg-muted { color: #777; } #kg-summary a { color: #1f5fa8; text-decoration: none; }
#kg-summary a[title] { border-bottom: 1px dotted #9bb7d9; }
#kg-months { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 6px; }
.kg-panel { position: absolute; background: rgba(255,255,255,0.93); border: 1px solid #ddd; border-radius: 6px;
            padding: 8px 12px; box-shadow: 0 1px 4px rgba(0,0,0,0.12); z-index: 5; }
#kg-header { top: 8px; left: 8px; max-width: 60%; }
#kg-header h1 { font-size: 16px; margin: 0 0 2px 0; }
#kg-header p { margin: 2px 0; }
#kg-header .kg-cut { color: #9a3412; }
#kg-header .kg-note { color: #555; }
#kg-progress { color: #555; }
#kg-legend { bottom: 8px; left: 8px; max-height: 45%; overflow: auto; }
#kg-legend table { border-collapse: collapse; }
#kg-legend td { padding: 0 6px 0 0; white-space: nowrap; }
#kg-legend .glyph { font-size: 15px; width: 18px; text-align: center; }
#kg-legend .line { display: inline-block; width: 22px; height: 3px; vertical-align: middle; }
#kg-legend h2 { font-size: 12px; margin: 4px 0 2px 0; color: #555; text-transform: uppercase; letter-spacing: .04em; }
#kg-details { top: 8px; right: 8px; width: 320px; max-height: 80%; overflow: auto; display: none; }
#kg-details h2 { font-size: 14px; margin: 0 0 4px 0; }
#kg-details .kind { color: #666; font-size: 11px; text-transform: uppercase; }
#kg-details dl { margin: 4px 0; } #kg-details dt { color: #666; float: left; clear: left; width: 80px; }
#kg-details dd { margin: 0 0 2px 84px; overflow-wrap: anywhere; }
#kg-details .close { float: right; cursor: pointer; border: 0; background: none; font-size: 16px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 420px; font: 12px/1.35 system-ui, sans-serif; }
</style>
</head>
<body{% if summary %} class="kg-has-summary"{% endif %}>
{% if summary %}{% set c = summary %}
<section id="kg-summary">
  <h1>{{ title }}</h1>
  <p>{{ "{:,}".format(c.papers) }} paper{{ "s" if c.papers != 1 }}{% if c.first_seen %}, first seen {{ c.first_seen }}, latest {{ c.last_seen }}{% endif %}{% if c.undated %} ({{ c.undated }} undated){% endif %}{% if c.label == "Company" %} · {{ c.deployed_papers }} state a deployment{% endif %}</p>
  {% if c.months %}<h2>Papers per month</h2><div id="kg-months"></div>{% endif %}
  {% if c.label == "Company" %}<h2>Deployments and their online gains</h2>
  <div class="kg-card"><table>{% for d in c.deployments %}<tr><td><a href="{{ d.paper.url or '' }}" title="{{ (d.paper.evidence or '')|truncate(500) }}">{{ d.paper.title }}</a> <span class="kg-muted">{{ d.paper.date or '' }}</span></td>
  <td>{% for metric, value, evidence, method in d.gains %}<span title="{{ (evidence or '')|truncate(500) }}">{{ metric }} {{ value or 'reported' }}{% if method %} ({{ method }}){% endif %}</span>{% if not loop.last %}, {% endif %}{% else %}<span class="kg-muted">no online gain stated</span>{% endfor %}</td></tr>
  {% else %}<tr><td class="kg-muted">no paper states a deployment</td></tr>{% endfor %}</table></div>{% endif %}
  <h2>What its papers name</h2>
  <div class="kg-cards">{% for label, items in c.related.items() if items %}<div class="kg-card"><b>{{ label }}</b><table>
    {% for name, n in items %}<tr><td>{{ name }}</td><td class="n">{{ n }}</td></tr>{% endfor %}</table></div>{% endfor %}</div>
  <h2>Newest papers</h2>
  <div class="kg-card"><table>{% for p in c.newest %}<tr><td><a href="{{ p.url or '' }}" title="{{ (p.evidence or '')|truncate(500) }}">{{ p.title }}</a></td><td class="n">{{ p.date or '' }}</td></tr>{% endfor %}</table></div>
  <h2>The graph</h2>
  <p class="kg-muted">{{ c.name }}, its papers and the concepts they share; drag to arrange, hover a paper for its title, click for details.</p>
</section>
{% endif %}
<div id="kg-graph">
<div id="mynetwork"></div>
<div id="kg-header" class="kg-panel">
  <h1>{{ title }}</h1>
  <p>{{ shown }} nodes, {{ edge_count }} relationships{% if rank_name %} · ranked by {{ rank_name }}{% endif %}</p>
  {% if message %}<p class="kg-cut" id="kg-cut">{{ message }}</p>{% endif %}
  {% for note in notes %}<p class="kg-note">{{ note }}</p>{% endfor %}
  <p id="kg-progress">laying out…</p>
</div>
<div id="kg-legend" class="kg-panel">
  <h2>{{ legend_title }}</h2>
  <table>{% for item in legend_nodes %}
    <tr><td class="glyph" style="color: {{ item.color }}">{{ item.glyph }}</td><td>{{ item.name }}</td><td>{{ item.count }}</td></tr>{% endfor %}
  </table>
  {% if legend_edges %}<h2>Relationships</h2>
  <table>{% for item in legend_edges %}
    <tr><td><span class="line" style="background: {{ item.color }}"></span></td><td>{{ item.name }}</td><td>{{ item.count }}</td></tr>{% endfor %}
  </table>{% endif %}
  {% if size_note %}<p class="kg-note">{{ size_note }}</p>{% endif %}
</div>
<div id="kg-details" class="kg-panel"></div>
</div>
<script>
{% if summary %}var KG_MONTHS = {{ summary.months|tojson }};{% endif %}
var kgView = {kind: {{ kind|tojson }}, stabilized: false, started: performance.now(), stabilizedMs: null, iterations: 0};
var nodes = new vis.DataSet({{ nodes|tojson }});
var edges = new vis.DataSet({{ edges|tojson }});
var options = {{ options|tojson }};
var network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, options);

function kgSettled() {
  if (kgView.stabilized) return;
  network.setOptions({physics: {enabled: false}});
  kgView.stabilized = true;
  kgView.stabilizedMs = Math.round(performance.now() - kgView.started);
  document.body.setAttribute("data-stabilized", "true");
  document.getElementById("kg-progress").textContent = "layout settled in " + (kgView.stabilizedMs / 1000).toFixed(1) + " s; drag nodes to arrange, click one for details";
}
network.on("stabilizationProgress", function (p) {
  kgView.iterations = p.iterations;
  document.getElementById("kg-progress").textContent = "laying out… " + Math.round(100 * p.iterations / p.total) + "%";
});
network.once("stabilizationIterationsDone", kgSettled);
if (nodes.length === 0) { kgSettled(); }

{% if summary and summary.months %}
new uPlot({width: Math.min(1140, document.getElementById("kg-months").clientWidth - 12), height: 160, legend: {show: false},
  series: [{value: function (u, v) { return v == null ? "" : KG_MONTHS[v]; }}, {label: "papers", stroke: "#4c78a8", width: 2, fill: "#4c78a822", points: {show: KG_MONTHS.length <= 36}}],
  scales: {x: {time: false}, y: {range: function (u, lo, hi) { return [0, hi > 0 ? hi * 1.1 : 1]; }}},
  axes: [{values: function (u, s) { return s.map(function (v) { return Number.isInteger(v) && KG_MONTHS[v] !== undefined ? KG_MONTHS[v] : ""; }); }, space: 60, grid: {stroke: "#eee"}},
         {size: 48, grid: {stroke: "#eee"}}]
}, [KG_MONTHS.map(function (_, i) { return i; }), {{ summary.per_month|tojson }}], document.getElementById("kg-months"));
{% endif %}
function kgLink(url) {
  return typeof url === "string" && /^https?:\/\//.test(url) ? url : null;
}
function kgShow(item) {
  var box = document.getElementById("kg-details");
  box.textContent = "";
  if (!item || !item.kg) { box.style.display = "none"; return; }
  var close = document.createElement("button");
  close.className = "close"; close.textContent = "×"; close.title = "close";
  close.onclick = function () { box.style.display = "none"; };
  var kind = document.createElement("div"); kind.className = "kind"; kind.textContent = item.kg.kind;
  var heading = document.createElement("h2"); heading.textContent = item.kg.heading;
  box.append(close, kind, heading);
  var list = document.createElement("dl");
  (item.kg.rows || []).forEach(function (row) {
    var dt = document.createElement("dt"); dt.textContent = row[0];
    var dd = document.createElement("dd"); dd.textContent = row[1];
    list.append(dt, dd);
  });
  box.append(list);
  var url = kgLink(item.kg.url);
  if (url) {
    var a = document.createElement("a");
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer"; a.textContent = item.kg.linkText || url;
    box.append(a);
  }
  box.style.display = "block";
}
network.on("click", function (params) {
  if (params.nodes.length) { kgShow(nodes.get(params.nodes[0])); }
  else if (params.edges.length) { kgShow(edges.get(params.edges[0])); }
  else { kgShow(null); }
});
network.on("doubleClick", function (params) {
  if (!params.nodes.length) return;
  var item = nodes.get(params.nodes[0]);
  var url = item && item.kg && kgLink(item.kg.url);
  if (url) { window.open(url, "_blank", "noopener"); }
});
</script>
</body>
</html>
"""
