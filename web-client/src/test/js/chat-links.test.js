import { test } from 'node:test';
import assert from 'node:assert/strict';

import { linkify, safeHref } from '../../main/js/js/chat-links.js';
import { buildChatMessage } from '../../main/js/js/chat-view.js';
import { FakeDocument } from './support/fake-dom.js';

test('http and https links become links; the text around them stays text', () => {
  assert.deepEqual(linkify('see https://example.org/a?b=1#c, then http://x.test.'), [
    { text: 'see ' },
    { text: 'https://example.org/a?b=1#c', href: 'https://example.org/a?b=1#c' },
    { text: ', then ' },
    { text: 'http://x.test', href: 'http://x.test/' },
    { text: '.' },
  ]);
  assert.deepEqual(linkify('www.example.org'), [{ text: 'www.example.org', href: 'https://www.example.org/' }]);
  assert.deepEqual(linkify('(see https://en.wikipedia.org/wiki/A_(b))').map(p => p.text),
    ['(see ', 'https://en.wikipedia.org/wiki/A_(b)', ')']);
  assert.deepEqual(linkify(''), [{ text: '' }]);
});

test('no other scheme is ever a link, and credentials in a URL are refused', () => {
  for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x', 'ftp://x.test']) {
    assert.ok(linkify(text).every(part => !part.href), text);
  }
  assert.equal(safeHref('https://user:pw@evil.test/'), null);
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(linkify('https://"><img src=x onerror=alert(1)>').filter(p => p.href).length, 0, 'quotes and brackets end a URL');
  assert.deepEqual(linkify('https://a.test/"onmouseover="x').map(p => p.href ?? null), ['https://a.test/', null]);
});

test('a message with a link renders an <a> with a checked href, rel=noopener noreferrer, and text only', () => {
  const doc = new FakeDocument();
  const item = buildChatMessage(doc, {
    messageId: 'm1', authorId: 'p1', authorName: 'Ann',
    text: 'docs at https://example.org/<b>x</b> and javascript:alert(1)', sentAt: null,
  }, 'p2');
  const [text] = item.byClass('chat-text');
  const links = text.children.filter(n => n.tagName === 'A');
  assert.equal(links.length, 1);
  assert.equal(links[0].getAttribute('href'), 'https://example.org/', 'a bracket ends the URL');
  assert.equal(links[0].getAttribute('rel'), 'noopener noreferrer');
  assert.equal(links[0].getAttribute('target'), '_blank');
  assert.equal(links[0].textContent, 'https://example.org/');
  assert.equal(text.textContent, 'docs at https://example.org/<b>x</b> and javascript:alert(1)');
  assert.ok(!doc.created.some(n => n.tagName === 'B'));
});
