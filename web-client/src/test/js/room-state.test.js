import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { initialState, toLobby } from '../../main/js/js/room-state.js';
import { MAX_CHAT_MESSAGES, appendChat, chatRequest } from '../../main/js/js/chat-state.js';
import { MEMBERSHIP_EVENTS } from '../../main/js/js/membership-state.js';
import { LINK_EVENTS } from '../../main/js/js/link-state.js';
import { CHAT_EVENTS } from '../../main/js/js/chat-state.js';
import { RESTART_EVENTS, reconnectedForRejoin, rejoinFromLobby, rejoinSetback } from '../../main/js/js/reconnect-state.js';
import { applyServerEvent } from '../../main/js/js/server-events.js';
import { beginJoin } from '../../main/js/js/membership-state.js';
import { joined, linkOpen } from './support/protocol-events.js';

// The pure pieces the reducer modules share and export; the event rules are in server-events.test.js.

const inRoom = () => {
  let state = beginJoin(initialState(), { roomId: 'r1', password: 'pw' });
  state = applyServerEvent(state, joined({ resumeToken: 'secret-1' })).state;
  return applyServerEvent(state, linkOpen('l1')).state;
};

describe('room state', () => {
  test('back in the lobby everything about the room is gone; the room list and a create in flight stay', () => {
    const room = { ...inRoom(), reconnecting: true, pendingCreate: { password: null, displayName: 'Ann' } };
    const lobby = toLobby(room);
    assert.deepEqual(
      { ...lobby, lobby: undefined, pendingCreate: undefined },
      { ...initialState(), lobby: undefined, pendingCreate: undefined },
    );
    assert.equal(lobby.lobby, room.lobby);
    assert.equal(lobby.pendingCreate, room.pendingCreate);
  });

  test('every event type is handled by exactly one reducer module', () => {
    const types = [MEMBERSHIP_EVENTS, LINK_EVENTS, CHAT_EVENTS, RESTART_EVENTS].flatMap(table => Object.keys(table));
    assert.equal(new Set(types).size, types.length);
    for (const type of ['rooms', 'joined', 'link-open', 'sdp', 'chat', 'server-restarting', 'error']) {
      assert.ok(types.includes(type), type);
    }
  });
});

describe('chat state', () => {
  test('a request goes to the current room with the text as typed; blank text or no room sends nothing', () => {
    assert.deepEqual(chatRequest(inRoom(), ' hello '), { roomId: 'r1', text: ' hello ' });
    assert.equal(chatRequest(inRoom(), ' \n '), null);
    assert.equal(chatRequest(inRoom(), 42), null);
    assert.equal(chatRequest(initialState(), 'hello'), null);
  });

  test('the log keeps the newest messages only, in order', () => {
    const messages = Array.from({ length: MAX_CHAT_MESSAGES + 2 }, (_, i) => ({ messageId: `m${i}`, text: `${i}` }));
    const chat = appendChat([], messages);
    assert.equal(chat.length, MAX_CHAT_MESSAGES);
    assert.equal(chat[0].messageId, 'm2');
    assert.equal(chat.at(-1).messageId, `m${MAX_CHAT_MESSAGES + 1}`);
    assert.equal(chat[0].authorName, '', 'missing fields become plain values');
  });
});

describe('rejoin after a server restart', () => {
  const waiting = () => applyServerEvent(inRoom(), { type: 'server-restarting', roomId: 'r1' }).state;

  test('nothing happens on the old server: the rejoin waits for a reconnect', () => {
    const state = waiting();
    assert.deepEqual(state.rejoin, {
      roomName: 'Standup', capacity: 6, password: 'pw', displayName: 'Ann', reconnected: false, creating: false,
      slug: null, privateLink: false, attempts: 0,
    });
    assert.deepEqual(rejoinFromLobby({ ...state, lobby: { ...state.lobby, rooms: [{ roomId: 'r9', name: 'Standup' }] } }).effects, []);
    assert.equal(reconnectedForRejoin(initialState()).rejoin, null);
  });

  test('once reconnected the room is joined by name, or created when nobody re-created it yet', () => {
    const back = reconnectedForRejoin(waiting());
    const found = rejoinFromLobby({ ...back, lobby: { ...back.lobby, rooms: [{ roomId: 'r9', name: 'Standup' }] } });
    assert.deepEqual(found.effects, [{ type: 'join-room', roomId: 'r9', password: 'pw', displayName: 'Ann' }]);
    assert.equal(found.state.rejoin, null);

    const created = rejoinFromLobby(back);
    assert.deepEqual(created.effects, [{
      type: 'send', destination: '/app/room.create', body: { name: 'Standup', capacity: 6, password: 'pw' },
    }]);
    assert.equal(created.state.rejoin.creating, true);
    assert.deepEqual(created.state.pendingCreate, { password: 'pw', displayName: 'Ann' });
  });

  test('a refused create or the old server stopping is a setback, not an error; other errors are not', () => {
    const creating = rejoinFromLobby(reconnectedForRejoin(waiting())).state;
    const setback = rejoinSetback(creating, { type: 'error', code: 'room-name-taken', destination: '/app/room.create' });
    assert.deepEqual(setback.effects, []);
    assert.equal(setback.state.rejoin.creating, false);
    assert.equal(setback.state.pendingCreate, null);
    assert.ok(rejoinSetback(waiting(), { type: 'error', code: 'server-restarting', destination: '/app/lobby.rooms' }));
    assert.equal(rejoinSetback(waiting(), { type: 'error', code: 'rate-limited', destination: '/app/lobby.rooms' }), null);
    assert.equal(rejoinSetback(inRoom(), { type: 'error', code: 'server-restarting' }), null);
  });
});
