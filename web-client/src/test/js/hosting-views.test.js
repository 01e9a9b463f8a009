import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { run } from './support/reduce.js';
import { initialState } from '../../main/js/js/room-state.js';
import { beginJoin } from '../../main/js/js/membership-state.js';
import { ModerationView } from '../../main/js/js/moderation-view.js';
import { HandsView } from '../../main/js/js/hands-view.js';
import { REACTION_SHOWN_MS, ReactionsView } from '../../main/js/js/reactions-view.js';
import { WaitingRoomView } from '../../main/js/js/waiting-room-view.js';
import { buildRoomItem } from '../../main/js/js/lobby-view.js';
import { FakeDocument } from './support/fake-dom.js';
import { ANN, BOB, joined } from './support/protocol-events.js';

const HOSTILE = '<img src=x onerror="alert(1)">';

function stateOf(self, others, extra = {}) {
  return run(beginJoin(initialState(), { roomId: 'r1', password: null }), joined({ self, participants: others, ...extra })).state;
}

/** Tiles as the tile view makes them: one element per participant, 'self' for the own. */
function page() {
  const doc = new FakeDocument();
  const tiles = new Map();
  const tile = id => {
    if (!tiles.has(id)) {
      const node = doc.createElement('div');
      node.setAttribute('data-participant-id', id);
      tiles.set(id, node);
    }
    return tiles.get(id);
  };
  return { doc, tile, sidebar: doc.createElement('aside'), controls: doc.createElement('div'), notices: doc.createElement('div') };
}

const byId = (root, id) => root.descendants().find(node => node.getAttribute('id') === id);
const click = node => node.dispatch('click');

