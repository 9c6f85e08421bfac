// Waarom contact page: an editor's correction of a contact's reason. The correction is sent to
// the corrections topic; the page reloads once the sink has stored it back from there. The words
// it shows come from the form's data-* attributes, in the page's language.
(function () {
  'use strict';
  const form = document.getElementById('correct');
  if (!form) { return; }
  const section = document.getElementById('correct-section');
  const error = document.getElementById('correct-error');
  const status = document.getElementById('correct-status');
  const contact = form.dataset.contact;
  const api = '/api/contacts/' + encodeURIComponent(contact);

  const me = fetch('/auth/me', {headers: {'Accept': 'application/json'}})
    .then(r => r.ok ? r.json() : {signedIn: false}).catch(() => ({signedIn: false}));
  me.then(m => { if (m.role === 'editor') { section.hidden = false; } });

  async function stored(correctionId) {
    for (let i = 0; i < 60; i++) {
      const response = await fetch(api, {headers: {'Accept': 'application/json'}});
      if (response.ok) {
        const json = await response.json();
        if ((json.corrections || []).some(c => c.correctionId === correctionId)) { return true; }
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    return false;
  }

  form.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-correct]');
    if (!button) { return; }
    error.textContent = '';
    const body = button.dataset.correct === 'none' ? {none: true}
      : {reasonId: document.getElementById('correct-reason').value};
    const m = await me;
    const headers = {'Content-Type': 'application/json'};
    if (m.csrf) { headers['X-CSRF-Token'] = m.csrf; }
    form.querySelectorAll('button').forEach(b => { b.disabled = true; });
    try {
      const response = await fetch(api + '/corrections',
        {method: 'POST', headers: headers, body: JSON.stringify(body)});
      const json = await response.json().catch(() => ({}));
      if (!response.ok) {
        // the API's error is English for machines; the page has its own words for each status
        error.textContent = form.getAttribute('data-error-' + response.status)
          || (form.dataset.errorOther || 'HTTP {0}').replace('{0}', String(response.status));
        return;
      }
      status.textContent = form.dataset.sent;
      if (await stored(json.correctionId)) {
        window.location.reload();
      } else {
        status.textContent = form.dataset.notStored;
      }
    } finally {
      form.querySelectorAll('button').forEach(b => { b.disabled = false; });
    }
  });

  form.addEventListener('submit', (event) => event.preventDefault());
})();
