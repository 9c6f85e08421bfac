// Waarom board: live sections over Server-Sent Events, and the team's actions on items.
// No framework and no external assets: the board works offline.
(function () {
  'use strict';
  window.__boardLoadedAt = window.__boardLoadedAt || Date.now();
  const live = document.getElementById('live');
  // the page's language: every string the script shows comes from the page (data-js-* on body)
  function text(name, fallback) {
    return document.body.getAttribute('data-js-' + name) || fallback;
  }

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
          if (response.status === 401) { window.location.reload(); return; } // session ended: sign in again
          const html = response.ok ? await response.text() : null;
          if (html !== null && html !== el.__html) { // unchanged sections keep their elements
            el.__html = html;
            el.innerHTML = html;
            Object.entries(typed).forEach(([id, v]) => {
              const i = document.getElementById(id);
              if (i) { i.value = v; }
            });
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
    events.addEventListener('hello', () => { live.textContent = text('live', 'live'); live.classList.add('on'); });
    events.addEventListener('changed', () => refresh());
    events.onerror = () => { live.textContent = text('reconnecting', 'reconnecting…'); live.classList.remove('on'); };
    // A page the browser keeps in its back/forward cache would keep its stream open, and a few of
    // those use up the browser's connections to the board (six per host): close it on leaving,
    // open a fresh one when the page is shown again.
    window.addEventListener('pagehide', () => events.close(), {once: true});
  }
  window.addEventListener('pageshow', (e) => { if (e.persisted && live.hidden === false) { connect(); } });

  // Who is signed in, and the session's CSRF token every change must carry. The actor of a change
  // is always the signed-in identity: the server takes it from the session, never from the page.
  const me = fetch('/auth/me', {headers: {'Accept': 'application/json'}})
    .then(r => r.ok ? r.json() : {signedIn: false}).catch(() => ({signedIn: false}));

  async function showWho() {
    const who = document.getElementById('who');
    const m = await me;
    if (!who) { return; }
    who.textContent = '';
    if (m.signedIn) {
      who.append(text('signedinas', 'signed in as') + ' ');
      const b = document.createElement('b');
      b.id = 'who-name';
      b.textContent = m.name;
      who.append(b, ' (' + text('role-' + m.role, m.role) + ') ');
      if (m.csrf) {
        const out = document.createElement('button');
        out.type = 'button';
        out.id = 'sign-out';
        out.textContent = text('signout', 'Sign out');
        out.addEventListener('click', async () => {
          await fetch('/auth/logout', {method: 'POST', headers: {'X-CSRF-Token': m.csrf}});
          window.location.href = '/';
        });
        who.append(out);
      }
    } else if (m.signInUrl) {
      const a = document.createElement('a');
      a.id = 'sign-in';
      a.href = m.signInUrl + '?next=' + encodeURIComponent(window.location.pathname);
      a.textContent = text('signin', 'Sign in');
      who.append(a);
    } else {
      who.textContent = text('readonly', 'not signed in: read only');
    }
  }

  function value(id) {
    const el = document.getElementById(id);
    return el ? el.value.trim() : '';
  }

  // the API's errors are English for machines: the page shows its own words for each status
  function errorText(status, json) {
    const known = document.body.getAttribute('data-js-error-' + status);
    if (known) { return known.replace('{0}', json.field || ''); }
    return text('error-other', 'The change failed (HTTP {0}).').replace('{0}', String(status))
      + (json.error ? ' ' + json.error : '');
  }

  async function post(path, body) {
    const error = document.getElementById('action-error');
    if (error) { error.textContent = ''; }
    const m = await me;
    const headers = {'Content-Type': 'application/json'};
    if (m.csrf) { headers['X-CSRF-Token'] = m.csrf; }
    const response = await fetch(path, {method: 'POST', headers: headers, body: JSON.stringify(body)});
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const message = errorText(response.status, json);
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
        const body = {status: button.dataset.status};
        if (value('reason')) { body.reason = value('reason'); }
        if (button.dataset.status === 'done' && value('effectiveAt')) {
          body.effectiveAt = value('effectiveAt');
        }
        await post(base + '/status', body);
        break;
      }
      case 'owner':
        await post(base + '/owner', {owner: value('owner-input')});
        break;
      case 'note':
        await post(base + '/notes', {note: value('reason')});
        break;
      case 'promote': {
        const out = await post(base + '/promote', {});
        if (out && !form) { window.location.href = '/items/' + encodeURIComponent(item); }
        break;
      }
      case 'dismiss': {
        const reason = prompt(text('dismisswhy', 'Why dismiss this new reason?'));
        if (reason) {
          await post(base + '/status', {status: 'dismissed', reason: reason});
        }
        break;
      }
    }
  });

  // the item page's form is driven by its buttons; Enter in a field must not submit it
  document.addEventListener('submit', (event) => {
    if (event.target.matches('form.actions')) { event.preventDefault(); }
  });

  showWho();
  if (document.querySelector('[data-fragment]')) {
    connect(); // pages without live sections (explore, a reason) need no stream
  } else {
    live.hidden = true;
  }
})();