describe('ModerationView', () => {
  function moderation(state) {
    const p = page();
    const calls = [];
    const view = new ModerationView({
      doc: p.doc, sidebar: p.sidebar, notices: p.notices, findTile: p.tile,
      actions: { host: (action, options) => calls.push([action, options]), unmute: () => calls.push(['unmute']) },
    });
    view.render(state);
    return { ...p, view, calls };
  }

  test('only a host sees the host panel and a host menu on the others\' tiles', () => {
    const host = moderation(stateOf({ ...ANN, role: 'host' }, [{ ...BOB, role: 'participant' }]));
    assert.equal(byId(host.sidebar, 'host-panel').hidden, false);
    const menuButton = host.tile('pBob').byClass('host-menu-button')[0];
    assert.equal(menuButton.hidden, false);
    assert.equal(menuButton.getAttribute('aria-label'), 'Host actions for Bob');
    assert.equal(host.tile('self').byClass('tile-role')[0].textContent, 'Host');

    const guest = moderation(stateOf({ ...BOB, role: 'participant' }, [{ ...ANN, role: 'host' }]));
    assert.equal(byId(guest.sidebar, 'host-panel').hidden, true);
    assert.equal(guest.tile('pAnn').byClass('host-menu-button')[0].hidden, true);
    assert.equal(guest.tile('pAnn').byClass('tile-role')[0].textContent, 'Host');
    assert.equal(guest.tile('self').byClass('tile-role')[0].hidden, true);
  });

  test('a host menu item acts on its participant, and the menu closes', () => {
    const host = moderation(stateOf({ ...ANN, role: 'host' }, [{ ...BOB, role: 'participant' }]));
    const tile = host.tile('pBob');
    click(tile.byClass('host-menu-button')[0]);
    const menu = tile.byClass('host-menu')[0];
    assert.equal(menu.hidden, false);
    const items = menu.children.map(item => item.getAttribute('data-host-action'));
    assert.deepEqual(items, ['mute', 'make-co-host', 'make-host', 'remove']);
    click(menu.children.find(item => item.getAttribute('data-host-action') === 'remove'));
    assert.deepEqual(host.calls, [['remove', { participantId: 'pBob' }]]);
    assert.equal(menu.hidden, true);
  });

  test('the panel toggles what is set, lists who waits with admit and deny, and ends only on a second click', () => {
    const host = moderation(stateOf({ ...ANN, role: 'host' }, [], {
      settings: { locked: true, waitingRoom: true },
      waiting: [{ knockId: 'k1', displayName: HOSTILE, knockedAt: null }],
    }));
    const lock = byId(host.sidebar, 'host-lock');
    assert.equal(lock.getAttribute('aria-pressed'), 'true');
    click(lock);
    click(byId(host.sidebar, 'host-microphones'));
    const [knock] = byId(host.sidebar, 'waiting-list').children;
    assert.equal(knock.getAttribute('data-knock-id'), 'k1');
    assert.equal(knock.byClass('knock-name')[0].textContent, HOSTILE);
    assert.ok(!host.doc.created.some(node => node.tagName === 'IMG'));
    click(knock.children.find(b => b.getAttribute('data-knock-action') === 'deny'));
    const end = byId(host.sidebar, 'host-end');
    click(end);
    assert.equal(end.getAttribute('data-confirming'), 'true');
    assert.ok(!host.calls.some(([action]) => action === 'end'), 'one click does not end the meeting');
    click(end);
    assert.deepEqual(host.calls, [
      ['lock', { locked: false }], ['microphones', { hostsControl: true }], ['deny', { knockId: 'k1' }], ['end', {}],
    ]);
  });

  test('setting a password sends it once and empties the field; removing sends null', () => {
    const host = moderation(stateOf({ ...ANN, role: 'host' }, [], { settings: { passwordRequired: true } }));
    const input = byId(host.sidebar, 'host-password');
    input.value = 's3cret';
    byId(host.sidebar, 'host-password-form').dispatch('submit');
    click(byId(host.sidebar, 'host-password-clear'));
    assert.deepEqual(host.calls, [['password', { password: 's3cret' }], ['password', { password: null }]]);
    assert.equal(input.value, '');
  });

  test('while the hosts hold the microphone the mute button says so and is disabled', () => {
    const p = page();
    const toggleAudio = p.doc.createElement('button');
    const view = new ModerationView({ doc: p.doc, sidebar: p.sidebar, notices: p.notices, findTile: p.tile,
      actions: { host() {}, unmute() {} }, toggleAudio });
    view.render(stateOf({ ...BOB, role: 'participant', audioMuted: true, mayUnmute: false }, [{ ...ANN, role: 'host' }]));
    assert.equal(toggleAudio.disabled, true);
    assert.equal(toggleAudio.textContent, 'Muted by host');
    toggleAudio.disabled = false;
    view.render(stateOf({ ...BOB, role: 'participant', audioMuted: true, mayUnmute: true }, [{ ...ANN, role: 'host' }]));
    assert.equal(toggleAudio.disabled, false, 'asked to unmute: the button is the call controls\' again');
    assert.equal(toggleAudio.getAttribute('data-held-by-host'), 'false');
  });

  test('a notice says what a host did, in a live region, and an unmute request offers to unmute', () => {
    const guest = moderation(stateOf({ ...BOB, role: 'participant' }, [{ ...ANN, role: 'host' }]));
    guest.view.showNotice({ kind: 'unmute-request', text: 'Ann asks you to unmute.' });
    const box = byId(guest.notices, 'moderation-notice');
    assert.equal(box.getAttribute('aria-live'), 'polite');
    assert.equal(box.hidden, false);
    assert.equal(byId(guest.notices, 'moderation-notice-text').textContent, 'Ann asks you to unmute.');
    click(byId(guest.notices, 'notice-unmute'));
    assert.deepEqual(guest.calls, [['unmute']]);
    assert.equal(box.hidden, true);
  });
});

