import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { applyServerEvent } from '../../main/js/js/server-events.js';
import { run } from './support/reduce.js';
import { initialState } from '../../main/js/js/room-state.js';
import { beginJoin } from '../../main/js/js/membership-state.js';
import { normalizeIceServers } from '../../main/js/js/link-state.js';
import { ANN, CAROL, ROOM, chat, joined, linkOpen } from './support/protocol-events.js';


const joining = () => beginJoin(initialState(), { roomId: 'r1', password: null });
const inRoom = () => run(joining(), joined()).state;

// ---- the pure protocol state machine ---------------------------------------------------------

describe('applyServerEvent', () => {
  test('rooms fills the lobby with rooms and capacity limits', () => {
    const { state } = run(initialState(), {
      type: 'rooms',
      defaultCapacity: 6,
      maxCapacity: 8,
      rooms: [{ ...ROOM, participants: 2, locked: true }],
    });
    assert.equal(state.lobby.defaultCapacity, 6);
    assert.equal(state.lobby.maxCapacity, 8);
    assert.equal(state.lobby.loaded, true);
    assert.deepEqual(state.lobby.rooms, [{
      ...ROOM, participants: 2, locked: true, passwordRequired: false, waitingRoom: false, slug: null, privateLink: false,
    }]);
    assert.equal(state.lobby.listed, true);
    const hidden = run(initialState(), { type: 'rooms', defaultCapacity: 6, maxCapacity: 8, rooms: [], listed: false });
    assert.equal(hidden.state.lobby.listed, false, 'the server hides its room list');
  });

  test('room-created after our own create asks to join it with the same password', () => {
    const start = { ...initialState(), pendingCreate: { password: 's3cret', displayName: 'Ann' } };
    const { state, effects } = run(start, { type: 'room-created', room: { ...ROOM, participants: 0 } });
    assert.equal(state.pendingCreate, null);
    assert.deepEqual(effects, [{
      type: 'join-room', roomId: 'r1', password: 's3cret', displayName: 'Ann', created: true,
      room: { ...ROOM, participants: 0, passwordRequired: false, waitingRoom: false, slug: null, privateLink: false },
    }]);
    // Without a create of ours, nothing happens.
    assert.deepEqual(run(initialState(), { type: 'room-created', room: ROOM }).effects, []);
  });

  test('joined enters the room with self, the others, chat history and the ICE servers', () => {
    const { state, effects } = run(joining(), joined());
    assert.equal(state.phase, 'in-room');
    assert.equal(state.self.participantId, 'pAnn');
    assert.deepEqual(state.participants.map(p => p.displayName), ['Bob']);
    assert.deepEqual(state.chat.map(m => m.text), ['hi']);
    assert.deepEqual(state.iceServers, [{ urls: ['stun:stun.example.org:3478'] }]);
    assert.deepEqual(effects, [{ type: 'joined', fresh: true }]);
  });

  test('a link announced before joined waits, then opens with the ICE servers already known', () => {
    const early = run(joining(), linkOpen('l1'));
    assert.equal(early.state.iceServers, null);
    assert.deepEqual(early.effects, [], 'no link may open before joined');
    const { state, effects } = run(early.state, joined());
    assert.ok(state.iceServers.length > 0);
    assert.deepEqual(effects.map(e => e.type), ['joined', 'open-link']);
    assert.equal(effects[1].link.linkId, 'l1');
  });

  test('link-open in the room opens it at once; sdp and ice go to known links only', () => {
    const { state, effects } = run(
      inRoom(),
      linkOpen('l1'),
      { type: 'sdp', linkId: 'l1', description: { type: 'offer', sdp: 'v=0\r\n' } },
      { type: 'ice', linkId: 'l1', candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } },
      { type: 'sdp', linkId: 'unknown', description: { type: 'offer', sdp: 'v=0\r\n' } },
    );
    assert.deepEqual(state.links.map(l => l.linkId), ['l1']);
    assert.deepEqual(effects.map(e => `${e.type}:${e.kind ?? ''}`), ['open-link:', 'signal:sdp', 'signal:ice']);
    assert.deepEqual(effects[0].link, {
      linkId: 'l1',
      publisherId: 'pBob',
      peerId: 'pBob',
      direction: 'receive',
      youOffer: false,
      polite: true,
    });
  });

  test('link-close closes that link and later signals for it are dropped', () => {
    const { state, effects } = run(
      inRoom(),
      linkOpen('l1'),
      { type: 'link-close', linkId: 'l1' },
      { type: 'ice', linkId: 'l1', candidate: { candidate: 'candidate:1' } },
      { type: 'link-close', linkId: 'l1' },
    );
    assert.deepEqual(state.links, []);
    assert.deepEqual(effects.map(e => e.type), ['open-link', 'close-link']);
    assert.equal(effects[1].publisherId, 'pBob');
  });

  test('participants join and leave live; leaving closes any link still tied to them', () => {
    const { state, effects } = run(
      inRoom(),
      { type: 'participant-joined', roomId: 'r1', participant: CAROL },
      linkOpen('lBob', { publisherId: 'pBob', peerId: 'pBob' }),
      linkOpen('lAnnToBob', { publisherId: 'pAnn', peerId: 'pBob', direction: 'send', youOffer: true, polite: false }),
      linkOpen('lAnnToCarol', { publisherId: 'pAnn', peerId: 'pCarol', direction: 'send', youOffer: true, polite: false }),
      { type: 'participant-left', roomId: 'r1', participantId: 'pBob', reason: 'disconnected' },
    );
    assert.deepEqual(state.participants.map(p => p.displayName), ['Carol']);
    assert.deepEqual(state.links.map(l => l.linkId), ['lAnnToCarol']);
    assert.deepEqual(
      effects.filter(e => e.type === 'close-link').map(e => e.linkId).sort(),
      ['lAnnToBob', 'lBob'],
    );
  });

  test('events for another room or from before joining are ignored', () => {
    const state = inRoom();
    const { state: after } = run(
      state,
      { type: 'participant-joined', roomId: 'other', participant: CAROL },
      { type: 'chat', roomId: 'other', message: { messageId: 'x', authorId: 'p', authorName: 'X', text: 'no' } },
    );
    assert.deepEqual(after.participants, state.participants);
    assert.deepEqual(after.chat, state.chat);
    assert.deepEqual(run(initialState(), linkOpen('l1')).state.links, []);
  });

  test('chat keeps history first, then live messages in arrival order, without duplicates', () => {
    const { state } = run(inRoom(), chat('m2', 'second'), chat('m3', '<b>third</b>', ANN), chat('m2', 'second'));
    assert.deepEqual(state.chat.map(m => `${m.messageId}:${m.text}`), ['m1:hi', 'm2:second', 'm3:<b>third</b>']);
    assert.equal(state.chat[2].authorName, 'Ann');
  });

  test('media-state updates the flags of self and of others', () => {
    const { state } = run(
      inRoom(),
      { type: 'media-state', roomId: 'r1', participantId: 'pBob', audioMuted: true, videoMuted: false },
      { type: 'media-state', roomId: 'r1', participantId: 'pAnn', audioMuted: false, videoMuted: true },
    );
    assert.equal(state.participants[0].audioMuted, true);
    assert.equal(state.self.videoMuted, true);
  });

  test('left returns to the lobby and closes every link', () => {
    const { state, effects } = run(inRoom(), linkOpen('l1'), { type: 'left', roomId: 'r1' });
    assert.equal(state.phase, 'lobby');
    assert.equal(state.room, null);
    assert.equal(state.iceServers, null);
    assert.deepEqual(effects.map(e => e.type), ['open-link', 'close-link', 'left']);
  });

  test('a failed join returns to the lobby; link-closed errors are silent', () => {
    const failed = run(joining(), {
      type: 'error',
      code: 'wrong-password',
      message: 'The password does not match',
      destination: '/app/room.join',
    });
    assert.equal(failed.state.phase, 'lobby');
    assert.deepEqual(failed.effects.map(e => e.type), ['error', 'join-failed']);
    assert.equal(failed.effects[0].message, 'The password does not match');

    const silent = run(inRoom(), { type: 'error', code: 'link-closed', message: 'closed', destination: '/app/link.ice' });
    assert.deepEqual(silent.effects, []);

    const inRoomError = run(inRoom(), { type: 'error', code: 'invalid-chat-message', message: 'Too long', destination: '/app/chat.send' });
    assert.equal(inRoomError.state.phase, 'in-room');
    assert.deepEqual(inRoomError.effects.map(e => e.code), ['invalid-chat-message']);
  });

  test('a joined that arrives after the page gave up is answered with a leave', () => {
    const { state, effects } = run(initialState(), joined());
    assert.equal(state.phase, 'lobby');
    assert.deepEqual(effects, [{ type: 'send', destination: '/app/room.leave', body: {} }]);
  });

  test('ice-servers in the room replaces the ICE servers and asks the open links to take them', () => {
    const renewed = [{ urls: ['turn:t.example.org:3478'], username: '200:pAnn', credential: 'new' }];
    const { state, effects } = run(inRoom(), linkOpen('l1'), { type: 'ice-servers', iceServers: renewed });
    assert.deepEqual(state.iceServers, renewed);
    assert.deepEqual(effects.map(e => e.type), ['open-link', 'update-ice-servers']);
    assert.deepEqual(effects[1].iceServers, renewed);
  });

  test('ice-servers outside a room, or without a list, changes nothing', () => {
    const renewed = { type: 'ice-servers', iceServers: [{ urls: ['turn:t.example.org'], username: 'u', credential: 'p' }] };
    for (const state of [initialState(), joining()]) {
      assert.equal(applyServerEvent(state, renewed).state, state);
      assert.deepEqual(applyServerEvent(state, renewed).effects, []);
    }
    const room = inRoom();
    assert.equal(applyServerEvent(room, { type: 'ice-servers' }).state, room);
    assert.equal(applyServerEvent(room, { type: 'ice-servers', iceServers: 'turn:x' }).state, room);
  });

  test('unknown events change nothing', () => {
    const state = inRoom();
    assert.equal(applyServerEvent(state, { type: 'something-new' }).state, state);
    assert.equal(applyServerEvent(state, null).state, state);
  });
});

test('normalizeIceServers drops null credentials and entries without URLs', () => {
  assert.deepEqual(
    normalizeIceServers([
      { urls: ['stun:a:3478'], username: null, credential: null },
      { urls: ['turn:b:3478?transport=udp'], username: '123:ann', credential: 'c2VjcmV0' },
      { urls: [] },
      { urls: 'stun:c:3478' },
      null,
    ]),
    [
      { urls: ['stun:a:3478'] },
      { urls: ['turn:b:3478?transport=udp'], username: '123:ann', credential: 'c2VjcmV0' },
      { urls: ['stun:c:3478'] },
    ],
  );
  assert.deepEqual(normalizeIceServers(undefined), []);
});
