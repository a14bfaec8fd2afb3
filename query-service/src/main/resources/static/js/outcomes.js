/*
 * The outcomes page's forms: each sends one command to the command API (the page's data-command-api, through
 * /js/command-api.js) as the signed-in administrator and says what was recorded, or lists what was refused (for a
 * CSV file, each bad line).
 */
(function () {
  'use strict';

  const root = document.getElementById('outcomes');
  const commandApi = window.CommandApi.client(root.dataset.commandApi, root.dataset.commandToken);
  const Refusal = window.CommandApi.Refusal;
  const programmeId = root.dataset.programmeId;

  const postJson = (path, body) => commandApi.post(path, body);

  /** A date as the pages print dates: ISO, 2026-01-05 (what the date fields take). */
  function shown(isoDate) {
    return isoDate;
  }

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
        throw new Refusal('choose a CSV file first', [{ field: 'file', message: 'choose a CSV file first' }]);
      }
      const imported = await commandApi.send('POST', '/api/outcomes/' + metricId + '/measurements/import',
        await file.text(), { contentType: 'text/csv' });
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

  /**
   * What was refused, as a list under the form: each field the refusal names (for a CSV file, each bad line), else
   * its detail; the fields named are marked invalid.
   */
  function show(form, refusal) {
    const problem = form.querySelector('.problem');
    const lines = refusal.errors.length ? refusal.errors.map((e) => e.field + ': ' + e.message) : [refusal.message];
    refusal.errors.forEach((e) => {
      const input = form.elements[e.field];
      if (input && input.setAttribute) {
        input.setAttribute('aria-invalid', 'true');
      }
    });
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
  }

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
      form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
      try {
        status.textContent = await commands[form.dataset.command](form, form.dataset.metricId);
        form.reset();
      } catch (error) {
        show(form, error instanceof Refusal ? error : new Refusal(String(error.message || error)));
      } finally {
        button.disabled = false;
      }
    });
  });
}());
