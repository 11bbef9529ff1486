// The dashboard's shell: login (the API's own Keystone tokens), the live feed (one EventSource: a snapshot, then
// one delta a second), the state every view reads, and which view shows (the URL's #hash).
import * as overview from './overview.js';
import * as hosts from './hosts.js';
import * as launches from './launches.js';
import * as faults from './faults.js';
import * as messages from './messages.js';

const views = { overview, hosts, launches, faults, messages };
const $ = (id) => document.getElementById(id);

export const state = {
  viewer: null, services: [], hostColumns: [], hosts: new Map(), counts: {}, servers: new Map(), faults: [],
  history: [], messages: [], previousMessages: null, messageSeconds: 1, rabbitmqUrl: null, traceUrl: '',
  updatedAt: 0, version: 0,
};

let source = null;
let rendering = false;

function currentView() {
  const name = location.hash.replace('#', '').split('/')[0] || 'overview';
  const allowed = views[name] && (state.viewer?.admin || !document.querySelector(`nav a[data-view="${name}"][data-admin]`));
  return allowed ? name : 'overview';
}

function show() {
  if (!state.viewer) return; // logged out while a redraw was pending
  const name = currentView();
  for (const section of document.querySelectorAll('section.view')) section.hidden = section.id !== name;
  for (const link of document.querySelectorAll('#tabs a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  views[name].render(state);
}

function scheduleRender() {
  if (rendering) return;
  rendering = true;
  requestAnimationFrame(() => { rendering = false; show(); });
}

function applySnapshot(data) {
  state.viewer = data.viewer;
  state.services = data.services || [];
  state.hostColumns = data.hostColumns || [];
  state.hosts = new Map((data.hosts || []).map((row) => [row[0], row]));
  state.counts = data.counts || {};
  state.servers = new Map(data.servers.map((s) => [s.id, s]));
  state.faults = data.faults || [];
  state.history = data.history || [];
  state.messages = data.messages || [];
  state.previousMessages = null;
  state.rabbitmqUrl = data.rabbitmqUrl;
  state.traceUrl = data.traceUrl || '';
  state.updatedAt = Date.now();
  state.version++;
  for (const link of document.querySelectorAll('#tabs a[data-admin]')) link.hidden = !state.viewer.admin;
  $('who-name').textContent = `${state.viewer.userName} · ${state.viewer.projectName}${state.viewer.admin ? ' (admin)' : ''}`;
}

function applyDelta(data) {
  for (const server of data.servers) {
    const known = state.servers.get(server.id);
    if (!known || known.updated <= server.updated) state.servers.set(server.id, server);
  }
  trimServers();
  state.counts = data.counts || state.counts;
  if (data.faults) state.faults = data.faults;
  if (data.point) {
    state.history.push(data.point);
    if (state.history.length > 300) state.history.shift();
  }
  if (data.hosts) for (const row of data.hosts) state.hosts.set(row[0], row);
  if (data.goneHosts) for (const name of data.goneHosts) state.hosts.delete(name);
  if (data.services) state.services = data.services;
  if (data.messages) {
    state.previousMessages = state.messages;
    state.messageSeconds = Math.max(0.001, (Date.parse(data.now) - (state.lastTick || Date.parse(data.now) - 1000)) / 1000);
    state.lastTick = Date.parse(data.now);
    state.messages = data.messages;
  }
  state.updatedAt = Date.now();
  state.version++;
}

// The feed keeps the newest servers only, as the page shows them.
function trimServers() {
  if (state.servers.size <= 400) return;
  const newest = [...state.servers.values()].sort((a, b) => (a.updated < b.updated ? 1 : -1)).slice(0, 300);
  state.servers = new Map(newest.map((s) => [s.id, s]));
}

function connect() {
  if (source) source.close();
  $('login').hidden = true;
  $('tabs').hidden = false;
  $('who').hidden = false;
  source = new EventSource('/dashboard/api/stream');
  source.addEventListener('snapshot', (e) => { applySnapshot(JSON.parse(e.data)); scheduleRender(); });
  source.addEventListener('delta', (e) => { applyDelta(JSON.parse(e.data)); scheduleRender(); });
  source.onerror = async () => {
    // EventSource retries by itself; a session that ended means logging in again.
    const who = await fetch('/dashboard/api/session');
    if (who.status !== 200) loggedOut();
  };
}

function loggedOut() {
  if (source) source.close();
  source = null;
  state.viewer = null;
  for (const section of document.querySelectorAll('section.view')) section.hidden = true;
  $('tabs').hidden = true;
  $('who').hidden = true;
  $('login').hidden = false;
  $('login').elements.user.focus();
}

async function logIn(event) {
  event.preventDefault();
  const form = event.target;
  const user = form.elements.user.value;
  const project = form.elements.project.value;
  const auth = { identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' },
    password: form.elements.password.value } } } };
  if (project) auth.scope = { project: { name: project, domain: { id: 'default' } } };
  $('login-error').textContent = '';
  const token = await fetch('/identity/v3/auth/tokens', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ auth }),
  });
  if (token.status !== 201) {
    $('login-error').textContent = 'The user name, password or project is wrong.';
    return;
  }
  const session = await fetch('/dashboard/api/session', {
    method: 'POST', headers: { 'X-Auth-Token': token.headers.get('X-Subject-Token') },
  });
  if (session.status !== 204) {
    $('login-error').textContent = 'This user has no project to show: name one.';
    return;
  }
  form.reset();
  connect();
}

function tickClock() {
  if (!state.viewer) { $('status').textContent = ''; return; }
  const seconds = Math.round((Date.now() - state.updatedAt) / 1000);
  $('status').textContent = seconds <= 1 ? 'live · updated just now' : `updated ${seconds} s ago`;
  $('status').classList.toggle('stale', seconds > 5);
}

$('login').addEventListener('submit', logIn);
$('logout').addEventListener('click', async () => {
  await fetch('/dashboard/api/session', { method: 'DELETE' });
  loggedOut();
});
window.addEventListener('hashchange', () => state.viewer && show());
for (const view of Object.values(views)) view.init?.(state);
setInterval(tickClock, 1000);

const who = await fetch('/dashboard/api/session');
if (who.status === 200) connect(); else loggedOut();
