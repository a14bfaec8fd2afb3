/*
 * Sending to the command API from the pages (meeting console, administration, own estimates): the one copy of
 * the Idempotency-Key, further attempts with the same key, further and further apart, when an answer was lost on
 * the network (so nothing is recorded twice), the renewal of an expired bearer token, and the reading of a
 * problem+json refusal. A command given up on keeps its key: the user's next try of the same command (same path and
 * body) sends it again, so a request that reached the server before its answer was lost is not recorded twice.
 * The command API is another origin: the page hands over the signed-in user's bearer token.
 */
window.CommandApi = (function () {
  'use strict';

  /** The pauses before each further attempt after a network error (milliseconds): about 7.5 s in all. */
  const BACKOFF = [500, 1000, 2000, 4000];

  /**
   * A refusal of the command API (or one found before sending): its detail, the fields it names, its status and
   * its problem's title.
   */
  class Refusal extends Error {
    constructor(detail, errors, status, title) {
      super(detail);
      this.errors = errors || [];
      this.status = status;
      this.title = title;
    }

    /** The detail and the fields named, in one line (for pages that show one message). */
    describe() {
      // a rule's message is often the detail itself: say it once
      const fields = this.errors.filter((e) => !this.message.includes(e.message))
        .map((e) => e.field + ' ' + e.message).join('; ');
      return this.message + (fields ? ' (' + fields + ')' : '');
    }
  }

  function idempotencyKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    // crypto.randomUUID needs a secure context; a phone on the LAN over http has getRandomValues only
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /**
   * A client of the API at {@code base} as the bearer of {@code token}. With {@code options.renew} an answer 401 renews
   * the token once and sends again with the same key ({@code options.onRenewed} hears of the new token).
   */
  function client(base, token, options) {
    const api = String(base || '').replace(/\/$/, '');
    const settings = options || {};
    const backoff = settings.backoff || BACKOFF;
    let bearer = token;
    /** The key of each command given up on (by method, path and body), until one of its attempts is answered. */
    const unanswered = new Map();

    async function renew() {
      const response = await fetch(api + '/api/auth/token/renew', {
        method: 'POST', headers: { 'Authorization': 'Bearer ' + bearer }
      });
      if (!response.ok) {
        throw new Refusal('Your sign-in could not be renewed: sign out and in again, then come back here.', [],
          response.status);
      }
      bearer = (await response.json()).access_token;
      if (settings.onRenewed) {
        settings.onRenewed(bearer);
      }
      return bearer;
    }

    /**
     * Sends one request and answers its JSON. Commands carry an Idempotency-Key and are sent again when the answer
     * was lost; {@code sendOptions.once} sends once without a key (identity requests: their answers hold one-time
     * links, which are not kept for replays). With {@code sendOptions.contentType} the body is sent as it is (a
     * CSV file's text), else as JSON.
     */
    async function send(method, path, body, sendOptions) {
      const once = Boolean(sendOptions && sendOptions.once);
      const contentType = (sendOptions && sendOptions.contentType) || 'application/json';
      const payload = body === undefined || (sendOptions && sendOptions.contentType) ? body : JSON.stringify(body);
      const sameCommand = method + ' ' + path + ' ' + (typeof payload === 'string' ? payload : '');
      const key = once || method === 'GET' ? null : (unanswered.get(sameCommand) || idempotencyKey());
      let lastError = null;
      let renewed = false;
      for (let attempt = 1; attempt <= (once ? 1 : backoff.length + 1); attempt++) {
        if (attempt > 1 && lastError) {
          await new Promise((resume) => setTimeout(resume, backoff[attempt - 2]));
        }
        const headers = {};
        if (bearer) {
          headers.Authorization = 'Bearer ' + bearer;
        }
        if (body !== undefined) {
          headers['Content-Type'] = contentType;
        }
        if (key) {
          headers['Idempotency-Key'] = key;
        }
        let response;
        try {
          response = await fetch(api + path, {
            method, headers, body: payload
          });
        } catch (networkError) {
          lastError = networkError;
          continue;
        }
        lastError = null;
        unanswered.delete(sameCommand);
        if (response.status === 401 && settings.renew && !renewed) {
          // the token ran out (a laptop asleep past the renewal): renew once and send again with the same key
          renewed = true;
          await renew();
          attempt--;
          continue;
        }
        const text = await response.text();
        let json = {};
        try {
          json = text ? JSON.parse(text) : {};
        } catch (notJson) {
          json = {};
        }
        if (!response.ok) {
          const fallback = response.status === 401 ? 'Your sign-in has expired: sign in again.'
            : 'Refused with status ' + response.status;
          throw new Refusal(json.detail || json.title || fallback, json.errors, response.status, json.title);
        }
        return json;
      }
      if (key) {
        unanswered.set(sameCommand, key);
      }
      throw new Refusal('The command service could not be reached, so this may or may not be recorded. Try again '
        + 'in a moment: trying the same again will not record it twice.');
    }

    return {
      send,
      post: (path, body) => send('POST', path, body),
      renew,
      token: () => bearer
    };
  }

  return { client, Refusal, idempotencyKey };
})();
