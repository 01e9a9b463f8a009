import { test } from 'node:test';
import assert from 'node:assert/strict';

import { SignInView, fetchSession, signInState } from '../../main/js/js/sign-in-view.js';
import { errorText } from '../../main/js/js/errors.js';
import { FakeDocument } from './support/fake-dom.js';

const SIGNED_IN_ONLY = { roomCreation: 'signed-in', signedIn: false, user: null, signInUrl: '/login', signOutUrl: '/logout' };

test('when only signed-in hosts create rooms, a guest is offered sign-in and may not create', () => {
  const state = signInState(SIGNED_IN_ONLY);
  assert.equal(state.mayCreate, false);
  assert.match(state.text, /Only signed-in hosts can create rooms/);
  assert.deepEqual(state.link, { href: '/login', text: 'Sign in to create rooms' });
});

test('a signed-in host sees who they are and may sign out', () => {
  const state = signInState({ ...SIGNED_IN_ONLY, signedIn: true, user: 'ann' });
  assert.equal(state.mayCreate, true);
  assert.equal(state.text, 'Signed in as ann');
  assert.deepEqual(state.link, { href: '/logout', text: 'Sign out' });
});

test('on a server where anyone creates rooms, sign-in is offered only where it exists', () => {
  assert.deepEqual(signInState({ roomCreation: 'anyone', signedIn: false, signInUrl: null }),
    { mayCreate: true, text: '', link: null });
  assert.equal(signInState({ roomCreation: 'anyone', signedIn: false, signInUrl: '/login' }).link.text, 'Host sign-in');
  assert.equal(signInState(null).mayCreate, true);
});

test('the view shows the text and link as text', () => {
  const doc = new FakeDocument();
  const elements = { box: doc.createElement('div'), text: doc.createElement('p'), link: doc.createElement('a') };
  const view = new SignInView(elements);

  view.render({ ...SIGNED_IN_ONLY, signedIn: true, user: '<b>ann</b>' });

  assert.equal(elements.text.textContent, 'Signed in as <b>ann</b>');
  assert.equal(elements.link.getAttribute('href'), '/logout');
  assert.equal(elements.box.getAttribute('data-may-create'), 'true');
  view.render(SIGNED_IN_ONLY);
  assert.equal(view.mayCreate, false);
  assert.equal(elements.box.getAttribute('data-may-create'), 'false');
});

test('a server that cannot say leaves the page as it was', async () => {
  assert.equal(await fetchSession(async () => ({ ok: false }), 'http://localhost/'), null);
  assert.equal(await fetchSession(async () => { throw new Error('offline'); }, 'http://localhost/'), null);
  const info = await fetchSession(async url => ({ ok: String(url) === 'http://localhost/session', json: async () => SIGNED_IN_ONLY }),
    'http://localhost/');
  assert.deepEqual(info, SIGNED_IN_ONLY);
});

test('every refusal of a server on the internet has a text', () => {
  for (const code of ['password-checks-busy', 'too-many-attempts', 'too-many-rooms-created', 'too-many-unjoined-rooms',
    'sign-in-required', 'too-many-connections']) {
    assert.doesNotMatch(errorText(code, null), /Something went wrong/, code);
  }
});
