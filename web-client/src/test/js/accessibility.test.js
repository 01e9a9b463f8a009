/**
 * Accessible state: the media state as text badges, announcements of joins and leaves, and the
 * stylesheet's colour pairs checked against WCAG 2.1 contrast (4.5:1 for text, 3:1 for focus rings).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { membershipAnnouncements, Announcer } from '../../main/js/js/announcements.js';
import { statusBadges, buildTile } from '../../main/js/js/tile-view.js';
import { buildParticipantItem } from '../../main/js/js/participant-list-view.js';
import { FakeDocument } from './support/fake-dom.js';

const here = dirname(fileURLToPath(import.meta.url));
const css = readFileSync(join(here, '../../main/js/css/app.css'), 'utf8');

test('mute, camera off, sharing and speaking are text, not only colour', () => {
  const p = { sendsAudio: true, sendsVideo: true, audioMuted: true, videoMuted: true, sharing: true };
  assert.deepEqual(statusBadges(p).map(b => b.text), ['Muted', 'Camera off', 'Sharing screen']);
  assert.deepEqual(statusBadges({ ...p, audioMuted: false, videoMuted: false, sharing: false }, { speaking: true }).map(b => b.text), ['Speaking']);
  assert.deepEqual(statusBadges({ sendsAudio: false, sendsVideo: false }).map(b => b.text), ['Listening only']);
  assert.deepEqual(statusBadges({ sendsAudio: false, sendsVideo: true }).map(b => b.text), ['No microphone']);

  const doc = new FakeDocument();
  const tile = buildTile(doc, { participantId: 'p1', displayName: 'Ann', ...p });
  assert.equal(tile.status.getAttribute('aria-hidden'), null, 'the status is not hidden from screen readers');
  assert.match(tile.status.textContent, /Muted.*Camera off.*Sharing screen/);
  for (const svg of tile.root.descendants().filter(n => n.tagName === 'SVG')) assert.equal(svg.getAttribute('aria-hidden'), 'true');
  const item = buildParticipantItem(doc, { participantId: 'p1', displayName: 'Ann', ...p }, false);
  assert.match(item.root.textContent, /^Ann.*Muted/);
});

test('joins, leaves and shares are announced in a live region that stays small', () => {
  const ann = { participantId: 'a', displayName: 'Ann' };
  const bob = { participantId: 'b', displayName: 'Bob' };
  assert.deepEqual(membershipAnnouncements([ann], [ann, bob]), ['Bob joined']);
  assert.deepEqual(membershipAnnouncements([ann, bob], [bob]), ['Ann left']);
  assert.deepEqual(membershipAnnouncements([bob], [{ ...bob, sharing: true }]), ['Bob is sharing their screen']);
  const doc = new FakeDocument();
  const region = doc.createElement('div');
  const announcer = new Announcer({ doc, region, keep: 2 });
  for (const line of ['one', 'two', 'three']) announcer.say(line);
  assert.deepEqual(region.children.map(n => n.textContent), ['two', 'three']);
});

// ---- contrast ----------------------------------------------------------------------------------

const channel = c => {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = hex => {
  const h = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16));
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
export const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const variable = name => css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`))[1];

test('text colours meet 4.5:1 on their backgrounds, focus rings 3:1', () => {
  const surface = variable('surface');
  const pairs = [
    ['text on surface', variable('text'), surface],
    ['muted on surface', variable('muted'), surface],
    ['muted on page', variable('muted'), variable('bg')],
    ['white on accent', '#ffffff', variable('accent')],
    ['white on danger', '#ffffff', variable('danger')],
    ['warning text', variable('warn-text'), variable('warn-bg')],
    ['tile label on the stage', '#ffffff', '#0b0e14'],
    ['control bar text', '#f1f3f6', '#2b3242'],
    ['muted control', '#7f1d1d', '#fbd5d5'],
    ['sharing control', '#12306b', '#cfe1ff'],
    ['muted badge on a tile', '#ffc2c2', '#0b0e14'],
    ['chat author', variable('accent-strong'), surface],
    ['own chat author', '#146c3c', surface],
    ['new messages marker', '#b42318', surface],
    ['unread badge', '#1d2330', '#ffd24d'],
  ];
  for (const [what, fg, bg] of pairs) {
    assert.ok(contrast(fg, bg) >= 4.5, `${what}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`);
    assert.ok(css.toLowerCase().includes(fg.toLowerCase()) || fg === '#ffffff', `${what}: ${fg} is used in app.css`);
  }
  assert.ok(contrast(variable('focus'), surface) >= 3, 'focus ring on light surfaces');
  assert.ok(contrast('#9cc0ff', '#141821') >= 3, 'focus ring in the call area');
  assert.match(css, /:focus-visible\s*\{\s*outline: 3px solid var\(--focus\)/);
});
