/*
 * A member's own attribution estimates: each form sends one estimate to the command API as the signed-in member
 * (POST /api/outcomes/{metricId}/attributions/mine, through /js/command-api.js). A refusal is shown next to the
 * field it names; once given, the estimate replaces its form (one per person and metric).
 */
(function () {
  'use strict';

  const root = document.getElementById('my-estimates');
  const commandApi = window.CommandApi.client(root.dataset.commandApi, root.dataset.commandToken);

  /** A number field as a number; an empty one as absent, which the API names as missing. */
  function number(form, name) {
    const value = form.querySelector('[name="' + name + '"]').value.trim();
    return value === '' ? null : Number(value);
  }

  function clear(form) {
    form.querySelectorAll('[data-error-for]').forEach((p) => { p.hidden = true; p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
    form.querySelector('.form-problem').hidden = true;
  }

  function show(form, error) {
    let first = null;
    (error.errors || []).forEach((e) => {
      const place = form.querySelector('[data-error-for="' + e.field + '"]');
      if (place) {
        place.textContent = e.message;
        place.hidden = false;
        const input = form.querySelector('[name="' + e.field + '"]');
        input.setAttribute('aria-invalid', 'true');
        first = first || input;
      }
    });
    if (!first) {
      const problem = form.querySelector('.form-problem');
      problem.textContent = error.describe ? error.describe() : error.message;
      problem.hidden = false;
      problem.scrollIntoView({ block: 'center' });
    } else {
      first.focus();
    }
  }

  document.querySelectorAll('form.estimate-form').forEach((form) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const section = form.closest('.estimate');
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      clear(form);
      const body = {
        attributionPercent: number(form, 'attributionPercent'),
        confidencePercent: number(form, 'confidencePercent')
      };
      try {
        await commandApi.post('/api/outcomes/' + section.dataset.metricId + '/attributions/mine', body);
        const given = document.createElement('p');
        given.className = 'given';
        given.textContent = 'Your estimate: ' + body.attributionPercent + '% of the change came from the programme; '
          + 'you are ' + body.confidencePercent + '% sure.';
        form.replaceWith(given);
        section.querySelector('.status').textContent = 'Estimate recorded.';
      } catch (error) {
        show(form, error);
      } finally {
        button.disabled = false;
      }
    });
  });
})();
