// Waarom board: live sections over Server-Sent Events, and the team's actions on items.
// No framework and no external assets: the board works offline.
(function () {
  'use strict';
  window.__boardLoadedAt = window.__boardLoadedAt || Date.now();
  const live = document.getElementById('live');

  function fragmentUrl(el) {
    const name = el.dataset.fragment;
    return name === 'item' ? '/fragments/item/' + encodeURIComponent(el.dataset.item)
      : '/fragments/' + encodeURIComponent(name);
  }

  let refreshing = null;
  let again = false;
  async function refresh() {
    if (refreshing) { again = true; return refreshing; } // a change during a refresh: once more after
    again = false;
    refreshing = (async () => {
      const sections = document.querySelectorAll('[data-fragment]');
      for (const el of sections) {
        // keep what the user is typing in the item page's form
        const typed = {};
        el.querySelectorAll('input[id]').forEach(i => { typed[i.id] = i.value; });
        try {
          const response = await fetch(fragmentUrl(el), {headers: {'Accept': 'text/html'}});
          const html = response.ok ? await response.text() : null;
          if (html !== null && html !== el.__html) { // unchanged sections keep their elements
            el.__html = html;
            el.innerHTML = html;
            Object.entries(typed).forEach(([id, v]) => {
              const i = document.getElementById(id);
              if (i) { i.value = v; }
            });
            restoreActor();
          }
        } catch (e) { /* the next change event retries */ }
      }
      document.body.dataset.refreshedAt = String(Date.now());
    })();
    try { await refreshing; } finally { refreshing = null; }
    if (again) { await refresh(); }
  }

  function connect() {
    const events = new EventSource('/api/stream');
    events.addEventListener('hello', () => { live.textContent = 'live'; live.classList.add('on'); });
    events.addEventListener('changed', () => refresh());
    events.onerror = () => { live.textContent = 'reconnecting…'; live.classList.remove('on'); };
  }

  function actor() {
    const input = document.getElementById('actor');
    const name = (input && input.value.trim()) || localStorage.getItem('waarom.actor') || '';
    if (name) { localStorage.setItem('waarom.actor', name); }
    return name;
  }

  function restoreActor() {
    const input = document.getElementById('actor');
    if (input && !input.value) { input.value = localStorage.getItem('waarom.actor') || ''; }
  }

  function value(id) {
    const el = document.getElementById(id);
    return el ? el.value.trim() : '';
  }

  async function post(path, body) {
    const error = document.getElementById('action-error');
    if (error) { error.textContent = ''; }
    const response = await fetch(path, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const message = json.error || ('HTTP ' + response.status);
      if (error) { error.textContent = message; } else { alert(message); }
      return null;
    }
    await refresh();
    return json;
  }

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) { return; }
    const form = button.closest('form[data-item]');
    const item = button.dataset.item || (form && form.dataset.item);
    const base = '/api/items/' + encodeURIComponent(item);
    switch (button.dataset.action) {
      case 'status': {
        const body = {status: button.dataset.status, actor: actor()};
        if (value('reason')) { body.reason = value('reason'); }
        if (button.dataset.status === 'done' && value('effectiveAt')) {
          body.effectiveAt = value('effectiveAt');
        }
        await post(base + '/status', body);
        break;
      }
      case 'owner':
        await post(base + '/owner', {owner: value('owner-input'), actor: actor()});
        break;
      case 'note':
        await post(base + '/notes', {note: value('reason'), actor: actor()});
        break;
      case 'promote': {
        const who = actor() || prompt('Your name') || '';
        const out = await post(base + '/promote', {actor: who});
        if (out && !form) { window.location.href = '/items/' + encodeURIComponent(item); }
        break;
      }
      case 'dismiss': {
        const reason = prompt('Why dismiss this new reason?');
        if (reason) {
          await post(base + '/status', {status: 'dismissed', reason: reason,
            actor: actor() || prompt('Your name') || ''});
        }
        break;
      }
    }
  });

  restoreActor();
  connect();
})();
