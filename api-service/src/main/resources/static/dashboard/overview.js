// Overview: services up or down, servers by status, launches and errors per second, request → ACTIVE p50/p99,
// builds in flight, capacity used of total; three uPlot charts over the last five minutes.
import uPlot from '/dashboard/lib/uplot/1.6.30/dist/uPlot.esm.js';

const $ = (id) => document.getElementById(id);
const charts = {};
let drawnVersion = -1;

function chart(id, series) {
  const el = $(id);
  const opts = {
    width: Math.max(300, el.clientWidth || 420), height: 180,
    scales: { x: { time: true } },
    axes: [{}, { size: 50 }],
    series: [{}, ...series.map(([label, stroke, dash]) => ({ label, stroke, width: 2, dash, spanGaps: false }))],
  };
  return new uPlot(opts, [[], ...series.map(() => [])], el);
}

function ensureCharts() {
  if (charts.rate) return;
  charts.rate = chart('chart-rate', [['launches/s', '#1f6feb'], ['errors/s', '#c62828']]);
  charts.latency = chart('chart-latency', [['p50 ms', '#2e7d32'], ['p99 ms', '#b26a00', [5, 3]]]);
  charts.building = chart('chart-building', [['building', '#6a1b9a']]);
}

// Per-second rates from running totals: the difference between two ticks over the time between them.
function series(history) {
  const x = [], launched = [], failed = [], p50 = [], p99 = [], building = [];
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1], b = history[i];
    const seconds = Math.max(0.001, (b.at - a.at) / 1000);
    x.push(b.at / 1000);
    launched.push((b.launched - a.launched) / seconds);
    failed.push((b.failed - a.failed) / seconds);
    p50.push(b.p50Ms < 0 ? null : b.p50Ms);
    p99.push(b.p99Ms < 0 ? null : b.p99Ms);
    building.push(b.building < 0 ? null : b.building);
  }
  return { x, launched, failed, p50, p99, building };
}

function figures(state) {
  const h = state.history;
  const last = h[h.length - 1];
  const s = series(h.slice(-11));
  const avg = (xs) => (xs.length ? xs.reduce((t, v) => t + v, 0) / xs.length : 0);
  const rows = [
    ['launches/s (10 s)', avg(s.launched).toFixed(1)],
    ['errors/s (10 s)', avg(s.failed).toFixed(1)],
    ['p50 request → ACTIVE', last && last.p50Ms >= 0 ? `${last.p50Ms.toFixed(0)} ms` : '–'],
    ['p99 request → ACTIVE', last && last.p99Ms >= 0 ? `${last.p99Ms.toFixed(0)} ms` : '–'],
    ['builds in flight', String(state.counts.BUILD || 0)],
    ['launched / failed', last ? `${last.launched} / ${last.failed}` : '0 / 0'],
  ];
  $('launch-figures').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', k), el('dd', v, 'fig-' + slug(k))]));
}

function el(tag, text, id) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (id) node.id = id;
  return node;
}

const slug = (text) => text.split(' ')[0].replace(/[^a-z0-9]/gi, '').toLowerCase();

function services(state) {
  const items = state.services.map((s) => {
    const li = el('li', `${s.binary} on ${s.host}${s.disabled ? ' (disabled)' : ''}`);
    li.className = s.up ? 'up' : 'down';
    return li;
  });
  let up = 0, down = 0;
  for (const row of state.hosts.values()) (row[2] === 1 || row[2] === 3 ? down++ : up++);
  const compute = el('li', `nova-compute: ${up} host${up === 1 ? '' : 's'} up${down ? `, ${down} down` : ''}`);
  compute.className = down && !up ? 'down' : 'up';
  compute.id = 'compute-summary';
  $('services').replaceChildren(...items, compute);
}

function capacity(state) {
  const totals = { vCPU: [0, 0], 'RAM (GB)': [0, 0], 'disk (GB)': [0, 0] };
  for (const r of state.hosts.values()) {
    totals.vCPU[0] += r[4]; totals.vCPU[1] += r[3];
    totals['RAM (GB)'][0] += r[6] / 1024; totals['RAM (GB)'][1] += r[5] / 1024;
    totals['disk (GB)'][0] += r[8]; totals['disk (GB)'][1] += r[7];
  }
  $('capacity').replaceChildren(...Object.entries(totals).flatMap(([name, [used, total]]) => {
    const share = total ? Math.min(100, (100 * used) / total) : 0;
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'meter');
    bar.setAttribute('aria-label', name);
    bar.setAttribute('aria-valuenow', share.toFixed(0));
    const fill = document.createElement('span');
    fill.style.width = `${share}%`;
    bar.append(fill);
    return [el('div', `${name}: ${Math.round(used)} of ${Math.round(total)} (${share.toFixed(0)} %)`), bar];
  }));
}

export function render(state) {
  if (drawnVersion === state.version) return;
  drawnVersion = state.version;
  $('card-services').hidden = !state.viewer.admin;
  $('card-capacity').hidden = !state.viewer.admin;
  if (state.viewer.admin) { services(state); capacity(state); }
  $('counts').replaceChildren(...Object.entries(state.counts).flatMap(([status, n]) => [
    el('dt', status), el('dd', String(n), 'count-' + status)]));
  if (!Object.keys(state.counts).length) $('counts').replaceChildren(el('dt', 'no servers'), el('dd', '0'));
  figures(state);
  ensureCharts();
  const s = series(state.history);
  charts.rate.setData([s.x, s.launched, s.failed]);
  charts.latency.setData([s.x, s.p50, s.p99]);
  charts.building.setData([s.x, s.building]);
}
