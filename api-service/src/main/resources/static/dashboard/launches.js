// Launches: the latest servers live (status and task state), and one server's timeline as a Gantt chart of its
// stages from its instance actions: api → scheduler → compute (claim, block devices, spawn) and network, one lane
// per host tried (a reschedule is a second lane), with its fault, request id and trace id.
const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const LABELS = {
  conductor_schedule_and_build_instances: 'schedule', scheduler_select_destinations: 'select_destinations',
  compute_claim_resources: 'claim', compute_allocate_network: 'allocate network',
  compute_block_device_mapping: 'block devices', compute_spawn: 'spawn', compute__do_build_and_run_instance: 'build',
  compute_terminate_instance: 'terminate', conductor_build_timeout: 'build timeout',
};
let shownId = null;
let drawnVersion = -1;

const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '');

function row(server) {
  const tr = document.createElement('tr');
  tr.tabIndex = 0;
  tr.dataset.id = server.id;
  tr.setAttribute('aria-selected', String(server.id === shownId));
  const cells = [server.name, server.status, server.taskState || '', server.host || '', time(server.updated)];
  cells.forEach((text, i) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (i === 1) td.className = `status-${server.status}`;
    tr.append(td);
  });
  return tr;
}

export function init() {
  const body = $('server-table').tBodies[0];
  const choose = (tr) => tr && (location.hash = `#launches/${tr.dataset.id}`);
  body.addEventListener('click', (e) => choose(e.target.closest('tr')));
  body.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') choose(e.target.closest('tr'));
    if (e.key === 'ArrowDown') e.target.nextElementSibling?.focus();
    if (e.key === 'ArrowUp') e.target.previousElementSibling?.focus();
  });
}

export function render(state) {
  const wanted = location.hash.split('/')[1] || null;
  if (wanted !== shownId) {
    shownId = wanted;
    if (shownId) timeline(shownId, state);
  } else if (shownId && state.servers.get(shownId) && state.servers.get(shownId).updated !== $('timeline').dataset.updated) {
    timeline(shownId, state);
  }
  if (drawnVersion === state.version) return;
  drawnVersion = state.version;
  const servers = [...state.servers.values()].sort((a, b) => (a.updated < b.updated ? 1 : -1)).slice(0, 150);
  const focused = document.activeElement?.dataset?.id;
  $('server-table').tBodies[0].replaceChildren(...servers.map(row));
  if (focused) document.querySelector(`#server-table tr[data-id="${focused}"]`)?.focus();
}

async function timeline(id, state) {
  const aside = $('timeline');
  const response = await fetch(`/dashboard/api/servers/${encodeURIComponent(id)}`);
  if (!response.ok) { aside.replaceChildren(text('p', 'This server is gone or not yours.')); return; }
  const server = await response.json();
  aside.dataset.updated = state.servers.get(id)?.updated || '';
  const parts = [text('h3', server.name), text('p', `${server.vmState}${server.taskState ? ' / ' + server.taskState : ''} · ${server.host || 'no host'}`)];
  parts[1].id = 'timeline-state';
  if (server.fault) {
    const fault = text('p', `Fault ${server.fault.code}: ${server.fault.message}`);
    fault.className = 'fault';
    fault.id = 'timeline-fault';
    parts.push(fault);
  }
  for (const action of server.actions) {
    const ids = document.createElement('p');
    ids.append(text('span', `${action.action} · request `), code(action.requestId));
    if (action.traceId) {
      ids.append(text('span', ' · trace '));
      if (state.traceUrl) {
        const a = document.createElement('a');
        a.href = state.traceUrl + action.traceId;
        a.target = '_blank';
        a.rel = 'noopener';
        a.append(code(action.traceId));
        ids.append(a);
      } else ids.append(code(action.traceId));
    }
    parts.push(ids, gantt(server, action));
  }
  aside.replaceChildren(...parts);
}

const text = (tag, value) => Object.assign(document.createElement(tag), { textContent: value });
function code(value) {
  const c = text('code', value);
  c.className = 'id';
  return c;
}

// Lanes: the API's part (request to the conductor's first step), the scheduler's, then per host tried its compute
// stages and the network allocation made for it.
function lanesOf(server, action) {
  const lanes = new Map();
  const add = (lane, label, start, finish, result) => {
    if (!lanes.has(lane)) lanes.set(lane, []);
    lanes.get(lane).push({ label, start: Date.parse(start), finish: Date.parse(finish || start), result });
  };
  const first = action.events.length ? action.events[0].start : action.start;
  if (action.action === 'create') add('api', 'request', action.start, first, 'Success');
  for (const e of action.events) {
    const label = LABELS[e.event] || e.event;
    if (e.event.startsWith('scheduler_')) add('scheduler', label, e.start, e.finish, e.result);
    else if (e.event.startsWith('conductor_')) add('conductor', label, e.start, e.finish, e.result);
    else if (e.event === 'compute_allocate_network') add(`network (${e.host || '?'})`, label, e.start, e.finish, e.result);
    else if (e.event !== 'compute__do_build_and_run_instance') add(e.host || 'compute', label, e.start, e.finish, e.result);
  }
  if (action.action === 'create' && server.launched) add('ACTIVE', 'active', server.launched, server.launched, 'Success');
  return lanes;
}

function gantt(server, action) {
  const lanes = lanesOf(server, action);
  const all = [...lanes.values()].flat();
  const t0 = Math.min(...all.map((b) => b.start));
  const t1 = Math.max(...all.map((b) => b.finish), t0 + 1);
  const width = 380, left = 150, laneHeight = 22;
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (width - left - 10);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'gantt');
  svg.setAttribute('viewBox', `0 0 ${width} ${lanes.size * laneHeight + 24}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Stages of ${action.action}: ` + all.map((b) => b.label).join(', '));
  let y = 4;
  for (const [lane, bars] of lanes) {
    svg.append(svgText(4, y + 14, lane.length > 24 ? lane.slice(0, 23) + '…' : lane));
    for (const bar of bars) {
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('x', x(bar.start));
      rect.setAttribute('y', y + 3);
      rect.setAttribute('width', Math.max(2, x(bar.finish) - x(bar.start)));
      rect.setAttribute('height', laneHeight - 8);
      rect.setAttribute('fill', bar.result === 'Error' ? '#e53935' : lane === 'ACTIVE' ? '#2e7d32' : '#1f6feb');
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${bar.label}: ${bar.finish - bar.start} ms${bar.result === 'Error' ? ' (error)' : ''}`;
      rect.append(title);
      rect.dataset.stage = bar.label;
      svg.append(rect);
    }
    y += laneHeight;
  }
  svg.append(svgText(left, y + 14, `0 ms`), svgText(width - 60, y + 14, `${t1 - t0} ms`));
  return svg;
}

function svgText(x, y, value) {
  const t = document.createElementNS(SVG, 'text');
  t.setAttribute('x', x);
  t.setAttribute('y', y);
  t.textContent = value;
  return t;
}
