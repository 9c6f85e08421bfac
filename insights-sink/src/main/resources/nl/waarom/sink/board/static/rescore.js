// Waarom explore pages: an editor queues a re-score of the page's period (and the previous one)
// under the taxonomy version in force; the page reloads once the run is done. While a run is
// queued or running, the page reloads every few seconds to show its progress.
(function () {
  'use strict';
  const section = document.getElementById('rescore-section');
  const button = document.getElementById('rescore');
  const status = document.getElementById('rescore-status');

  async function until(runId) {
    for (;;) {
      await new Promise(resolve => setTimeout(resolve, 2000));
      const response = await fetch('/api/rescores/' + encodeURIComponent(runId),
        {headers: {'Accept': 'application/json'}});
      if (!response.ok) { continue; }
      const run = await response.json();
      if (run.status === 'done' || run.status === 'failed') { window.location.reload(); return; }
    }
  }

  const pending = document.querySelector('.rescore-pending');
  if (pending) { until(pending.dataset.run); }
  if (!section || !button) { return; }

  const me = fetch('/auth/me', {headers: {'Accept': 'application/json'}})
    .then(r => r.ok ? r.json() : {signedIn: false}).catch(() => ({signedIn: false}));
  me.then(m => { if (m.role === 'editor') { section.hidden = false; } });

  button.addEventListener('click', async () => {
    const m = await me;
    const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (m.csrf) { headers['X-CSRF-Token'] = m.csrf; }
    button.disabled = true;
    status.textContent = '';
    try {
      const response = await fetch('/api/rescores', {method: 'POST', headers: headers,
        body: JSON.stringify({from: button.dataset.from, to: button.dataset.to})});
      const json = await response.json().catch(() => ({}));
      if (!response.ok) {
        status.textContent = json.error || ('HTTP ' + response.status);
        button.disabled = false;
        return;
      }
      status.textContent = button.dataset.queued;
      until(json.runId);
    } catch (e) {
      status.textContent = String(e);
      button.disabled = false;
    }
  });
})();
