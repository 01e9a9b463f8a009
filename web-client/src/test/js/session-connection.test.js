import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ROOMS_RETRY_MS, SessionConnection } from '../../main/js/js/session-connection.js';
import { applyServerEvent } from '../../main/js/js/server-events.js';
import { initialState } from '../../main/js/js/room-state.js';
import { beginJoin } from '../../main/js/js/membership-state.js';
import { joined, linkOpen } from './support/protocol-events.js';

// What each change of the signaling connection means for the room state, without a RoomSession.

function connection({ loaded = false } = {}) {
  const sentLater = [];
  const timers = [];
  const c = new SessionConnection({
    send: (destination, body) => sentLater.push({ destination, body }),
    roomListLoaded: () => loaded,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
  return { c, sentLater, timers };
}

const inRoom = () => {
  const state = applyServerEvent(beginJoin(initialState(), { roomId: 'r1' }), joined({ resumeToken: 'secret-1' })).state;
  return applyServerEvent(state, linkOpen('l1')).state;
};
const destinations = effects => effects.map(e => (e.type === 'send' ? e.destination : e.type));

test('connecting asks for the room list, and once more after a while if none came', () => {
  const { c, sentLater, timers } = connection();
  const { state, effects } = c.connected(initialState());
  assert.equal(c.status, 'connected');
  assert.deepEqual(state, initialState());
  assert.deepEqual(effects, [{ type: 'send', destination: '/app/lobby.rooms', body: {} }]);
  assert.deepEqual(timers.map(t => t.ms), [ROOMS_RETRY_MS]);
  timers[0].fn();
  assert.deepEqual(sentLater, [{ destination: '/app/lobby.rooms', body: {} }]);
});

test('no second room-list request once the list came, or once the connection is gone again', () => {
  const loaded = connection({ loaded: true });
  loaded.c.connected(initialState());
  loaded.timers[0].fn();
  assert.deepEqual(loaded.sentLater, []);

  const dropped = connection();
  dropped.c.connected(initialState());
  dropped.c.interrupted(initialState());
  dropped.timers[0].fn();
  assert.deepEqual(dropped.sentLater, []);
});

test('a drop in a room keeps room, links and media; connected again resumes the seat first', () => {
  const { c } = connection();
  c.connected(initialState());
  const dropped = c.interrupted(inRoom());
  assert.equal(c.status, 'reconnecting');
  assert.equal(dropped.state.reconnecting, true);
  assert.deepEqual(dropped.effects, []);
  const back = c.connected(dropped.state);
  assert.deepEqual(back.effects[0], {
    type: 'send', destination: '/app/room.resume', body: { roomId: 'r1', participantId: 'pAnn', resumeToken: 'secret-1' },
  });
  assert.deepEqual(destinations(back.effects), ['/app/room.resume', '/app/lobby.rooms']);
});

test('a join in flight is given up on a drop, releasing its media; a create in flight is forgotten', () => {
  const { c } = connection();
  const joining = { ...beginJoin(initialState(), { roomId: 'r1' }), pendingCreate: { password: null, displayName: 'A' } };
  const { state, effects } = c.interrupted(joining);
  assert.equal(state.phase, 'lobby');
  assert.equal(state.pendingCreate, null);
  assert.deepEqual(destinations(effects), ['join-failed']);
});

test('lost: back to the lobby, every link closed and the media released', () => {
  const { c } = connection();
  const { state, effects } = c.lost(inRoom());
  assert.equal(c.status, 'lost');
  assert.equal(state.phase, 'lobby');
  assert.deepEqual(destinations(effects), ['close-link', 'left']);
});

test('leaving offline keeps the seat to release once connected, exactly once', () => {
  const { c } = connection();
  c.connected(initialState());
  assert.deepEqual(c.leave(inRoom()), [{ type: 'send', destination: '/app/room.leave', body: {} }]);

  const dropped = c.interrupted(inRoom()).state;
  assert.deepEqual(c.leave(dropped), []);
  assert.deepEqual(destinations(c.connected(initialState()).effects), ['/app/room.release', '/app/lobby.rooms']);
  assert.deepEqual(destinations(c.connected(initialState()).effects), ['/app/lobby.rooms']);
});
