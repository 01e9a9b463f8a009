import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { inviteUrl, isSlug, lobbyUrl, slugFromLocation } from '../../main/js/js/invite-link.js';
import { SeatTicket } from '../../main/js/js/seat-ticket.js';
import { applyServerEvent } from '../../main/js/js/server-events.js';
import { initialState } from '../../main/js/js/room-state.js';
import { beginFind } from '../../main/js/js/invite-state.js';
import { SEAT_LOST_MESSAGE, beginReloadResume } from '../../main/js/js/reconnect-state.js';
import { beginJoin } from '../../main/js/js/membership-state.js';
import { RoomSession } from '../../main/js/js/room-session.js';
import { MediaLinks } from '../../main/js/js/media-links.js';
import { FakeStream, FakeTrack, cameraStream } from './support/fake-media.js';
import { recordingLog } from './support/link-harness.js';
import { ROOM, ANN, joined } from './support/protocol-events.js';
import { FakeTransport, MemoryStorage } from './support/fake-transport.js';

const SLUGGED = { ...ROOM, slug: 'standup' };

describe('invite link addresses', () => {
  test('the slug of /r/<slug>, relative to the app base (with or without a context path)', () => {
    assert.equal(slugFromLocation('https://chat.example/r/standup', 'https://chat.example/'), 'standup');
    assert.equal(slugFromLocation('https://chat.example/r/Team-Sync/', 'https://chat.example/'), 'team-sync');
    assert.equal(slugFromLocation('https://chat.example/ctx/r/abcd-efgh-ijkl', 'https://chat.example/ctx/'), 'abcd-efgh-ijkl');
    assert.equal(slugFromLocation('https://chat.example/', 'https://chat.example/'), null);
    assert.equal(slugFromLocation('https://chat.example/r/', 'https://chat.example/'), null);
    assert.equal(slugFromLocation('https://chat.example/r/a/b', 'https://chat.example/'), null);
    assert.equal(slugFromLocation('https://chat.example/r/%3Cscript%3E', 'https://chat.example/'), null);
    assert.equal(slugFromLocation('https://other.example/r/standup', 'https://chat.example/'), null);
  });

  test('the invite link and the lobby are absolute, under the app base', () => {
    assert.equal(inviteUrl('https://chat.example/ctx/', 'standup'), 'https://chat.example/ctx/r/standup');
    assert.equal(inviteUrl('https://chat.example/', 'standup'), 'https://chat.example/r/standup');
    assert.equal(lobbyUrl('https://chat.example/ctx/'), 'https://chat.example/ctx/');
    assert.ok(isSlug('a-b-1'));
    assert.ok(!isSlug('-a') && !isSlug('a--b') && !isSlug('A') && !isSlug('a'.repeat(65)));
  });
});

describe('seat ticket', () => {
  test('is kept per tab, read back whole, and refused when incomplete', () => {
    const storage = new MemoryStorage();
    const ticket = new SeatTicket(storage);
    assert.equal(ticket.load(), null);
    ticket.save({ roomId: 'r1', participantId: 'pAnn', resumeToken: 't0k', slug: 'standup', displayName: 'Ann' });
    assert.equal(ticket.load().resumeToken, 't0k');
    storage.setItem('chatforyou.seat', '{"roomId":"r1"}');
    assert.equal(ticket.load(), null);
    storage.setItem('chatforyou.seat', 'not json');
    assert.equal(ticket.load(), null);
    ticket.clear();
    assert.equal(new SeatTicket(null).load(), null, 'no storage: nothing remembered, nothing thrown');
  });
});

describe('finding the room of an invite link (reducer)', () => {
  test('room-found fills the invite; an error for room.find says the room is missing', () => {
    const resolving = beginFind(initialState(), 'standup');
    const found = applyServerEvent(resolving, { type: 'room-found', room: SLUGGED }).state;
    assert.equal(found.invite.status, 'found');
    assert.equal(found.invite.room.roomId, 'r1');
    const missing = applyServerEvent(resolving, {
      type: 'error', code: 'room-not-found', message: 'No room', destination: '/app/room.find',
    });
    assert.equal(missing.state.invite.status, 'missing');
    assert.deepEqual(missing.effects, [], 'the page says so itself; no error banner');
    assert.equal(applyServerEvent(resolving, { type: 'room-found', room: { ...SLUGGED, slug: 'other' } }).state, resolving);
  });

  test('after a server restart, a refused create finds the room by its link and joins it', () => {
    const inRoom = applyServerEvent({ ...initialState(), phase: 'joining', joining: { roomId: 'r1', password: 'pw' } },
      joined({ room: { ...SLUGGED, privateLink: true } })).state;
    let state = applyServerEvent(inRoom, { type: 'server-restarting', roomId: 'r1' }).state;
    state = { ...state, rejoin: { ...state.rejoin, reconnected: true } };
    const listed = applyServerEvent(state, { type: 'rooms', rooms: [], listed: false });
    assert.deepEqual(listed.effects, [{
      type: 'send', destination: '/app/room.create',
      body: { name: 'Standup', capacity: 6, password: 'pw', slug: 'standup', privateLink: true },
    }], 'the same name and the same link');
    const refused = applyServerEvent(listed.state, { type: 'error', code: 'room-name-taken', destination: '/app/room.create' });
    assert.deepEqual(refused.effects, [{ type: 'send', destination: '/app/room.find', body: { slug: 'standup' } }]);
    const found = applyServerEvent(refused.state, { type: 'room-found', room: { ...SLUGGED, roomId: 'r2' } });
    assert.deepEqual(found.effects, [{ type: 'join-room', roomId: 'r2', password: 'pw', displayName: 'Ann' }]);
    assert.equal(found.state.rejoin, null);
  });
});

