/*
 * The administrator's pages, the set-password page and the change-password page: their forms send commands to the command API (the page's
 * data-command-api) as the signed-in administrator (data-command-token), as the meeting console does. A refusal
 * (problem+json) is shown next to the field it names, scrolled into view, or above the form's button.
 * After a change the page waits until the read model shows it, then reloads.
 */
(function () {
  'use strict';

  const root = document.getElementById('admin');
  // sending, retrying with the same Idempotency-Key and reading refusals: /js/command-api.js, shared with the console
  const commandApi = window.CommandApi.client(root.dataset.commandApi, root.dataset.commandToken);
  const Refusal = window.CommandApi.Refusal;
  const send = commandApi.send;
  const USERNAME = /^[a-z0-9._@-]{3,64}$/;

  function fieldError(field, message) {
    return new Refusal(message, [{ field, message }]);
  }

  /** Asks this service (same origin, the session) until {@code url} shows what was just changed. */
  async function waitUntil(url, shows) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (response.ok && shows(await response.text())) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Waits until this page shows what was just changed, then reloads it. */
  async function reloadWhen(url, shows) {
    await waitUntil(url, shows);
    window.location.assign(url);
  }

  // ---- showing refusals next to their fields

  function clearProblems(form) {
    form.querySelectorAll('[data-error-for]').forEach((element) => {
      element.hidden = true;
      element.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
    const problem = form.querySelector('.form-problem');
    if (problem) {
      problem.hidden = true;
    }
  }

  /** "grants[0]" and "request.name" are the fields "grants" and "name" of the form. */
  function fieldName(field) {
    return String(field || '').replace(/\[.*$/, '').replace(/^.*\./, '');
  }

  function showProblem(form, error) {
    let first = null;
    const unplaced = [];
    (error.errors || []).forEach((e) => {
      const name = fieldName(e.field);
      const place = form.querySelector('[data-error-for="' + name + '"]');
      if (!place) {
        unplaced.push((e.field ? e.field + ': ' : '') + e.message);
        return;
      }
      place.textContent = e.message;
      place.hidden = false;
      const input = form.querySelector('[name="' + name + '"]:not([type=hidden])');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
      }
      first = first || { place, input };
    });
    const problem = form.querySelector('.form-problem');
    if (!first || unplaced.length) {
      problem.textContent = unplaced.length ? unplaced.join('; ') : error.message;
      problem.hidden = false;
      first = first || { place: problem };
    }
    // in view on a phone: the message, with its field focused
    if (first.input) {
      first.input.focus({ preventScroll: true });
    }
    first.place.scrollIntoView({ block: 'center' });
  }

  function values(form) {
    const data = {};
    new FormData(form).forEach((value, name) => {
      if (name === 'grants') {
        (data.grants = data.grants || []).push(value);
      } else {
        data[name] = typeof value === 'string' ? value.trim() : value;
      }
    });
    return data;
  }

  function blankToNull(value) {
    return value === undefined || value === '' ? null : value;
  }

  /** A set-password link shown to the administrator to hand over (and said whether it was emailed too). */
  function showLink(container, link) {
    const url = window.location.origin + '/set-password?token=' + encodeURIComponent(link.setPasswordToken);
    const item = document.createElement('div');
    item.className = 'issued-link';
    item.dataset.linkFor = link.username;
    const label = document.createElement('p');
    label.textContent = 'One-time link for ' + link.username + ' to choose a password (works once, until '
      + link.expiresAt.replace('T', ' ').replace(/\..*$/, '').replace(/Z$/, '') + ' UTC'
      + (link.emailed ? '; also emailed to them' : '') + '):';
    const code = document.createElement('code');
    code.className = 'link-url';
    code.textContent = url;
    item.append(label, code);
    container.append(item);
  }

  function requireUsername(username) {
    if (!USERNAME.test(username || '')) {
      throw fieldError('username', '3 to 64 lower-case letters, digits or . _ @ -');
    }
  }

  /** An account for a person of a set, with its grant; its set-password link. */
  function createAccount(username, email, personId, grant) {
    return send('POST', '/api/users', { username, email: blankToNull(email), personId, grants: [grant] },
      { once: true });
  }

  async function users() {
    return send('GET', '/api/users', undefined, { once: true });
  }

  // ---- the forms

  const flows = {
    async launch(data) {
      const created = await send('POST', '/api/programmes', {
        organisation: data.organisation, name: data.name, sponsor: data.sponsor,
        startsOn: blankToNull(data.startsOn), currency: (data.currency || '').toUpperCase()
      });
      // the programme's page exists once the read model has it: polled on this page, which answers 200 with the
      // session (the query API takes no session, and a 404 of the not-yet page would log a console error)
      await waitUntil('/admin', (html) => html.includes(created.programmeId));
      window.location.assign('/admin/programmes/' + created.programmeId);
      return 'Programme launched.';
    },

    async cost(data) {
      const programmeId = root.dataset.programmeId;
      const created = await send('POST', '/api/programmes/' + programmeId + '/costs', {
        category: data.category, amount: data.amount === '' ? null : Number(data.amount),
        incurredOn: blankToNull(data.incurredOn), note: blankToNull(data.note)
      });
      await reloadWhen(window.location.pathname, (html) => html.includes(created.costId));
      return 'Cost recorded.';
    },

    async close(data) {
      await send('POST', '/api/programmes/' + root.dataset.programmeId + '/close',
        { closedOn: blankToNull(data.closedOn) });
      await reloadWhen(window.location.pathname, (html) => html.includes('class="closed"'));
      return 'Programme closed.';
    },

    async 'form-set'(data, form) {
      requireUsername(data.username);
      const set = await send('POST', '/api/sets', {
        programmeId: root.dataset.programmeId, name: data.name, facilitatorName: data.facilitatorName
      });
      const setPage = '/admin/sets/' + set.setId;
      let link;
      try {
        link = await createAccount(data.username, data.email, set.facilitatorId, 'FACILITATOR:' + set.setId);
      } catch (refusal) {
        refusal.message = 'The set was formed, but the facilitator has no account yet: ' + refusal.message
          + ' Give them access on the set\'s page.';
        addPageLink(form, setPage, 'Open the set ' + data.name);
        throw refusal;
      }
      // the set's page answers 404 until the read model has the set: offer it (and the link, together as before)
      // once this page lists it
      await waitUntil(window.location.pathname, (html) => html.includes(set.setId));
      showLink(form.querySelector('.issued-links'), link);
      addPageLink(form, setPage, 'Open the set ' + data.name + ' to add its members');
      addSetRow(set.setId, data.name, setPage);
      form.reset();
      return 'Set ' + data.name + ' formed; its facilitator ' + link.username + ' has an account.';
    },

    async 'add-member'(data, form) {
      requireUsername(data.username);
      if (!data.displayName) {
        throw fieldError('displayName', 'must not be blank');
      }
      const setId = root.dataset.setId;
      const existing = (await users()).find((user) => user.username === data.username);
      if (existing && !existing.personId) {
        throw fieldError('username', 'this user is not a person of a set; choose another user name');
      }
      const added = await send('POST', '/api/sets/' + setId + '/members',
        { displayName: data.displayName, personId: existing ? existing.personId : null });
      let message;
      if (existing) {
        await send('PATCH', '/api/users/' + encodeURIComponent(existing.username),
          { grants: existing.grants.concat(['MEMBER:' + setId]) }, { once: true });
        message = data.username + ' added, with access to this set.';
      } else {
        const link = await createAccount(data.username, data.email, added.personId, 'MEMBER:' + setId);
        showLink(form.querySelector('.issued-links'), link);
        message = data.username + ' added; hand over their link.';
      }
      form.reset();
      addPersonRow(added.personId, existing ? existing.username : data.username);
      return message;
    },

    /**
     * Another person facilitates the set. The one command also takes the set's FACILITATOR grant from every other
     * account and gives it to the new facilitator's account, if they have one, on the server in one step; a new user
     * name then gets an account with the grant and its link. The change names the facilitator this page showed, so
     * a change made meanwhile by someone else is refused rather than overwritten.
     */
    async 'change-facilitator'(data, form) {
      requireUsername(data.username);
      if (!data.facilitatorName) {
        throw fieldError('facilitatorName', 'must not be blank');
      }
      const setId = root.dataset.setId;
      const grant = 'FACILITATOR:' + setId;
      const all = await users();
      const existing = all.find((user) => user.username === data.username);
      if (existing && !existing.personId) {
        throw fieldError('username', 'this user is not a person of a set; choose another user name');
      }
      const changed = await send('POST', '/api/sets/' + setId + '/facilitator',
        { facilitatorName: data.facilitatorName, facilitatorId: existing ? existing.personId : null,
          currentFacilitatorId: root.dataset.facilitatorId });
      let link = null;
      if (!existing) {
        link = await createAccount(data.username, data.email, changed.facilitatorId, grant);
        showLink(form.querySelector('.issued-links'), link);
      }
      const formers = all.filter((user) => user.grants.includes(grant) && user.username !== data.username)
        .map((user) => user.username);
      root.dataset.facilitatorId = changed.facilitatorId;
      form.reset();
      const row = document.querySelector('tr.person[data-role=FACILITATOR]');
      row.dataset.personId = changed.facilitatorId;
      row.querySelector('.account').textContent = data.username;
      row.querySelector('.person-actions').replaceChildren();
      return data.username + ' facilitates the set now' + (link ? '; hand over their link.' : '.')
        + (formers.length ? ' ' + formers.join(', ') + ' no longer ' + (formers.length > 1 ? 'have' : 'has')
          + ' access to it.' : '');
    },

    async 'create-user'(data, form) {
      requireUsername(data.username);
      const link = await send('POST', '/api/users',
        { username: data.username, email: blankToNull(data.email), grants: data.grants || [] }, { once: true });
      showLink(form.querySelector('.issued-links'), link);
      form.reset();
      await loadUsers();
      return 'User ' + link.username + ' created.';
    },

    async 'set-password'(data) {
      if (!data.token) {
        throw fieldError('token', 'This page needs the link you were given: open it again.');
      }
      if (data.password !== data.repeat) {
        throw fieldError('repeat', 'is not the same password');
      }
      const done = await send('POST', '/api/auth/set-password', { token: data.token, password: data.password },
        { once: true });
      document.getElementById('set-password-form').querySelector('button').hidden = true;
      const signIn = document.createElement('p');
      const link = document.createElement('a');
      link.href = '/login';
      link.className = 'button-link';
      link.id = 'to-sign-in';
      link.textContent = 'Sign in as ' + done.username;
      signIn.append(link);
      document.getElementById('set-password-form').append(signIn);
      return 'Your password is set. Sign in with user name ' + done.username + '.';
    },

    /** The signed-in user's own password, with the current one (passwords as typed: spaces count). */
    async 'change-password'(data, form) {
      const current = form.elements.currentPassword.value;
      const password = form.elements.newPassword.value;
      if (!current) {
        throw fieldError('currentPassword', 'is needed to change your password');
      }
      if (password !== form.elements.repeat.value) {
        throw fieldError('repeat', 'is not the same password');
      }
      await send('POST', '/api/account/password', { currentPassword: current, newPassword: password },
        { once: true });
      form.reset();
      return 'Your password is changed: sign in with it from now on.';
    }
  };

  /** The set just formed, in the table at once. */
  function addSetRow(setId, name, href) {
    const table = document.querySelector('.admin-sets-scroll');
    table.hidden = false;
    document.querySelectorAll('.admin-sets-empty').forEach((empty) => { empty.hidden = true; });
    const row = document.createElement('tr');
    row.dataset.setId = setId;
    const heading = document.createElement('th');
    heading.scope = 'row';
    const link = document.createElement('a');
    link.href = href;
    link.textContent = name;
    heading.append(link);
    const members = document.createElement('td');
    members.className = 'n';
    members.textContent = '0';
    row.append(heading, members);
    table.querySelector('tbody').append(row);
  }

  function addPageLink(form, href, text) {
    const paragraph = document.createElement('p');
    const link = document.createElement('a');
    link.href = href;
    link.textContent = text;
    paragraph.append(link);
    form.querySelector('.issued-links').append(paragraph);
  }

  document.querySelectorAll('form.command-form').forEach((form) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      clearProblems(form);
      const status = form.querySelector('.form-status');
      status.textContent = '';
      try {
        const data = values(form);
        status.textContent = await flows[form.dataset.flow](data, form);
      } catch (error) {
        showProblem(form, error instanceof Refusal ? error : new Refusal(error.message));
      } finally {
        button.disabled = false;
      }
    });
  });

  // ---- a set's people and the users page: rows filled from the identity store's users

  function pageProblem(error) {
    const problem = document.querySelector('.page-problem');
    problem.textContent = error.message;
    problem.hidden = false;
    problem.scrollIntoView({ block: 'center' });
  }

  function button(text, label, run) {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'secondary small';
    element.textContent = text;
    element.setAttribute('aria-label', label);
    element.addEventListener('click', async () => {
      element.disabled = true;
      document.querySelectorAll('.page-problem').forEach((p) => { p.hidden = true; });
      try {
        await run();
      } catch (error) {
        pageProblem(error);
      } finally {
        element.disabled = false;
      }
    });
    return element;
  }

  /** The member just added, in the table at once (the page shows them from the read model when next opened). */
  function addPersonRow(personId, username) {
    const body = document.querySelector('table.admin-people tbody');
    const row = document.createElement('tr');
    row.className = 'person added';
    row.dataset.personId = personId;
    row.dataset.role = 'MEMBER';
    const heading = document.createElement('th');
    heading.scope = 'row';
    heading.textContent = 'Member ' + (body.querySelectorAll('tr[data-role=MEMBER]').length + 1);
    const account = document.createElement('td');
    account.className = 'account';
    account.textContent = username;
    const actions = document.createElement('td');
    actions.className = 'person-actions';
    row.append(heading, account, actions);
    body.append(row);
    const empty = document.querySelector('.admin-people-empty');
    if (empty) {
      empty.hidden = true;
    }
  }

  async function fillPeople() {
    const setId = root.dataset.setId;
    let all;
    try {
      all = await users();
    } catch (error) {
      pageProblem(error);
      return;
    }
    document.querySelectorAll('tr.person').forEach((row) => {
      const personId = row.dataset.personId;
      const role = row.dataset.role;
      const user = all.find((u) => u.personId === personId);
      const account = row.querySelector('.account');
      const actions = row.querySelector('.person-actions');
      account.textContent = user ? user.username + (user.disabled ? ' (disabled)' : '') : 'no account';
      if (user) {
        actions.append(button('New password link', 'New password link for ' + user.username, async () => {
          showLink(document.getElementById('row-links'),
            await send('POST', '/api/users/' + encodeURIComponent(user.username) + '/password-link', {},
              { once: true }));
        }));
      }
      if (role === 'MEMBER') {
        const who = user ? user.username : 'this member';
        actions.append(button('Remove', 'Remove ' + who + ' from the set', async () => {
          // the removal takes the set's MEMBER grant from their account on the server, in the same step
          await send('DELETE', '/api/sets/' + setId + '/members/' + personId);
          await reloadWhen(window.location.pathname, (html) => !html.includes(personId));
        }));
      }
      if (!user) {
        actions.append(giveAccessForm(personId, role, setId));
      }
    });
  }

  /** For a person of the set without an account (e.g. its creation failed): one with the right grant. */
  function giveAccessForm(personId, role, setId) {
    const form = document.createElement('form');
    form.className = 'inline-form command-form';
    const id = 'access-' + personId;
    form.innerHTML = '<label for="' + id + '">User name</label>'
      + '<input id="' + id + '" name="username" type="text" maxlength="64" autocapitalize="none"'
      + ' aria-describedby="' + id + '-error"/>'
      + '<button type="submit" class="secondary small">Give access</button>'
      + '<p class="field-error" id="' + id + '-error" data-error-for="username" hidden></p>'
      + '<p class="problem form-problem" role="alert" hidden></p>';
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearProblems(form);
      try {
        const username = form.querySelector('input').value.trim();
        requireUsername(username);
        const link = await createAccount(username, null, personId, role + ':' + setId);
        showLink(document.getElementById('row-links'), link);
        form.replaceWith(document.createTextNode(''));
      } catch (error) {
        showProblem(form, error instanceof Refusal ? error : new Refusal(error.message));
      }
    });
    return form;
  }

  // ---- the users page

  async function loadUsers() {
    const labels = JSON.parse(root.dataset.grantLabels || '{}');
    const rows = document.getElementById('user-rows');
    let all;
    try {
      all = await users();
    } catch (error) {
      pageProblem(error);
      return;
    }
    rows.replaceChildren(...all.map((user) => userRow(user, labels)));
    if (all.length === 0) {
      rows.innerHTML = '<tr><td colspan="4" class="empty">No user yet.</td></tr>';
    }
  }

  function userRow(user, labels) {
    const row = document.createElement('tr');
    row.dataset.username = user.username;
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = user.username;
    if (user.email) {
      const email = document.createElement('small');
      email.className = 'email';
      email.textContent = user.email;
      name.append(document.createElement('br'), email);
    }
    const access = document.createElement('td');
    const list = document.createElement('ul');
    list.className = 'grant-list';
    user.grants.forEach((grant) => {
      const item = document.createElement('li');
      item.textContent = labels[grant] || grant;
      list.append(item);
    });
    if (user.grants.length === 0) {
      const none = document.createElement('span');
      none.className = 'empty';
      none.textContent = 'No access';
      access.append(none);
    } else {
      access.append(list);
    }
    const status = document.createElement('td');
    status.className = 'user-status';
    status.textContent = user.disabled ? 'Disabled' : 'Active';
    const change = document.createElement('td');
    change.className = 'user-actions';
    change.append(button('New password link', 'New password link for ' + user.username, async () => {
      showLink(document.getElementById('row-links'),
        await send('POST', '/api/users/' + encodeURIComponent(user.username) + '/password-link', {},
          { once: true }));
    }));
    const toggle = user.disabled ? 'enable' : 'disable';
    // nobody disables themselves (the identity store refuses it too)
    if (user.username !== root.dataset.username) change.append(button(user.disabled ? 'Enable' : 'Disable',
      (user.disabled ? 'Enable ' : 'Disable ') + user.username, async () => {
        await send('POST', '/api/users/' + encodeURIComponent(user.username) + '/' + toggle, {}, { once: true });
        await loadUsers();
      }));
    change.append(grantsEditor(user));
    row.append(name, access, status, change);
    return row;
  }

  /** Change a user's access: the grants this administrator may give, ticked as the user holds them. */
  function grantsEditor(user) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Change access';
    summary.setAttribute('aria-label', 'Change access of ' + user.username);
    const form = document.createElement('form');
    form.className = 'command-form grants-form';
    form.append(document.getElementById('grants-template').content.cloneNode(true));
    const others = user.grants.filter((g) => !form.querySelector('input[value="' + CSS.escape(g) + '"]'));
    form.querySelectorAll('input[name=grants]').forEach((box) => {
      box.checked = user.grants.includes(box.value);
      box.id = 'grant-' + user.username + '-' + box.value;
      box.parentElement.setAttribute('for', box.id);
    });
    const problem = document.createElement('p');
    problem.className = 'problem form-problem';
    problem.setAttribute('role', 'alert');
    problem.hidden = true;
    const save = document.createElement('button');
    save.type = 'submit';
    save.className = 'small';
    save.textContent = 'Save access';
    form.append(problem, save);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearProblems(form);
      try {
        // grants this administrator may not give (another organisation's) are kept as they are
        const grants = others.concat(values(form).grants || []);
        await send('PATCH', '/api/users/' + encodeURIComponent(user.username), { grants }, { once: true });
        await loadUsers();
      } catch (error) {
        showProblem(form, error instanceof Refusal ? error : new Refusal(error.message));
      }
    });
    details.append(summary, form);
    return details;
  }

  if (document.getElementById('user-rows')) {
    loadUsers();
  }
  if (root.dataset.setId && document.querySelector('tr.person')) {
    fillPeople();
  }
})();
