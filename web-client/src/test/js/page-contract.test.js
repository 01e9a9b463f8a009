/**
 * Structural checks of the page that the browser would otherwise only reveal at run time: the DOM
 * hooks the end-to-end tests rely on, ids main.js looks up, the import map's WebJar path, and the
 * rules "stompjs in one module" and "no markup sinks".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = join(here, '../../main/js');
const moduleDir = join(webRoot, 'js');
const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
const modules = readdirSync(moduleDir)
  .filter(name => name.endsWith('.js'))
  .map(name => ({ name, source: readFileSync(join(moduleDir, name), 'utf8') }));

/** The opening tag of the element with this id, or undefined. */
const tagWithId = id => html.match(new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`))?.[0];

test('index.html has every hook the end-to-end tests use', () => {
  const ids = [
    'display-name', 'room-list', 'create-room-name', 'create-room-capacity', 'create-room-password',
    'create-room-button', 'password-dialog', 'join-password', 'join-password-submit', 'error-banner',
    'lobby-view', 'room-view', 'room-title', 'local-video', 'media-notice', 'tiles', 'participant-list',
    'chat-log', 'chat-input', 'chat-send', 'leave-button', 'connection-status',
    'prejoin-view', 'prejoin-name', 'prejoin-join', 'prejoin-muted', 'prejoin-camera-off', 'prejoin-camera', 'prejoin-mic',
    'prejoin-meter', 'prejoin-advice', 'room-missing-view', 'room-missing-lobby', 'copy-invite', 'stage', 'strip',
    'toggle-audio', 'toggle-video', 'toggle-share', 'toggle-chat', 'chat-unread', 'toggle-layout', 'side-panel',
    'help-dialog', 'shortcut-list', 'announcer', 'uplink-notice', 'create-room-private', 'room-list-hidden',
  ];
  for (const id of ids) assert.ok(tagWithId(id), `#${id} is missing`);
  assert.match(tagWithId('create-room-capacity'), /type="number"/);
  assert.match(tagWithId('password-dialog'), /\shidden/);
  assert.match(tagWithId('error-banner'), /\shidden/);
  assert.match(tagWithId('error-banner'), /data-error-code=""/);
  assert.match(tagWithId('room-view'), /\shidden/);
  assert.doesNotMatch(tagWithId('lobby-view'), /\shidden/);
  assert.match(tagWithId('connection-status'), /data-state="connecting"/);
  const localVideo = tagWithId('local-video');
  assert.match(localVideo, /^<video/);
  for (const attribute of ['muted', 'autoplay', 'playsinline']) assert.match(localVideo, new RegExp(`\\s${attribute}[\\s>]`));
  assert.match(html, /<div id="self-tile" class="tile self"[^>]*>\s*<video id="local-video"/, 'own preview sits in .tile.self');
  assert.match(html, /<div id="tiles"[^>]*>\s*<div id="stage"[^>]*><\/div>\s*<div id="strip"/, 'the call area holds the stage and the strip');
  for (const id of ['prejoin-view', 'room-missing-view', 'help-dialog', 'settings-dialog']) assert.match(tagWithId(id), /\shidden/, id);
});

test('every id an aria attribute or a label points at exists', () => {
  const refs = [...html.matchAll(/\s(?:aria-controls|aria-labelledby|for)="([^"]+)"/g)].flatMap(m => m[1].split(/\s+/));
  assert.ok(refs.length > 20);
  for (const id of refs) assert.ok(tagWithId(id), `#${id} is referenced but missing`);
});

test('the page has a favicon, served from the app itself (no /favicon.ico 404)', () => {
  assert.match(html, /<link rel="icon" href="favicon\.svg"/);
  const svg = readFileSync(join(webRoot, 'favicon.svg'), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const ico = readFileSync(join(webRoot, 'favicon.ico'));
  assert.deepEqual([...ico.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header');
});

test('the live region for announcements is polite and not hidden from assistive technology', () => {
  const region = tagWithId('announcer');
  assert.match(region, /aria-live="polite"/);
  assert.doesNotMatch(region, /aria-hidden/);
  assert.doesNotMatch(html, /class="tile-status"[^>]*aria-hidden/);
});

test('main.js reads the app root from document.baseURI once, before the address changes', () => {
  const main = modules.find(m => m.name === 'main.js').source;
  assert.equal(main.match(/document\.baseURI/g).length, 2, 'the declaration of appRoot and its comment');
  assert.match(main, /const appRoot = new URL\('\.', document\.baseURI\)\.href;/);
});

test('every id main.js looks up exists in index.html', () => {
  const main = modules.find(m => m.name === 'main.js').source;
  const ids = [...main.matchAll(/byId\('([^']+)'\)/g)].map(m => m[1]);
  assert.ok(ids.length > 20);
  for (const id of ids) assert.ok(tagWithId(id), `main.js needs #${id}`);
});

test('forms do not let browser validation swallow a submit the server should judge', () => {
  for (const form of html.match(/<form[^>]*>/g)) assert.match(form, /novalidate/);
});

test('only stomp-transport.js imports @stomp/stompjs', () => {
  const importers = modules.filter(m => /from\s+['"]@stomp\/stompjs['"]/.test(m.source)).map(m => m.name);
  assert.deepEqual(importers, ['stomp-transport.js']);
});

test('no module writes markup from strings', () => {
  for (const { name, source } of modules) {
    assert.doesNotMatch(source, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment/, name);
  }
});

test('no module calls array methods on a live HTMLCollection (children, options)', () => {
  for (const { name, source } of modules) {
    assert.doesNotMatch(source, /\.(children|options)\.(every|map|filter|some|find|forEach|reduce|includes|indexOf)\(/, name);
  }
});

test('no module invents media tracks', () => {
  for (const { name, source } of modules) {
    assert.doesNotMatch(source, /captureStream|createElement\(['"]canvas|createMediaStreamDestination|createOscillator|createConstantSource/, name);
    // WebAudio only measures levels for the active speaker, and only in that module.
    if (name !== 'audio-level.js') assert.doesNotMatch(source, /AudioContext/, name);
  }
});

test('nothing is loaded from outside the server', () => {
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
  const css = readFileSync(join(webRoot, 'css/app.css'), 'utf8');
  assert.doesNotMatch(css, /@import|url\(/);
});

test('the import map points at the ESM entry of the stompjs WebJar the build depends on', () => {
  const map = JSON.parse(html.match(/<script type="importmap">([\s\S]*?)<\/script>/)[1]);
  const target = map.imports['@stomp/stompjs'];
  const parentPom = readFileSync(join(here, '../../../../pom.xml'), 'utf8');
  const version = parentPom.match(/<stompjs\.webjar\.version>([^<]+)</)[1];
  assert.equal(target, `./webjars/stomp__stompjs/${version}/esm6/index.js`);
  // The import map must come before the first module script, or browsers ignore it.
  assert.ok(html.indexOf('type="importmap"') < html.indexOf('type="module"'));

  const jar = join(homedir(), `.m2/repository/org/webjars/npm/stomp__stompjs/${version}/stomp__stompjs-${version}.jar`);
  // Maven resolves the WebJar before this test runs; outside Maven, build once first.
  assert.ok(existsSync(jar), `${jar} is not in the local repository: run the tests through Maven`);
  // Zip entry names are stored uncompressed, so the path shows up in the jar's bytes.
  const entry = `META-INF/resources/webjars/stomp__stompjs/${version}/esm6/index.js`;
  assert.ok(readFileSync(jar).includes(Buffer.from(entry)), `${entry} is not in ${jar}`);
});
