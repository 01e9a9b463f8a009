import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SHORTCUTS, shortcutFor } from '../../main/js/js/shortcuts.js';

const key = (k, extra = {}) => ({ key: k, target: { tagName: 'BODY' }, ...extra });

test('single keys stand for the call actions, upper or lower case', () => {
  assert.equal(shortcutFor(key('m')), 'toggle-audio');
  assert.equal(shortcutFor(key('M', { shiftKey: true })), 'toggle-audio');
  assert.equal(shortcutFor(key('v')), 'toggle-video');
  assert.equal(shortcutFor(key('?', { shiftKey: true })), 'show-help');
  assert.equal(shortcutFor(key('x')), null);
});

test('never while typing, with Ctrl, Alt or Meta, on a repeat or while an IME composes', () => {
  for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) assert.equal(shortcutFor(key('m', { target: { tagName } })), null, tagName);
  assert.equal(shortcutFor(key('m', { target: { tagName: 'DIV', isContentEditable: true } })), null);
  assert.equal(shortcutFor(key('m', { ctrlKey: true })), null);
  assert.equal(shortcutFor(key('m', { altKey: true })), null);
  assert.equal(shortcutFor(key('m', { metaKey: true })), null);
  assert.equal(shortcutFor(key('m', { repeat: true })), null);
  assert.equal(shortcutFor(key('m', { isComposing: true })), null);
});

test('every shortcut has its own key and is documented in the web client README', () => {
  assert.equal(new Set(SHORTCUTS.map(s => s.key)).size, SHORTCUTS.length);
  const here = dirname(fileURLToPath(import.meta.url));
  const readme = readFileSync(join(here, '../../../README.md'), 'utf8');
  for (const { key: k, description } of SHORTCUTS) {
    assert.match(readme, new RegExp(`\\| \`${k === '?' ? '\\?' : k.toUpperCase()}\` \\| ${description} \\|`), `README lists ${k}`);
  }
});
