/*
 * The outcomes page's forms: each sends one command to the command API (the page's data-command-api) as the
 * signed-in administrator and says what was recorded, or lists what was refused (for a CSV file, each bad line).
 */
(function () {
  'use strict';

  const root = document.getElementById('outcomes');
  const api = root.dataset.commandApi.replace(/\/$/, '');
  const token = root.dataset.commandToken;
  const programmeId = root.dataset.programmeId;

  function idempotencyKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function send(path, body, contentType) {
    let response;
    try {
      response = await fetch(api + path, {
        method: 'POST',
        headers: { 'Content-Type': contentType, 'Idempotency-Key': idempotencyKey(), 'Authorization': 'Bearer ' + token },
        body: body
      });
    } catch (networkError) {
      throw { lines: ['The command service could not be reached (' + networkError.message + '); nothing was recorded.'] };
    }
    const text = await response.text();
    let json = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch (notJson) {
      json = {};
    }
    if (!response.ok) {
      const errors = (json.errors || []).map((e) => e.field + ': ' + e.message);
      throw { lines: errors.length ? errors : [json.detail || json.title || 'Refused with status ' + response.status],
        title: json.title };
    }
    return json;
  }

  /** A date as the pages print dates: ISO, 2026-01-05 (what the date fields take). */
  function shown(isoDate) {
    return isoDate;
  }

  const postJson = (path, body) => send(path, JSON.stringify(body), 'application/json');

  /** A number field as a number, an empty one as absent (the API then names what is missing). */
  function number(form, name) {
    const value = form.elements[name].value.trim();
    return value === '' ? undefined : Number(value);
  }

  const commands = {
    async define(form) {
      const body = {
        programmeId: programmeId,
        name: form.elements.name.value.trim(),
        unit: form.elements.unit.value.trim(),
        direction: form.elements.direction.value,
        period: form.elements.period.value,
        valuePerUnit: number(form, 'valuePerUnit')
      };
      const change = number(form, 'targetChangePercent');
      const within = number(form, 'targetWithinDays');
      if (change !== undefined || within !== undefined) {
        body.target = { changePercent: change, withinDays: within };
      }
      await postJson('/api/outcomes', body);
      return 'Defined “' + body.name + '”. Reload the page to record its values.';
    },
    async value(form, metricId) {
      const baseline = form.elements.series.value === 'BASELINE';
      const body = { measuredOn: form.elements.measuredOn.value, value: number(form, 'value') };
      await postJson('/api/outcomes/' + metricId + (baseline ? '/baseline' : '/measurements'), body);
      return 'Recorded the ' + (baseline ? 'baseline' : 'follow-up') + ' value ' + body.value + ' for '
        + shown(body.measuredOn) + '.';
    },
    async csv(form, metricId) {
      const file = form.elements.file.files[0];
      if (!file) {
        throw { lines: ['file: choose a CSV file first'] };
      }
      const imported = await send('/api/outcomes/' + metricId + '/measurements/import', await file.text(), 'text/csv');
      return 'Imported ' + imported.baseline + ' baseline and ' + imported.followUps + ' follow-up values from '
        + file.name + '.';
    },
    async attribution(form, metricId) {
      const body = {
        attributionPercent: number(form, 'attributionPercent'),
        confidencePercent: number(form, 'confidencePercent')
      };
      await postJson('/api/outcomes/' + metricId + '/attributions', body);
      return 'Recorded an estimate: ' + body.attributionPercent + '% from the programme, ' + body.confidencePercent
        + '% confident.';
    }
  };

  document.querySelectorAll('form.command').forEach((form) => {
    const status = form.querySelector('.status');
    const problem = form.querySelector('.problem');
    const button = form.querySelector('button[type=submit]');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      button.disabled = true;
      status.textContent = '';
      problem.hidden = true;
      problem.replaceChildren();
      try {
        status.textContent = await commands[form.dataset.command](form, form.dataset.metricId);
        form.reset();
      } catch (refusal) {
        const lines = refusal.lines || [String(refusal.message || refusal)];
        const heading = document.createElement('p');
        heading.textContent = (refusal.title ? refusal.title + ': ' : '') + 'nothing was recorded.';
        const list = document.createElement('ul');
        lines.forEach((line) => {
          const item = document.createElement('li');
          item.textContent = line;
          list.appendChild(item);
        });
        problem.append(heading, list);
        problem.hidden = false;
      } finally {
        button.disabled = false;
      }
    });
  });
}());