describe('HandsView, ReactionsView, WaitingRoomView and the lobby', () => {
  test('the queue lists hands in order, tiles show their place, and the button says what it does', () => {
    const p = page();
    const lowered = [];
    const view = new HandsView({ doc: p.doc, controls: p.controls, sidebar: p.sidebar, findTile: p.tile,
      actions: { toggleHand: () => lowered.push('own'), lowerHand: id => lowered.push(id) } });
    const state = stateOf({ ...ANN, role: 'host' }, [{ ...BOB, role: 'participant' }], {
      hands: [{ participantId: 'pBob', raisedAt: null }, { participantId: 'pAnn', raisedAt: null }],
    });
    view.render(state);
    const queue = byId(p.sidebar, 'hands-queue');
    assert.deepEqual(queue.children.map(item => item.byClass('hand-name')[0].textContent), ['Bob', 'Ann (you)']);
    assert.equal(p.tile('pBob').getAttribute('data-hand'), '1');
    assert.equal(p.tile('pBob').byClass('tile-hand')[0].getAttribute('aria-label'), 'Hand raised, 1st in line');
    assert.equal(p.tile('self').getAttribute('data-hand'), '2');
    const button = byId(p.controls, 'raise-hand');
    assert.equal(button.getAttribute('aria-pressed'), 'true');
    assert.equal(button.textContent, 'Lower hand');
    click(queue.children[0].children.find(b => b.getAttribute('data-hand-action') === 'lower'));
    click(button);
    assert.deepEqual(lowered, ['pBob', 'own']);

    view.render({ ...state, hands: [] });
    assert.equal(byId(p.sidebar, 'hands-panel').hidden, true);
    assert.equal(p.tile('pBob').byClass('tile-hand')[0].hidden, true);
  });

  test('a reaction shows over the tile for a while and is announced in words', () => {
    const p = page();
    const timers = [];
    const sent = [];
    const view = new ReactionsView({ doc: p.doc, controls: p.controls, announcerParent: p.notices, findTile: p.tile,
      actions: { react: emoji => sent.push(emoji) }, setTimer: (fn, ms) => timers.push([fn, ms]) });
    const buttons = byId(p.controls, 'reactions').children;
    assert.equal(buttons.length, 8);
    assert.equal(buttons[0].getAttribute('aria-label'), 'React with thumbs up');
    click(buttons[1]);
    assert.deepEqual(sent, ['👏']);

    view.show({ participantId: 'pBob', emoji: '🎉', text: 'Bob reacted with party.' });
    const [shown] = p.tile('pBob').byClass('tile-reaction');
    assert.equal(shown.textContent, '🎉');
    assert.equal(shown.getAttribute('aria-hidden'), 'true');
    assert.equal(byId(p.notices, 'reaction-announcer').textContent, 'Bob reacted with party.');
    assert.equal(timers[0][1], REACTION_SHOWN_MS);
    timers[0][0]();
    assert.equal(p.tile('pBob').byClass('tile-reaction').length, 0);
  });

  test('the waiting screen names the room as text and cancels', () => {
    const p = page();
    let cancelled = 0;
    const view = new WaitingRoomView({ doc: p.doc, parent: p.sidebar, actions: { cancel: () => { cancelled += 1; } } });
    view.render({ ...initialState(), phase: 'waiting', waiting: { roomId: 'r1', roomName: HOSTILE, knockId: 'k1' } });
    assert.equal(byId(p.sidebar, 'waiting-view').hidden, false);
    assert.equal(byId(p.sidebar, 'waiting-room-name').textContent, HOSTILE);
    click(byId(p.sidebar, 'waiting-cancel'));
    assert.equal(cancelled, 1);
    view.render(initialState());
    assert.equal(byId(p.sidebar, 'waiting-view').hidden, true);
  });

  test('the lobby tells a locked room from one with a password or a waiting room', () => {
    const doc = new FakeDocument();
    const locked = buildRoomItem(doc, { roomId: 'a', name: 'A', participants: 1, capacity: 6, locked: true });
    const guarded = buildRoomItem(doc, { roomId: 'b', name: 'B', participants: 1, capacity: 6, passwordRequired: true,
      waitingRoom: true });
    assert.equal(locked.root.getAttribute('data-locked'), 'true');
    assert.equal(locked.lock.getAttribute('aria-label'), 'Locked by the host: nobody new can join');
    assert.equal(guarded.root.getAttribute('data-locked'), 'false');
    assert.equal(guarded.root.getAttribute('data-password-required'), 'true');
    assert.equal(guarded.lock.getAttribute('aria-label'), 'Password required; A host lets you in');
  });
});
