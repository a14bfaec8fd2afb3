/*
 * The meeting console: records a meeting through the command API (its URL is the page's data-command-api).
 * Every command carries an Idempotency-Key, and a command whose answer was lost on the network is sent again
 * with the same key, so a flaky connection never records a contribution twice.
 */
(function () {
  'use strict';

  const root = document.getElementById('console');
  const api = root.dataset.commandApi.replace(/\/$/, '');
  const setId = root.dataset.setId;
  // the signed-in facilitator's bearer token, handed over by the page: the command API is another origin
  const token = root.dataset.commandToken;
  const $ = (id) => document.getElementById(id);
  const meeting = { id: null, date: null, challengeId: null, presenterId: null, attendees: [] };
  const NETWORK_ATTEMPTS = 3;

  function idempotencyKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    // crypto.randomUUID needs a secure context; a phone on the LAN over http has getRandomValues only
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function post(path, body) {
    const key = idempotencyKey();
    let lastError;
    for (let attempt = 1; attempt <= NETWORK_ATTEMPTS; attempt++) {
      let response;
      try {
        response = await fetch(api + path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'Authorization': 'Bearer ' + token },
          body: JSON.stringify(body)
        });
      } catch (networkError) {
        lastError = networkError;
        continue;
      }
      const text = await response.text();
      const json = text ? JSON.parse(text) : {};
      if (!response.ok) {
        throw new Error(problemText(json, response.status));
      }
      return json;
    }
    throw new Error('The command service could not be reached (' + lastError.message + '). Nothing was recorded twice; try again.');
  }

  /** An RFC 9457 problem in words: its detail and the fields it names. */
  function problemText(problem, status) {
    const fields = (problem.errors || []).map((e) => e.field + ' ' + e.message).join('; ');
    return (problem.detail || problem.title || 'Refused with status ' + status) + (fields ? ' (' + fields + ')' : '');
  }

  /** Runs one user action: disables the button meanwhile and shows what happened or what went wrong. */
  function action(button, run) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      $('problem').hidden = true;
      try {
        const done = await run();
        if (done) {
          $('status').textContent = done;
          log(done);
        }
      } catch (error) {
        $('problem').textContent = error.message;
        $('problem').hidden = false;
      } finally {
        button.disabled = false;
        updatePresenterButtons();
      }
    });
  }

  function log(text) {
    const item = document.createElement('li');
    item.textContent = text;
    $('log').appendChild(item);
  }

  function show(stepId) {
    document.querySelectorAll('.step').forEach((step) => { step.hidden = step.id !== stepId; });
  }

  function nameOf(personId) {
    return meeting.attendees.find((a) => a.id === personId).name;
  }

  function meetingPath(suffix) {
    return '/api/sets/' + setId + '/meetings/' + meeting.id + suffix;
  }

  /** The presenter's own question buttons are off: a presenter does not question their own challenge. */
  function updatePresenterButtons() {
    document.querySelectorAll('.tally-row').forEach((row) => {
      row.querySelectorAll('.tap[data-type="question"]').forEach((button) => {
        button.disabled = row.dataset.personId === meeting.presenterId;
      });
    });
  }

  action($('open-meeting'), async () => {
    const date = $('meeting-date').value;
    const checked = Array.from(document.querySelectorAll('input[name="attendee"]:checked'));
    if (!date) {
      throw new Error('Give the meeting date.');
    }
    if (checked.length === 0) {
      throw new Error('Tick at least one member who is present.');
    }
    meeting.date = date;
    meeting.attendees = checked.map((box) => ({ id: box.value, name: box.dataset.name }));
    meeting.id = (await post('/api/sets/' + setId + '/meetings', { scheduledFor: date })).meetingId;
    await post(meetingPath('/open'), { attendees: meeting.attendees.map((a) => a.id), openedOn: date });

    const presenter = $('presenter');
    presenter.replaceChildren(...meeting.attendees.map((a) => new Option(a.name, a.id)));
    document.querySelectorAll('.tally-row').forEach((row) => {
      row.hidden = !meeting.attendees.some((a) => a.id === row.dataset.personId);
    });
    show('step-present');
    return 'Meeting of ' + date + ' opened with ' + meeting.attendees.map((a) => a.name).join(', ') + '.';
  });

  action($('present-challenge'), async () => {
    const title = $('challenge-title').value.trim();
    if (!title) {
      throw new Error('Give the challenge a short title.');
    }
    const presenterId = $('presenter').value;
    meeting.challengeId = (await post(meetingPath('/challenges'), { presenterId, title })).challengeId;
    meeting.presenterId = presenterId;
    $('now-presenting').textContent = nameOf(presenterId) + ': ' + title;
    show('step-record');
    return nameOf(presenterId) + ' presents “' + title + '”.';
  });

  document.querySelectorAll('.tally-row').forEach((row) => {
    row.querySelectorAll('.tap').forEach((button) => action(button, async () => {
      const personId = row.dataset.personId;
      if (button.dataset.type === 'question') {
        await post(meetingPath('/questions'),
          { challengeId: meeting.challengeId, askerId: personId, form: button.dataset.form });
      } else {
        await post(meetingPath('/statements'),
          { speakerId: personId, kind: button.dataset.kind, challengeId: meeting.challengeId });
      }
      const count = row.querySelector('.tally-count');
      count.textContent = String(Number(count.textContent) + 1);
      return nameOf(personId) + ': ' + button.dataset.said + '.';
    }));
  });

  action($('commit-action'), async () => {
    const description = $('action-description').value.trim();
    const dueOn = $('action-due').value;
    if (!description || !dueOn) {
      throw new Error('Describe the action and give its due date.');
    }
    await post(meetingPath('/actions'),
      { challengeId: meeting.challengeId, ownerId: meeting.presenterId, description, dueOn });
    const item = document.createElement('li');
    item.textContent = nameOf(meeting.presenterId) + ': ' + description + ' (due ' + dueOn + ')';
    $('actions').appendChild(item);
    $('action-description').value = '';
    return 'Action committed by ' + nameOf(meeting.presenterId) + ', due ' + dueOn + '.';
  });

  action($('next-presenter'), async () => {
    meeting.challengeId = null;
    meeting.presenterId = null;
    $('challenge-title').value = '';
    show('step-present');
    return null;
  });

  action($('close-meeting'), async () => {
    await post(meetingPath('/close'), { closedOn: meeting.date });
    show('step-closed');
    return 'Meeting of ' + meeting.date + ' closed.';
  });
})();
