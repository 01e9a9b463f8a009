import { test } from 'node:test';
import assert from 'node:assert/strict';

import { MediaServerNotice, MIN_SHOWN_MS } from '../../main/js/js/media-server-notice.js';

// The notice shows while the media server is away and at least MIN_SHOWN_MS, so that a room moved to
// another media server at once (away, then back, within moments) still shows it.

function clock() {
  const timers = [];
  const c = {
    time: 0,
    now: () => c.time,
    setTimer: (fn, ms) => { const t = { fn, at: c.time + ms, done: false }; timers.push(t); return t; },
    clearTimer: t => { t.done = true; },
    advance(ms) {
      c.time += ms;
      for (const t of timers) if (!t.done && t.at <= c.time) { t.done = true; t.fn(); }
    },
  };
  return c;
}

test('a media server that is back at once leaves the notice up for the minimum time', () => {
  const c = clock();
  const element = { hidden: true };
  const notice = new MediaServerNotice(element, c);

  notice.update(true);
  assert.equal(element.hidden, false);
  c.advance(10);
  notice.update(false);
  assert.equal(element.hidden, false);
  c.advance(MIN_SHOWN_MS - 20);
  assert.equal(element.hidden, false);
  c.advance(20);
  assert.equal(element.hidden, true);
});

test('a media server away for longer than the minimum hides the notice as soon as it is back', () => {
  const c = clock();
  const element = { hidden: true };
  const notice = new MediaServerNotice(element, c);

  notice.update(true);
  c.advance(MIN_SHOWN_MS + 1000);
  notice.update(true);
  assert.equal(element.hidden, false);
  notice.update(false);
  assert.equal(element.hidden, true);
});

test('going away again before the notice hid keeps it up', () => {
  const c = clock();
  const element = { hidden: true };
  const notice = new MediaServerNotice(element, c);

  notice.update(true);
  notice.update(false);
  c.advance(100);
  notice.update(true);
  c.advance(MIN_SHOWN_MS * 2);
  assert.equal(element.hidden, false);
});

test('nothing to show stays hidden', () => {
  const element = { hidden: true };
  new MediaServerNotice(element, clock()).update(false);
  assert.equal(element.hidden, true);
});

test('the timers are called as plain functions, as the browser requires of setTimeout and clearTimeout', () => {
  const c = clock();
  // Like window.setTimeout: called with any receiver but the global object (or none), it throws.
  const strict = fn => function (...args) {
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    return fn(...args);
  };
  const element = { hidden: true };
  const notice = new MediaServerNotice(element, { now: c.now, setTimer: strict(c.setTimer), clearTimer: strict(c.clearTimer) });

  notice.update(true);
  notice.update(false);
  notice.update(true); // cancels the pending hide
  notice.update(false);
  c.advance(MIN_SHOWN_MS);
  assert.equal(element.hidden, true);
});
