// Hosts: one cell per host on a canvas (10,000 hosts are 10,000 rectangles, not 10,000 table rows), coloured by
// how full the host is; down, disabled and forced-down hosts in their own colours. Hover for the numbers, click
// (or arrow keys and Enter) for the host's instances; filter by zone and by name.
const $ = (id) => document.getElementById(id);
const STATES = ['up', 'down', 'disabled', 'forced down'];
const COLOURS = { down: '#263238', disabled: '#90a4ae', forced: '#8e24aa' };

let layout = { cells: [], size: 0, columns: 1 };
let drawn = { version: -1, width: 0 };
let selected = -1;

const natural = new Intl.Collator(undefined, { numeric: true }).compare;

// How full a host is: its fullest resource, as the scheduler counts capacity (after ratios and reserved memory).
function fullness(r) {
  const share = (used, total) => (total > 0 ? used / total : 1);
  return Math.min(1, Math.max(share(r[4], r[3]), share(r[6], r[5]), share(r[8], r[7])));
}

function colour(r) {
  if (r[2] === 1) return COLOURS.down;
  if (r[2] === 3) return COLOURS.forced;
  if (r[2] === 2) return COLOURS.disabled;
  const f = fullness(r);
  const mix = (a, b, t) => Math.round(a + (b - a) * t);
  const [from, to, t] = f < 0.5 ? [[67, 160, 71], [251, 192, 45], f * 2] : [[251, 192, 45], [229, 57, 53], (f - 0.5) * 2];
  return `rgb(${mix(from[0], to[0], t)},${mix(from[1], to[1], t)},${mix(from[2], to[2], t)})`;
}

function visibleHosts(state) {
  const zone = $('host-zone').value;
  const filter = $('host-filter').value.trim().toLowerCase();
  const rows = [...state.hosts.values()].filter((r) => (!zone || r[1] === zone) && (!filter || r[0].toLowerCase().includes(filter)));
  return rows.sort((a, b) => natural(a[0], b[0]));
}

function draw(state) {
  const started = performance.now();
  const canvas = $('host-grid');
  const width = canvas.clientWidth, height = canvas.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  const rows = visibleHosts(state);
  const pad = 6;
  const size = Math.max(3, Math.min(40, Math.floor(Math.sqrt(((width - 2 * pad) * (height - 2 * pad)) / Math.max(1, rows.length)))));
  const columns = Math.max(1, Math.floor((width - 2 * pad) / size));
  const gap = size >= 8 ? 2 : size >= 5 ? 1 : 0;
  rows.forEach((r, i) => {
    g.fillStyle = colour(r);
    g.fillRect(pad + (i % columns) * size, pad + Math.floor(i / columns) * size, size - gap, size - gap);
  });
  if (selected >= 0 && selected < rows.length) {
    g.strokeStyle = '#1f6feb';
    g.lineWidth = 2;
    g.strokeRect(pad + (selected % columns) * size - 1, pad + Math.floor(selected / columns) * size - 1, size + 1 - gap, size + 1 - gap);
  }
  layout = { cells: rows, size, columns, pad };
  const ms = performance.now() - started;
  const counts = [0, 0, 0, 0];
  for (const r of rows) counts[r[2]]++;
  $('host-summary').textContent = `${rows.length} of ${state.hosts.size} hosts` +
    counts.map((n, s) => (s && n ? `, ${n} ${STATES[s]}` : '')).join('') + ` · drawn in ${ms.toFixed(0)} ms`;
  $('host-summary').dataset.count = rows.length;
  $('host-summary').dataset.drawMs = ms.toFixed(1);
}

function zones(state) {
  const select = $('host-zone');
  const known = new Set([...select.options].map((o) => o.value));
  for (const r of state.hosts.values()) {
    if (!known.has(r[1])) { select.add(new Option(r[1], r[1])); known.add(r[1]); }
  }
}

function at(event) {
  const rect = $('host-grid').getBoundingClientRect();
  const x = event.clientX - rect.left - layout.pad, y = event.clientY - rect.top - layout.pad;
  if (x < 0 || y < 0) return -1;
  const column = Math.floor(x / layout.size), row = Math.floor(y / layout.size);
  const index = row * layout.columns + column;
  return column < layout.columns && index < layout.cells.length ? index : -1;
}

function numbers(r) {
  return `${r[0]} (${r[1]}, ${STATES[r[2]]}) · vCPU ${r[4]}/${r[3]} · RAM ${r[6]}/${r[5]} MB · disk ${r[8]}/${r[7]} GB · ${r[9]} VMs`;
}

async function detail(r) {
  const aside = $('host-detail');
  const lines = [
    ['zone', r[1]], ['state', STATES[r[2]] + (r[11] ? ` (${r[11]})` : '')], ['vCPU', `${r[4]} of ${r[3]}`],
    ['RAM', `${r[6]} of ${r[5]} MB`], ['disk', `${r[8]} of ${r[7]} GB`], ['running VMs', r[9]], ['builds', r[10]],
  ];
  const dl = document.createElement('dl');
  for (const [k, v] of lines) dl.append(Object.assign(document.createElement('dt'), { textContent: k }), Object.assign(document.createElement('dd'), { textContent: v }));
  const title = Object.assign(document.createElement('h3'), { textContent: r[0], id: 'host-detail-name' });
  aside.replaceChildren(title, dl, Object.assign(document.createElement('p'), { textContent: 'instances …' }));
  const response = await fetch(`/dashboard/api/hosts/${encodeURIComponent(r[0])}`);
  if (!response.ok) return;
  const body = await response.json();
  const list = document.createElement('ul');
  for (const i of body.instances) {
    const a = Object.assign(document.createElement('a'), { href: `#launches/${i.uuid}`, textContent: i.name || i.uuid });
    list.append(Object.assign(document.createElement('li'), {}));
    list.lastChild.append(a);
  }
  aside.lastChild.replaceWith(body.instances.length ? list : Object.assign(document.createElement('p'), { textContent: 'no instances' }));
}

export function init(state) {
  const canvas = $('host-grid');
  const tip = $('host-tip');
  canvas.addEventListener('mousemove', (e) => {
    const i = at(e);
    if (i < 0) { tip.hidden = true; return; }
    tip.textContent = numbers(layout.cells[i]);
    tip.style.left = `${e.clientX + 12}px`;
    tip.style.top = `${e.clientY + 12}px`;
    tip.hidden = false;
  });
  canvas.addEventListener('mouseleave', () => { tip.hidden = true; });
  canvas.addEventListener('click', (e) => {
    const i = at(e);
    if (i >= 0) { selected = i; detail(layout.cells[i]); draw(state); }
  });
  canvas.addEventListener('keydown', (e) => {
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: layout.columns, ArrowUp: -layout.columns };
    if (moves[e.key] !== undefined) {
      e.preventDefault();
      selected = Math.max(0, Math.min(layout.cells.length - 1, (selected < 0 ? 0 : selected + moves[e.key])));
      draw(state);
      $('host-detail').textContent = numbers(layout.cells[selected]);
    } else if (e.key === 'Enter' && selected >= 0) {
      detail(layout.cells[selected]);
    }
  });
  $('host-zone').addEventListener('change', () => { selected = -1; render(state, true); });
  $('host-filter').addEventListener('input', () => { selected = -1; render(state, true); });
  window.addEventListener('resize', () => render(state, true));
}

export function render(state, force = false) {
  zones(state);
  const width = $('host-grid').clientWidth;
  if (!force && drawn.version === state.version && drawn.width === width) return;
  drawn = { version: state.version, width };
  draw(state);
}
