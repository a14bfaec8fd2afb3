/*
 * The after-meeting pulse: posts the signed-in attendee's answers to the command API (the page's data-command-api)
 * with their bearer token. The answers go from the browser to the command service only.
 */
(function () {
  'use strict';

  const root = document.getElementById('pulse');
  const api = root.dataset.commandApi.replace(/\/$/, '');
  const path = '/api/sets/' + root.dataset.setId + '/meetings/' + root.dataset.meetingId + '/pulse';
  const form = document.getElementById('pulse-form');
  const status = document.getElementById('status');
  const problem = document.getElementById('problem');

  function chosen(name) {
    const input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? Number(input.value) : null;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = document.getElementById('send-pulse');
    const body = { items: [1, 2, 3, 4, 5, 6, 7].map((i) => chosen('item' + i)) };
    ['usefulness', 'confidence', 'commitment'].forEach((field) => {
      const value = chosen(field);
      if (value != null) {
        body[field] = value;
      }
    });
    button.disabled = true;
    problem.hidden = true;
    status.textContent = 'Sending…';
    try {
      const response = await fetch(api + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + root.dataset.commandToken },
        body: JSON.stringify(body)
      });
      if (!response.ok) {
        const text = await response.text();
        const json = text ? JSON.parse(text) : {};
        throw new Error(json.detail || json.title || 'Refused with status ' + response.status);
      }
      status.textContent = 'Thank you: your answers are recorded.';
    } catch (error) {
      status.textContent = '';
      problem.textContent = error.message;
      problem.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
})();
