/*
 * A member's actions page: reports progress, completes, reschedules or abandons an action through the command API
 * (its URL is the page's data-command-api), as the signed-in member (data-command-token). Each command carries an
 * Idempotency-Key and is sent again with the same key when its answer was lost on the network, so a flaky
 * connection never records a report twice. The read model shows a report a moment later (through the events), so
 * the action's card is updated here on success.
 */
(function () {
  'use strict';

  const root = document.getElementById('my-actions');
  const api = root.dataset.commandApi.replace(/\/$/, '');
  const token = root.dataset.commandToken;
  const today = root.dataset.today;
  const $ = (id) => document.getElementById(id);
  // sending, resending with the same Idempotency-Key and reading refusals: /js/command-api.js, as every page that
  // sends commands
  const commandApi = window.CommandApi.client(api, token);

  async function send(method, path, body) {
    try {
      return await commandApi.send(method, path, body);
    } catch (refusal) {
      throw new Error(refusal.describe ? refusal.describe() : refusal.message);
    }
  }

  function showStatus(text) {
    $('problem').hidden = true;
    $('status').textContent = text;
  }

  function showProblem(text) {
    $('problem').textContent = text;
    $('problem').hidden = false;
    $('problem').scrollIntoView({ block: 'nearest' });
  }

  /** What each form sends, and how the action's card reads afterwards. */
  const COMMANDS = {
    progress: {
      body: (f) => ({ reportedOn: today, percentComplete: Number(f.percentComplete.value), note: f.note.value.trim() || null }),
      done: (card, body) => {
        card.querySelector('.percent').textContent = body.percentComplete + '% done';
        return 'Progress reported: ' + body.percentComplete + '% done.';
      }
    },
    complete: {
      body: (f) => ({ completedOn: today, evidence: f.evidence.value.trim() || null }),
      done: (card) => {
        closed(card, 'Completed today');
        card.querySelector('.percent').textContent = '100% done';
        return 'Action completed.';
      }
    },
    reschedule: {
      body: (f) => ({ dueOn: f.dueOn.value, reason: f.reason.value.trim() || null }),
      done: (card, body) => {
        card.querySelector('.due-on').textContent = body.dueOn;
        return 'Action rescheduled to ' + body.dueOn + '.';
      }
    },
    abandon: {
      body: (f) => ({ abandonedOn: today, reason: f.reason.value.trim() }),
      done: (card) => {
        closed(card, 'Abandoned today');
        return 'Action abandoned.';
      }
    }
  };

  function closed(card, state) {
    card.querySelector('.state').textContent = state;
    const badge = card.querySelector('.badge.reminder');
    if (badge) {
      badge.remove();
    }
    card.querySelector('.follow-up').remove();
  }

  document.querySelectorAll('form.command-form').forEach((form) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const card = form.closest('.action');
      const command = COMMANDS[form.dataset.command];
      const button = form.querySelector('button[type="submit"]');
      const body = command.body(form.elements);
      button.disabled = true;
      try {
        await send('POST', '/api/actions/' + card.dataset.actionId + '/' + form.dataset.command, body);
        showStatus(command.done(card, body));
        form.reset();
      } catch (error) {
        showProblem(error.message);
      } finally {
        button.disabled = false;
      }
    });
  });

  // a password set through a link (its issuer could have used it) or by an administrator is told to the member
  send('GET', '/api/account/password-notice').then((answer) => {
    if (answer && answer.notice) {
      $('password-notice').textContent = answer.notice;
      $('password-notice').hidden = false;
    }
  }, () => {
    // an account of an identity provider has no password here
  });

  const emailForm = $('email-form');
  send('GET', '/api/account/email').then((answer) => {
    $('email').value = answer.email || '';
  }, () => {
    // an account of an identity provider has no address here: the form says so when used
  });
  emailForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = emailForm.querySelector('button');
    button.disabled = true;
    try {
      const email = $('email').value.trim();
      await send('PUT', '/api/account/email', { email: email || null });
      showStatus(email ? 'Reminders will be emailed to ' + email + '.' : 'No reminders by email.');
    } catch (error) {
      showProblem(error.message);
    } finally {
      button.disabled = false;
    }
  });
})();
