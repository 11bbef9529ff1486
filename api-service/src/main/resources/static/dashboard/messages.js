// Messages: the RPC methods api-service sends (as the API and as the conductor) and handles, with their rate and
// mean latency over the last tick, drawn as the README's flow diagram. The other services' own traffic (compute's
// calls to network, the scheduler's claim fanout) is in their /actuator/prometheus.
const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const NODES = {
  api: [40, 150, 'api-service', '(API + conductor)'], scheduler: [600, 20, 'scheduler-service', 'topic scheduler'],
  compute: [600, 150, 'compute-service', 'topic compute.<host>'], network: [600, 280, 'network-service', 'topic network'],
};
let drawnVersion = -1;

function rates(state) {
  const before = new Map((state.previousMessages || []).map((m) => [`${m.side}|${m.topic}|${m.method}`, m]));
  return state.messages.map((m) => {
    const prev = before.get(`${m.side}|${m.topic}|${m.method}`);
    const count = prev ? m.count - prev.count : 0;
    const total = prev ? m.totalMs - prev.totalMs : 0;
    return { ...m, perSecond: count / state.messageSeconds, meanMs: count > 0 ? total / count : null };
  });
}

// Which arrow a method travels on, seen from api-service.
function edgeOf(m) {
  if (m.side === 'client') return ['api', m.topic === 'conductor' ? 'api' : m.topic];
  // What compute sends the conductor: state changes, reschedules, deletes, and its hosts' reports (a fanout).
  if ((m.topic === 'conductor' && m.method !== 'schedule_and_build_instances') || m.topic === 'compute') {
    return ['compute', 'api'];
  }
  return null;
}

function node(svg, [x, y, name, sub]) {
  const g = document.createElementNS(SVG, 'g');
  const rect = document.createElementNS(SVG, 'rect');
  Object.entries({ x, y, width: 220, height: 70, rx: 6 }).forEach(([k, v]) => rect.setAttribute(k, v));
  g.append(rect, label(x + 12, y + 28, name), label(x + 12, y + 50, sub, 'label'));
  svg.append(g);
}

function label(x, y, text, cls) {
  const t = document.createElementNS(SVG, 'text');
  t.setAttribute('x', x);
  t.setAttribute('y', y);
  if (cls) t.setAttribute('class', cls);
  t.textContent = text;
  return t;
}

function draw(rows) {
  const svg = $('flow');
  svg.replaceChildren();
  svg.innerHTML = '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8594ad"/></marker></defs>';
  Object.values(NODES).forEach((n) => node(svg, n));
  const byEdge = new Map();
  for (const m of rows) {
    const edge = edgeOf(m);
    if (!edge || edge[0] === edge[1]) continue;
    const key = edge.join('>');
    if (!byEdge.has(key)) byEdge.set(key, []);
    byEdge.get(key).push(m);
  }
  for (const [from, to] of [['api', 'scheduler'], ['api', 'compute'], ['api', 'network'], ['compute', 'api'], ['compute', 'network']]) {
    const [fx, fy] = NODES[from], [tx, ty] = NODES[to];
    const back = from !== 'api';
    const path = document.createElementNS(SVG, 'path');
    const y1 = fy + (back ? 50 : 20), y2 = ty + (back ? 50 : 20);
    const [x1, x2] = from === 'api' ? [fx + 220, tx] : to === 'api' ? [fx, tx + 220] : [fx + 110, tx + 110];
    path.setAttribute('d', from === 'compute' && to === 'network' ? `M${x1},${fy + 70} L${x2},${ty}` : `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`);
    path.setAttribute('class', 'edge');
    if (from === 'compute' && to === 'network') path.setAttribute('stroke-dasharray', '4 3');
    svg.append(path);
    const methods = byEdge.get(`${from}>${to}`) || [];
    const lines = from === 'compute' && to === 'network' ? ['allocate / deallocate (compute\'s metrics)']
      : methods.filter((m) => m.count > 0).map((m) => `${m.method} ${m.perSecond.toFixed(1)}/s${m.meanMs != null ? ' ' + m.meanMs.toFixed(1) + ' ms' : ''}`);
    const place = { 'api>scheduler': [x2 - 330, y2 - 6], 'api>compute': [x1 + 20, y1 - 6], 'api>network': [x2 - 330, y2 - 8],
      'compute>api': [x2 + 20, y2 + 16], 'compute>network': [x1 + 10, (fy + 70 + ty) / 2] }[`${from}>${to}`];
    const [lx, baseline] = place;
    const ly = from === 'api' && to !== 'compute' ? baseline - 13 * Math.max(0, Math.min(4, lines.length) - 1) : baseline;
    lines.slice(0, 4).forEach((line, i) => svg.append(label(lx, ly + i * 13, line, 'label')));
  }
}

export function render(state) {
  if (drawnVersion === state.version) return;
  drawnVersion = state.version;
  const link = $('rabbitmq-link');
  if (state.rabbitmqUrl) link.href = state.rabbitmqUrl;
  const rows = rates(state);
  draw(rows);
  $('message-table').tBodies[0].replaceChildren(...rows.filter((m) => m.count > 0).map((m) => {
    const tr = document.createElement('tr');
    for (const value of [m.side === 'client' ? 'sent' : 'handled', m.topic, m.method, m.kind,
      m.perSecond.toFixed(1), m.meanMs == null ? '–' : m.meanMs.toFixed(1), String(m.count)]) {
      tr.append(Object.assign(document.createElement('td'), { textContent: value }));
    }
    return tr;
  }));
}
