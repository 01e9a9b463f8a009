import { test } from 'node:test';
import assert from 'node:assert/strict';

import { applyServerEvent } from '../../main/js/js/server-events.js';
import { beginJoin } from '../../main/js/js/membership-state.js';
import { initialState } from '../../main/js/js/room-state.js';

// `media-server` (docs/signaling-protocol.md): the room's media server went away or is back. The page
// shows a notice in that room while video waits for the server; chat and the room are unaffected.

const ROOM = { roomId: 'r1', name: 'Standup', participants: 1, capacity: 6, locked: false };
const ANN = { participantId: 'pAnn', displayName: 'Ann', sendsAudio: true, sendsVideo: true, audioMuted: false, videoMuted: false };
const joined = { type: 'joined', room: ROOM, self: ANN, participants: [], chat: [], iceServers: [] };

function inRoom() {
  return applyServerEvent(beginJoin(initialState(), { roomId: 'r1', password: null }), joined).state;
}

test('a media server that went away marks the room until it is back', () => {
  const away = applyServerEvent(inRoom(), { type: 'media-server', roomId: 'r1', available: false });
  assert.equal(away.state.mediaServerAwayIn, 'r1');
  assert.deepEqual(away.effects, []);

  const back = applyServerEvent(away.state, { type: 'media-server', roomId: 'r1', available: true });
  assert.equal(back.state.mediaServerAwayIn, null);
});

test('news about another room, or outside a room, changes nothing', () => {
  const state = inRoom();
  assert.equal(applyServerEvent(state, { type: 'media-server', roomId: 'r2', available: false }).state, state);
  const lobby = initialState();
  assert.equal(applyServerEvent(lobby, { type: 'media-server', roomId: 'r1', available: false }).state, lobby);
});
