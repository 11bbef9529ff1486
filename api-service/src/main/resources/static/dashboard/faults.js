// Faults: the servers in ERROR now, grouped by the reason of their fault (ids blanked), the biggest group first.
const $ = (id) => document.getElementById(id);
let drawnVersion = -1;

export function render(state) {
  if (drawnVersion === state.version) return;
  drawnVersion = state.version;
  if (!state.faults.length) {
    $('fault-groups').replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'No server is in ERROR.' }));
    return;
  }
  $('fault-groups').replaceChildren(...state.faults.map((group) => {
    const box = document.createElement('div');
    box.className = 'fault-group';
    const title = document.createElement('h3');
    title.textContent = `${group.count} × ${group.reason}`;
    const list = document.createElement('ul');
    for (const server of group.servers) {
      const li = document.createElement('li');
      const a = Object.assign(document.createElement('a'), { href: `#launches/${server.id}`, textContent: server.name });
      li.append(a, document.createTextNode(` · ${new Date(server.at).toLocaleTimeString()}${server.host ? ' · last host ' + server.host : ''}`));
      list.append(li);
    }
    box.append(title, list);
    return box;
  }));
}