describe('reload (reducer)', () => {
  const ticket = { roomId: 'r1', participantId: 'pAnn', resumeToken: 't0k', slug: 'standup' };

  test('the resumed joined enters the room as a join would', () => {
    const { state, effects } = applyServerEvent(beginReloadResume(initialState(), ticket), joined({ resumed: true, resumeToken: 't1k' }));
    assert.equal(state.phase, 'in-room');
    assert.equal(state.resumeToken, 't1k');
    assert.deepEqual(effects[0], { type: 'joined', resumed: true });
  });

  test('a seat lost after a drop is joined again with the password, name and mute state the page had', () => {
    let state = applyServerEvent(beginJoin(initialState(), { roomId: 'r1', password: 'pw' }),
      joined({ self: { ...ANN, audioMuted: true }, resumeToken: 'secret-1' })).state;
    state = { ...state, reconnecting: true };
    const { state: next, effects } = applyServerEvent(state,
      { type: 'error', code: 'resume-failed', message: 'too late', destination: '/app/room.resume' });
    assert.equal(next.phase, 'lobby');
    assert.deepEqual(effects.map(e => e.type), ['left', 'error', 'join-room']);
    assert.deepEqual(effects.at(-1), {
      type: 'join-room', roomId: 'r1', password: 'pw', displayName: 'Ann', muted: { audio: true, video: false },
    });
    assert.equal(effects[1].message, SEAT_LOST_MESSAGE);
  });

  test('a refused resume goes back to the lobby and tells the page', () => {
    const { state, effects } = applyServerEvent(beginReloadResume(initialState(), ticket),
      { type: 'error', code: 'resume-failed', message: 'too late', destination: '/app/room.resume' });
    assert.equal(state.phase, 'lobby');
    assert.deepEqual(effects.map(e => e.type), ['join-failed', 'resume-failed', 'error']);
  });
});

