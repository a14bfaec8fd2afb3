/*
 * The meeting console: records a meeting through the command API (its URL is the page's data-command-api).
 * Every command carries an Idempotency-Key, and a command whose answer was lost on the network is sent again
 * with the same key, so a flaky connection never records a contribution twice.
 *
 * Nothing lives only in this page: on every load it asks the read side for the set's open meetings, so a reload,
 * a second device or a dropped connection resumes the meeting where the events say it is. The bearer token the
 * page was handed is renewed before it expires, so a long meeting does not fail half-way.
 *
 * Two devices may record one meeting. Undo takes back this device's own last tap (kept in the tab's session
 * storage, so it survives a reload), never another device's and never an older one; if that tap was already taken
 * back elsewhere the command side refuses, and the page says so and drops it. The tallies are the read side's,
 * fetched again after every change, every few seconds and when the page is looked at again.
 */
(function () {
  'use strict';

  const root = document.getElementById('console');
  const queryApi = (root.dataset.queryApi || '/').replace(/\/$/, '');
  const setId = root.dataset.setId;
  const $ = (id) => document.getElementById(id);
  // taps: this device's own taps not taken back, oldest first, each {id, personId, said, at}; undone: the ids of
  // contributions this device took back (the read side may still count them for a moment)
  const meeting = { id: null, date: null, challengeId: null, presenterId: null, attendees: [], taps: [], undone: [] };
  /** How often the tallies are fetched again while the page is in view. */
  const REFRESH_MS = 10 * 1000;
  /** For this long a tap of this device the read side does not show yet is counted anyway (it is on its way). */
  const IN_FLIGHT_MS = 30 * 1000;
  /** Renew this long before the token expires (and at most this often). */
  const RENEW_MARGIN_MS = 5 * 60 * 1000;
  // the signed-in facilitator's bearer token, handed over by the page: the command API is another origin. Sending,
  // retrying with the same Idempotency-Key and renewing on a 401: /js/command-api.js, shared with the admin pages
  const commandApi = window.CommandApi.client(root.dataset.commandApi, root.dataset.commandToken,
    { renew: true, onRenewed: () => scheduleRenewal() });

  /** Seconds since the epoch at which the token expires, or null if it cannot be read. */
  function expiryOf(jwt) {
    try {
      const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload)).exp || null;
    } catch (e) {
      return null;
    }
  }

  let renewal = null;

  function scheduleRenewal() {
    clearTimeout(renewal);
    const exp = expiryOf(commandApi.token() || '');
    if (!exp) {
      return;
    }
    const wait = Math.max(exp * 1000 - Date.now() - RENEW_MARGIN_MS, 30 * 1000);
    renewal = setTimeout(() => commandApi.renew().catch(showProblem), wait);
  }

  const post = commandApi.post;

  /** The set's open meetings, from the read side of this service (it takes the same bearer token). */
  async function openMeetings() {
    const response = await fetch(queryApi + '/api/sets/' + setId + '/meetings/open',
      { headers: { 'Authorization': 'Bearer ' + commandApi.token() } });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      throw new window.CommandApi.Refusal(json.detail || json.title || 'Refused with status ' + response.status,
        json.errors, response.status);
    }
    return json.meetings;
  }

  function showProblem(error) {
    $('problem').textContent = error.describe ? error.describe() : error.message;
    $('problem').hidden = false;
    // on a phone the buttons fill the screen: bring the message into view, where a screen reader also reads it
    $('problem').scrollIntoView({ block: 'nearest' });
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
        showProblem(error);
      } finally {
        button.disabled = false;
        updateButtons();
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
    const inMeeting = stepId === 'step-present' || stepId === 'step-record';
    $('meeting-controls').hidden = !inMeeting;
    $('schedule').hidden = stepId !== 'step-open';
    if (inMeeting) {
      $('open-meetings').hidden = true;
    }
  }

  function nameOf(personId) {
    const attendee = meeting.attendees.find((a) => a.id === personId);
    return attendee ? attendee.name : 'an attendee';
  }

  function meetingPath(suffix) {
    return '/api/sets/' + setId + '/meetings/' + meeting.id + suffix;
  }

  /** The presenter's own question buttons are off; undo only when there is a tap to undo. */
  function updateButtons() {
    document.querySelectorAll('.tally-row').forEach((row) => {
      row.querySelectorAll('.tap[data-type="question"]').forEach((button) => {
        button.disabled = row.dataset.personId === meeting.presenterId;
      });
    });
    $('undo-tap').disabled = meeting.taps.length === 0;
  }

  function rowOf(personId) {
    return document.querySelector('.tally-row[data-person-id="' + personId + '"]');
  }

  function addToCount(personId, by) {
    const row = rowOf(personId);
    if (row) {
      const count = row.querySelector('.tally-count');
      count.textContent = String(Number(count.textContent) + by);
    }
  }

  /** Where this tab keeps its own taps of a meeting: survives a reload, not shared with another tab or device. */
  function tapsKey() {
    return 'console-taps:' + setId + ':' + meeting.id;
  }

  function saveTaps() {
    try {
      window.sessionStorage.setItem(tapsKey(), JSON.stringify({ taps: meeting.taps, undone: meeting.undone }));
    } catch (unavailable) {
      // no session storage (a private window may refuse it): the taps stay in this page only
    }
  }

  function loadTaps() {
    try {
      const saved = JSON.parse(window.sessionStorage.getItem(tapsKey()) || '{}');
      meeting.taps = Array.isArray(saved.taps) ? saved.taps : [];
      meeting.undone = Array.isArray(saved.undone) ? saved.undone : [];
    } catch (unreadable) {
      meeting.taps = [];
      meeting.undone = [];
    }
  }

  /**
   * The tallies as the read side has them, corrected for this device's own changes it does not show yet (a tap
   * just recorded, a tap just taken back), so that a count never goes back and forth while the read side catches up.
   */
  function showCounts(open) {
    const counts = {};
    (open.tally || []).forEach((t) => { counts[t.personId] = t.contributions; });
    const standing = new Set(open.contributions.map((c) => c.contributionId));
    meeting.taps.filter((t) => !standing.has(t.id) && Date.now() - t.at < IN_FLIGHT_MS)
      .forEach((t) => { counts[t.personId] = (counts[t.personId] || 0) + 1; });
    meeting.undone.filter((u) => standing.has(u.id))
      .forEach((u) => { counts[u.personId] = (counts[u.personId] || 0) - 1; });
    document.querySelectorAll('.tally-row').forEach((row) => {
      row.querySelector('.tally-count').textContent = String(Math.max(counts[row.dataset.personId] || 0, 0));
    });
  }

  /** Fetches the tallies of the meeting in progress again (quietly: a failure here is retried at the next one). */
  async function refreshCounts() {
    if (!meeting.id || $('step-record').hidden) {
      return;
    }
    const open = (await openMeetings()).find((m) => m.meetingId === meeting.id);
    if (open) {
      showCounts(open);
    }
  }

  /** After a change of this device: now, and once more when the read side has most likely caught up. */
  function refreshSoon() {
    refreshCounts().catch(() => null);
    setTimeout(() => refreshCounts().catch(() => null), 2000);
  }

  /** The page set up for the meeting in {@code meeting}: attendees' rows, presenters, reflection authors. */
  function enterMeeting(counts) {
    const options = () => meeting.attendees.map((a) => new Option(a.name, a.id));
    $('presenter').replaceChildren(...options());
    $('reflection-author').replaceChildren(...options());
    document.querySelectorAll('.tally-row').forEach((row) => {
      row.hidden = !meeting.attendees.some((a) => a.id === row.dataset.personId);
      row.querySelector('.tally-count').textContent = String((counts || {})[row.dataset.personId] || 0);
    });
    show(meeting.challengeId ? 'step-record' : 'step-present');
    updateButtons();
  }

  function resume(open) {
    meeting.id = open.meetingId;
    meeting.date = open.openedOn;
    meeting.attendees = open.attendees.map((a) => ({ id: a.personId, name: a.displayName || '(name not available)' }));
    meeting.challengeId = open.presenting ? open.presenting.challengeId : null;
    meeting.presenterId = open.presenting ? open.presenting.presenter.personId : null;
    // this device's own taps of this meeting, from before a reload: the other devices' taps are theirs to undo
    loadTaps();
    if (open.presenting) {
      $('now-presenting').textContent = nameOf(meeting.presenterId) + ': ' + (open.presenting.title || '');
    }
    enterMeeting({});
    showCounts(open);
    replay(open);
    return 'Resumed the meeting of ' + open.openedOn + ' (' + open.contributions.length + ' contributions so far).';
  }

  /**
   * "Recorded in this meeting" as the events tell it, so that a reload or a second device shows the whole meeting
   * so far: the opening, each challenge with the contributions to it and the actions committed on it.
   */
  function replay(open) {
    $('log').replaceChildren();
    $('actions').replaceChildren();
    log('Meeting of ' + open.openedOn + ' opened with ' + meeting.attendees.map((a) => a.name).join(', ') + '.');
    const challenges = open.challenges || [];
    const loose = open.contributions.filter((c) => !challenges.some((ch) => ch.challengeId === c.challengeId));
    challenges.forEach((challenge) => {
      log(nameOf(challenge.presenter.personId) + ' presents “' + (challenge.title || '') + '”.');
      open.contributions.filter((c) => c.challengeId === challenge.challengeId)
        .forEach((c) => log(nameOf(c.personId) + ': ' + said(c) + '.'));
      (open.actions || []).filter((a) => a.challengeId === challenge.challengeId).forEach((a) => {
        log('Action committed by ' + nameOf(a.ownerId) + ', due ' + a.dueOn + '.');
        const item = document.createElement('li');
        item.textContent = nameOf(a.ownerId) + ': ' + (a.description || '') + ' (due ' + a.dueOn + ')';
        $('actions').appendChild(item);
      });
    });
    loose.forEach((c) => log(nameOf(c.personId) + ': ' + said(c) + '.'));
  }

  function said(contribution) {
    return contribution.kind === 'QUESTION' ? contribution.questionForm.toLowerCase() + ' question'
      : contribution.statementKind.toLowerCase();
  }

  function button(text, secondary, run) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (secondary) {
      b.className = 'secondary';
    }
    action(b, run);
    return b;
  }

  /** Lists the set's open meetings, each to resume, close or discard. */
  async function listOpenMeetings() {
    const meetings = await openMeetings();
    const list = $('open-meetings-list');
    list.replaceChildren();
    meetings.forEach((open) => {
      const item = document.createElement('li');
      const text = document.createElement('p');
      text.textContent = 'Opened ' + open.openedOn + ' with ' + open.attendees.map((a) => a.displayName).join(', ')
        + (open.presenting ? '; presenting: ' + (open.presenting.title || '') : '') + '; '
        + open.contributions.length + ' contributions.';
      item.appendChild(text);
      const path = '/api/sets/' + setId + '/meetings/' + open.meetingId;
      item.appendChild(button('Resume', false, async () => resume(open)));
      item.appendChild(button('Close', true, async () => {
        await post(path + '/close', { closedOn: open.openedOn });
        item.remove();
        $('open-meetings').hidden = list.children.length === 0;
        return 'Meeting of ' + open.openedOn + ' closed.';
      }));
      item.appendChild(button('Discard', true, async () => {
        if (!window.confirm('Discard the meeting of ' + open.openedOn + '? It will count in no figure.')) {
          return null;
        }
        await post(path + '/discard', {});
        item.remove();
        $('open-meetings').hidden = list.children.length === 0;
        return 'Meeting of ' + open.openedOn + ' discarded.';
      }));
      list.appendChild(item);
    });
    $('open-meetings').hidden = meetings.length === 0;
    return meetings;
  }

  action($('open-meeting'), async () => {
    const scheduled = $('scheduled-meeting') ? $('scheduled-meeting').selectedOptions[0] : null;
    const date = scheduled && scheduled.value ? scheduled.dataset.date : $('meeting-date').value;
    const checked = Array.from(document.querySelectorAll('input[name="attendee"]:checked'));
    if (!date) {
      throw new Error('Give the meeting date.');
    }
    if (checked.length === 0) {
      throw new Error('Tick at least one member who is present.');
    }
    meeting.date = date;
    meeting.attendees = checked.map((box) => ({ id: box.value, name: box.dataset.name }));
    meeting.challengeId = null;
    meeting.presenterId = null;
    meeting.taps = [];
    meeting.undone = [];
    meeting.id = scheduled && scheduled.value ? scheduled.value : await scheduleMeeting(date, true);
    try {
      await post(meetingPath('/open'), { attendees: meeting.attendees.map((a) => a.id), openedOn: date });
    } catch (refused) {
      // "one open meeting at a time" is the command side's to decide (the read side may not have the last close
      // yet): its refusal is shown as it is, and the meetings still open are listed to resume
      await listOpenMeetings().catch(() => null);
      throw refused;
    }
    enterMeeting({});
    return 'Meeting of ' + date + ' opened with ' + meeting.attendees.map((a) => a.name).join(', ') + '.';
  });

  /**
   * Schedules a meeting and offers it in the list of scheduled meetings; {@code select}: chosen there, so that an
   * Open refused (another meeting still open) and tried again opens this one instead of scheduling another.
   */
  async function scheduleMeeting(date, select) {
    const id = (await post('/api/sets/' + setId + '/meetings', { scheduledFor: date })).meetingId;
    const item = document.createElement('li');
    item.textContent = 'Scheduled for ' + date;
    $('scheduled-list').appendChild(item);
    if ($('scheduled-meeting')) {
      const option = new Option('Scheduled for ' + date, id);
      option.dataset.date = date;
      $('scheduled-meeting').appendChild(option);
      if (select) {
        $('scheduled-meeting').value = id;
      }
    }
    return id;
  }

  action($('schedule-meeting'), async () => {
    const date = $('schedule-date').value;
    if (!date) {
      throw new Error('Give the date of the meeting to schedule.');
    }
    await scheduleMeeting(date, false);
    return 'Meeting scheduled for ' + date + '.';
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
    row.querySelectorAll('.tap').forEach((tap) => action(tap, async () => {
      const personId = row.dataset.personId;
      let created;
      if (tap.dataset.type === 'question') {
        created = await post(meetingPath('/questions'),
          { challengeId: meeting.challengeId, askerId: personId, form: tap.dataset.form });
      } else {
        created = await post(meetingPath('/statements'),
          { speakerId: personId, kind: tap.dataset.kind, challengeId: meeting.challengeId });
      }
      meeting.taps.push({ id: created.contributionId, personId, said: tap.dataset.said, at: Date.now() });
      saveTaps();
      addToCount(personId, 1);
      refreshSoon();
      return nameOf(personId) + ': ' + tap.dataset.said + '.';
    }));
  });

  action($('undo-tap'), async () => {
    const last = meeting.taps[meeting.taps.length - 1];
    if (!last) {
      return null;
    }
    try {
      await post(meetingPath('/contributions/' + last.id + '/retract'), {});
    } catch (refused) {
      if (refused.status === 404 && (refused.errors || []).some((e) => e.field === 'contributionId')) {
        // taken back already (another device, another page): drop it, say so, and undo nothing older instead
        meeting.taps.pop();
        saveTaps();
        refreshSoon();
        throw new Error('Your last tap here (' + nameOf(last.personId) + ': ' + last.said + ') had already been '
          + 'taken back, on another device or page. Nothing else was undone.');
      }
      throw refused;
    }
    meeting.taps.pop();
    meeting.undone.push({ id: last.id, personId: last.personId });
    saveTaps();
    addToCount(last.personId, -1);
    refreshSoon();
    return 'Undone: ' + nameOf(last.personId) + ': ' + last.said + '.';
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

  action($('record-reflection'), async () => {
    const text = $('reflection-text').value.trim();
    const personId = $('reflection-author').value;
    if (!text) {
      throw new Error('Write the reflection first.');
    }
    await post(meetingPath('/reflections'), { personId, text });
    $('reflection-text').value = '';
    return 'Reflection by ' + nameOf(personId) + ' recorded.';
  });

  action($('next-presenter'), async () => {
    meeting.challengeId = null;
    meeting.presenterId = null;
    $('challenge-title').value = '';
    show('step-present');
    return null;
  });

  /** The meeting is over on this device: its own taps are no longer to undo. */
  function forgetTaps() {
    meeting.taps = [];
    meeting.undone = [];
    try {
      window.sessionStorage.removeItem(tapsKey());
    } catch (unavailable) {
      // nothing was kept
    }
  }

  action($('close-meeting'), async () => {
    await post(meetingPath('/close'), { closedOn: meeting.date });
    forgetTaps();
    $('closed-heading').textContent = 'Meeting closed';
    show('step-closed');
    return 'Meeting of ' + meeting.date + ' closed.';
  });

  action($('discard-meeting'), async () => {
    if (!window.confirm('Discard this meeting? Nothing recorded in it will count in any figure.')) {
      return null;
    }
    await post(meetingPath('/discard'), {});
    forgetTaps();
    $('closed-heading').textContent = 'Meeting discarded';
    show('step-closed');
    return 'Meeting of ' + meeting.date + ' discarded: it counts in no figure.';
  });

  // another device's taps reach this one's tallies: every few seconds in view, and at once when looked at again
  setInterval(() => {
    if (document.visibilityState === 'visible') {
      refreshCounts().catch(() => null);
    }
  }, REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      refreshCounts().catch(() => null);
    }
  });

  scheduleRenewal();
  show('step-open');
  listOpenMeetings().catch(showProblem);
})();