describe('RoomSession: invite links and reloads', () => {
  function session({ storage = new MemoryStorage() } = {}) {
    const transport = new FakeTransport();
    const seen = { resumeFailed: 0, created: [] };
    const s = new RoomSession({
      transport,
      seatTicket: new SeatTicket(storage),
      acquireMedia: async () => ({ stream: cameraStream('audio', 'video'), mode: 'full', media: { audio: true, video: true }, notice: '' }),
      createLink: options => ({ ...options, closed: false, close() {}, receiveDescription() {}, receiveCandidate() {}, updateIceServers() {}, pc: {} }),
      listener: {
        resumeFailed: () => { seen.resumeFailed += 1; },
        roomCreated: (room, password) => seen.created.push({ room, password }),
      },
      log: recordingLog(),
      setTimer: () => {},
    });
    return { s, transport, storage, seen };
  }
  const settle = () => new Promise(resolve => setTimeout(resolve, 0));

  test('an invite link is looked up once connected', () => {
    const { s, transport } = session();
    s.findRoom('standup');
    assert.deepEqual(transport.to('/app/room.find'), []);
    s.connected();
    assert.deepEqual(transport.to('/app/room.find'), [{ slug: 'standup' }]);
    s.handleEvent({ type: 'room-found', room: SLUGGED });
    assert.equal(s.snapshot().invite.status, 'found');
  });

  test('a room one creates goes to the pre-join screen instead of joining at once', () => {
    const { s, transport, seen } = session();
    s.connected();
    s.createRoom({ name: 'Standup', password: 'pw', privateLink: true, displayName: 'Ann' });
    assert.deepEqual(transport.to('/app/room.create'), [{ name: 'Standup', capacity: null, password: 'pw', privateLink: true }]);
    s.handleEvent({ type: 'room-created', room: { ...SLUGGED, privateLink: true } });
    assert.equal(seen.created.length, 1);
    assert.equal(seen.created[0].password, 'pw');
    assert.deepEqual(transport.to('/app/room.join'), []);
  });

  test('joining keeps a ticket; leaving forgets it; going away (pagehide) suspends the seat instead', async () => {
    const { s, transport, storage } = session();
    s.connected();
    await s.joinRoom({ roomId: 'r1', displayName: 'Ann' });
    s.handleEvent(joined({ room: SLUGGED, resumeToken: 't0k' }));
    const saved = JSON.parse(storage.getItem('chatforyou.seat'));
    assert.deepEqual(saved, { roomId: 'r1', participantId: 'pAnn', resumeToken: 't0k', slug: 'standup', displayName: 'Ann' });
    s.suspend();
    assert.deepEqual(transport.to('/app/room.suspend'), [{}]);
    assert.deepEqual(transport.to('/app/room.leave'), []);
    assert.ok(storage.getItem('chatforyou.seat'), 'a reload needs it');
    s.leaveRoom();
    assert.equal(storage.getItem('chatforyou.seat'), null);
    assert.deepEqual(transport.to('/app/room.leave'), [{}]);
  });

  test('going away while reconnecting keeps the ticket, so a reload resumes within the reconnect grace', async () => {
    const { s, transport, storage } = session();
    s.connected();
    await s.joinRoom({ roomId: 'r1', displayName: 'Ann' });
    s.handleEvent(joined({ room: SLUGGED, resumeToken: 't0k' }));
    s.connectionInterrupted();
    s.suspend();
    assert.ok(storage.getItem('chatforyou.seat'));
    assert.deepEqual(transport.to('/app/room.suspend'), []);
    assert.equal(s.state.phase, 'in-room');
  });

  test('after a reload the seat is resumed with fresh media, and its mute state is applied', async () => {
    const { s, transport } = session();
    s.resumeAfterReload({ roomId: 'r1', participantId: 'pAnn', resumeToken: 't0k', slug: 'standup' });
    s.connected();
    await settle();
    assert.deepEqual(transport.to('/app/room.resume'), [{ roomId: 'r1', participantId: 'pAnn', resumeToken: 't0k' }]);
    assert.deepEqual(transport.to('/app/room.join'), []);
    s.handleEvent(joined({ resumed: true, room: SLUGGED, self: { ...ANN, audioMuted: true } }));
    assert.equal(s.state.phase, 'in-room');
    assert.equal(s.local.audioMuted, true);
    assert.equal(s.local.stream.getAudioTracks()[0].enabled, false, 'a muted microphone stays muted across a reload');
    assert.deepEqual(transport.to('/app/media.state').at(-1), { audioMuted: true, videoMuted: false, sharing: false });
  });

  test('a reload that came too late goes back and says so', async () => {
    const { s, storage, seen } = session();
    storage.setItem('chatforyou.seat', '{}');
    s.resumeAfterReload({ roomId: 'r1', participantId: 'pAnn', resumeToken: 't0k', slug: 'standup' });
    s.connected();
    await settle();
    s.handleEvent({ type: 'error', code: 'resume-failed', message: 'too late', destination: '/app/room.resume' });
    assert.equal(s.state.phase, 'lobby');
    assert.equal(seen.resumeFailed, 1);
    assert.equal(storage.getItem('chatforyou.seat'), null);
    assert.equal(s.local, null, 'the camera is stopped');
  });
});

test('media links tell a shared screen from the camera by its stream', () => {
  const remote = [];
  const created = [];
  const m = new MediaLinks({
    createLink: options => {
      const link = { ...options, closed: false, close() { this.closed = true; }, pc: {} };
      created.push(link);
      return link;
    },
    send: () => {},
    isPlanned: () => true,
    onRemoteMedia: (publisherId, tracks, screen) => remote.push({ publisherId, tracks, screen }),
    log: recordingLog(),
  });
  m.open({ linkId: 'l1', publisherId: 'pBob', direction: 'receive' }, { iceServers: [] });
  const main = new FakeStream();
  const shared = new FakeStream();
  const audio = new FakeTrack('audio');
  const camera = new FakeTrack('video');
  const screen = new FakeTrack('video');
  created[0].onRemoteTrack(audio, [main]);
  created[0].onRemoteTrack(camera, [main]);
  created[0].onRemoteTrack(screen, [shared]);
  assert.deepEqual(remote.at(-1).screen, [screen]);
  assert.deepEqual(remote.at(-1).tracks, [audio, camera, screen]);
  screen.end();
  assert.deepEqual(remote.at(-1).screen, []);
  assert.deepEqual(m.statsTargets().map(t => [t.linkId, t.direction, t.publisherId]), [['l1', 'receive', 'pBob']]);
});
