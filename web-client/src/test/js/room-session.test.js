import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import {
  RoomSession,
  applyServerEvent,
  beginJoin,
  initialState,
  normalizeIceServers,
} from '../../main/js/js/room-session.js';
import { FakeTrack, cameraStream } from './support/fake-media.js';
import { quiesce, recordingLog } from './support/link-harness.js';

// ---- fixtures in the protocol's shapes -------------------------------------------------------

const ROOM = { roomId: 'r1', name: 'Standup', participants: 1, capacity: 6, locked: false };
const ANN = { participantId: 'pAnn', displayName: 'Ann', sendsAudio: true, sendsVideo: true, audioMuted: false, videoMuted: false };
const BOB = { participantId: 'pBob', displayName: 'Bob', sendsAudio: true, sendsVideo: false, audioMuted: false, videoMuted: false };
const CAROL = { participantId: 'pCarol', displayName: 'Carol', sendsAudio: false, sendsVideo: false, audioMuted: false, videoMuted: false };
const ICE = [{ urls: ['stun:stun.example.org:3478'], username: null, credential: null }];

const joined = (extra = {}) => ({
  type: 'joined',
  room: ROOM,
  self: ANN,
  participants: [BOB],
  chat: [{ messageId: 'm1', authorId: 'pBob', authorName: 'Bob', text: 'hi', sentAt: '2026-11-28T10:15:30Z' }],
  iceServers: ICE,
  ...extra,
});
const linkOpen = (linkId, extra = {}) => ({
  type: 'link-open',
  linkId,
  publisherId: 'pBob',
  peerId: 'pBob',
  direction: 'receive',
  youOffer: false,
  polite: true,
  ...extra,
});
const chat = (messageId, text, author = BOB) => ({
  type: 'chat',
  roomId: 'r1',
  message: { messageId, authorId: author.participantId, authorName: author.displayName, text, sentAt: '2026-11-28T10:16:00Z' },
});

/** Applies events one after another, collecting every effect. */
function run(state, ...events) {
  const effects = [];
  for (const event of events) {
    const result = applyServerEvent(state, event);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}

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
    assert.deepEqual(state.lobby.rooms, [{ ...ROOM, participants: 2, locked: true }]);
  });

  test('room-created after our own create asks to join it with the same password', () => {
    const start = { ...initialState(), pendingCreate: { password: 's3cret', displayName: 'Ann' } };
    const { state, effects } = run(start, { type: 'room-created', room: { ...ROOM, participants: 0 } });
    assert.equal(state.pendingCreate, null);
    assert.deepEqual(effects, [{ type: 'join-room', roomId: 'r1', password: 's3cret', displayName: 'Ann' }]);
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
    assert.deepEqual(effects, [{ type: 'joined' }]);
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

// ---- the session that carries the effects out -----------------------------------------------

class FakeTransport {
  constructor() {
    this.sent = [];
  }

  send(destination, body) {
    this.sent.push({ destination, body: JSON.parse(JSON.stringify(body)) });
    return true;
  }

  to(destination) {
    return this.sent.filter(m => m.destination === destination).map(m => m.body);
  }
}

class FakeLink {
  constructor(options) {
    this.options = options;
    this.closeCalls = 0;
    this.closed = false;
    this.received = [];
    this.pc = { id: `pc-${options.linkId}` };
    this.connectionState = 'new';
    this.iceServerUpdates = [];
  }

  updateIceServers(iceServers) {
    if (!this.closed) this.iceServerUpdates.push(iceServers);
  }

  receiveDescription(description) {
    if (!this.closed) this.received.push(['sdp', description]);
  }

  receiveCandidate(candidate) {
    if (!this.closed) this.received.push(['ice', candidate]);
  }

  close() {
    this.closeCalls += 1;
    this.closed = true;
  }
}

function session({ media = { stream: cameraStream('audio', 'video'), mode: 'full', media: { audio: true, video: true }, notice: '' } } = {}) {
  const transport = new FakeTransport();
  const links = [];
  const seen = { states: [], local: [], remote: [], errors: [], cleared: 0 };
  const s = new RoomSession({
    transport,
    acquireMedia: async () => media,
    createLink: options => {
      const link = new FakeLink(options);
      links.push(link);
      return link;
    },
    listener: {
      stateChanged: state => seen.states.push(state),
      localMediaChanged: local => seen.local.push(local),
      remoteMediaChanged: (publisherId, tracks) => seen.remote.push({ publisherId, tracks }),
      error: error => seen.errors.push(error),
      errorCleared: () => {
        seen.cleared += 1;
      },
    },
    log: recordingLog(),
    setTimer: () => {},
  });
  return { s, transport, links, seen, media };
}

async function joinedSession(options) {
  const ctx = session(options);
  ctx.s.connected();
  await ctx.s.joinRoom({ roomId: 'r1', displayName: ' Ann ' });
  ctx.s.handleEvent(joined());
  return ctx;
}

describe('RoomSession', () => {
  test('connecting asks for the room list', () => {
    const { s, transport } = session();
    s.connected();
    assert.deepEqual(transport.sent, [{ destination: '/app/lobby.rooms', body: {} }]);
  });

  test('joining acquires media first and sends what will be sent', async () => {
    const { s, transport, seen, media } = session();
    s.connected();
    assert.equal(await s.joinRoom({ roomId: 'r1', password: 'pw', displayName: ' Ann ' }), true);
    assert.deepEqual(transport.to('/app/room.join'), [
      { roomId: 'r1', displayName: 'Ann', password: 'pw', media: { audio: true, video: true } },
    ]);
    assert.equal(seen.local.at(-1).stream, media.stream);
    assert.equal(s.state.phase, 'joining');
  });

  test('receive-only joins say so in media', async () => {
    const { s, transport } = session({
      media: { stream: null, mode: 'receive-only', media: { audio: false, video: false }, notice: 'n' },
    });
    s.connected();
    await s.joinRoom({ roomId: 'r1', displayName: 'Ann' });
    assert.deepEqual(transport.to('/app/room.join')[0].media, { audio: false, video: false });
  });

  test('no join without a display name, and the user is told', async () => {
    const { s, transport, seen } = session();
    s.connected();
    assert.equal(await s.joinRoom({ roomId: 'r1', displayName: '   ' }), false);
    assert.deepEqual(transport.to('/app/room.join'), []);
    assert.equal(seen.errors.at(-1).code, 'invalid-display-name');
  });

  test('create then room-created joins the new room with the same password', async () => {
    const { s, transport } = session();
    s.connected();
    assert.equal(s.createRoom({ name: 'Standup', capacity: 4, password: 's3cret', displayName: 'Ann' }), true);
    assert.deepEqual(transport.to('/app/room.create'), [{ name: 'Standup', capacity: 4, password: 's3cret' }]);
    s.handleEvent({ type: 'room-created', room: { ...ROOM, participants: 0 } });
    await quiesce(2);
    assert.deepEqual(transport.to('/app/room.join').map(b => [b.roomId, b.password]), [['r1', 's3cret']]);
  });

  test('an empty capacity or password is sent as null', () => {
    const { s, transport } = session();
    s.connected();
    s.createRoom({ name: 'Open', capacity: null, password: '', displayName: 'Ann' });
    assert.deepEqual(transport.to('/app/room.create'), [{ name: 'Open', capacity: null, password: null }]);
  });

  test('no peer connection exists before joined; links then use the ICE servers from joined', async () => {
    const ctx = session();
    ctx.s.connected();
    await ctx.s.joinRoom({ roomId: 'r1', displayName: 'Ann' });
    ctx.s.handleEvent(linkOpen('l1'));
    assert.equal(ctx.links.length, 0);
    ctx.s.handleEvent({ type: 'sdp', linkId: 'l1', description: { type: 'offer', sdp: 'v=0\r\n' } });
    ctx.s.handleEvent(joined());
    assert.equal(ctx.links.length, 1);
    assert.deepEqual(ctx.links[0].options.iceServers, [{ urls: ['stun:stun.example.org:3478'] }]);
    // The offer that arrived early was kept for the link.
    assert.deepEqual(ctx.links[0].received, [['sdp', { type: 'offer', sdp: 'v=0\r\n' }]]);
  });

  test('send links get the local stream, receive links do not', async () => {
    const { s, links, media } = await joinedSession();
    s.handleEvent(linkOpen('lOut', { publisherId: 'pAnn', direction: 'send', youOffer: true, polite: false }));
    s.handleEvent(linkOpen('lIn'));
    assert.equal(links[0].options.localStream, media.stream);
    assert.equal(links[0].options.youOffer, true);
    assert.equal(links[0].options.polite, false);
    assert.equal(links[1].options.localStream, null);
  });

  test("a link's descriptions and candidates go out tagged with its linkId", async () => {
    const { s, links, transport } = await joinedSession();
    s.handleEvent(linkOpen('l1'));
    links[0].options.transport.sendDescription({ type: 'answer', sdp: 'v=0\r\n' });
    links[0].options.transport.sendCandidate({ candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 });
    assert.deepEqual(transport.to('/app/link.sdp'), [{ linkId: 'l1', description: { type: 'answer', sdp: 'v=0\r\n' } }]);
    assert.deepEqual(transport.to('/app/link.ice'), [
      { linkId: 'l1', candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } },
    ]);
  });

  test('incoming sdp and ice are dispatched by linkId', async () => {
    const { s, links } = await joinedSession();
    s.handleEvent(linkOpen('l1'));
    s.handleEvent(linkOpen('l2', { publisherId: 'pCarol', peerId: 'pCarol' }));
    s.handleEvent({ type: 'ice', linkId: 'l2', candidate: { candidate: 'candidate:2' } });
    s.handleEvent({ type: 'sdp', linkId: 'l1', description: { type: 'offer', sdp: 'v=0\r\n' } });
    assert.deepEqual(links[0].received.map(r => r[0]), ['sdp']);
    assert.deepEqual(links[1].received.map(r => r[0]), ['ice']);
  });

  test("received tracks reach the publisher's tile and leave it when the link closes", async () => {
    const { s, links, seen } = await joinedSession();
    s.handleEvent(linkOpen('l1'));
    const audio = new FakeTrack('audio');
    const video = new FakeTrack('video');
    links[0].options.onRemoteTrack(audio, []);
    links[0].options.onRemoteTrack(video, []);
    assert.deepEqual(seen.remote.at(-1), { publisherId: 'pBob', tracks: [audio, video] });

    video.end();
    assert.deepEqual(seen.remote.at(-1), { publisherId: 'pBob', tracks: [audio] });

    s.handleEvent({ type: 'link-close', linkId: 'l1' });
    assert.equal(links[0].closeCalls, 1);
    assert.deepEqual(seen.remote.at(-1), { publisherId: 'pBob', tracks: [] });
    assert.deepEqual(s.peerConnections(), []);
  });

  test("a publisher's media stays while another link still carries it", async () => {
    const { s, links, seen } = await joinedSession();
    s.handleEvent(linkOpen('l1'));
    s.handleEvent(linkOpen('l2'));
    const first = new FakeTrack('audio');
    const second = new FakeTrack('video');
    links[0].options.onRemoteTrack(first, []);
    links[1].options.onRemoteTrack(second, []);
    s.handleEvent({ type: 'link-close', linkId: 'l1' });
    assert.deepEqual(seen.remote.at(-1), { publisherId: 'pBob', tracks: [second] });
  });

  test('late signals for a closed link reach nothing', async () => {
    const { s, links } = await joinedSession();
    s.handleEvent(linkOpen('l1'));
    s.handleEvent({ type: 'link-close', linkId: 'l1' });
    s.handleEvent({ type: 'sdp', linkId: 'l1', description: { type: 'answer', sdp: 'v=0\r\n' } });
    assert.deepEqual(links[0].received, []);
  });

  test('leave sends room.leave, stops the camera, closes every link and returns to the lobby', async () => {
    const { s, links, transport, media, seen } = await joinedSession();
    s.handleEvent(linkOpen('l1'));
    s.handleEvent(linkOpen('l2', { publisherId: 'pAnn', direction: 'send', youOffer: true, polite: false }));
    s.leaveRoom();
    assert.deepEqual(transport.to('/app/room.leave'), [{}]);
    assert.ok(media.stream.getTracks().every(t => t.readyState === 'ended'));
    assert.deepEqual(links.map(l => l.closeCalls), [1, 1]);
    assert.equal(s.state.phase, 'lobby');
    assert.equal(seen.local.at(-1), null);
    assert.deepEqual(s.peerConnections(), []);
    // The server's `left` that follows changes nothing more.
    s.handleEvent({ type: 'left', roomId: 'r1' });
    assert.deepEqual(links.map(l => l.closeCalls), [1, 1]);
  });

  test('a failed join stops the tracks it acquired and shows the error', async () => {
    const { s, media, seen } = session();
    s.connected();
    await s.joinRoom({ roomId: 'r1', displayName: 'Ann' });
    s.handleEvent({ type: 'error', code: 'room-full', message: 'The room is full (6 participants)', destination: '/app/room.join' });
    assert.equal(s.state.phase, 'lobby');
    assert.ok(media.stream.getTracks().every(t => t.readyState === 'ended'));
    assert.deepEqual(seen.errors.at(-1), {
      code: 'room-full',
      message: 'The room is full (6 participants)',
      destination: '/app/room.join',
    });
  });

  test('a server that is full refuses the join like a full room: back to the lobby, tracks stopped', async () => {
    const { s, media } = session();
    s.connected();
    await s.joinRoom({ roomId: 'r1', displayName: 'Ann' });
    s.handleEvent({ type: 'error', code: 'server-full', message: '', destination: '/app/room.join' });
    assert.equal(s.state.phase, 'lobby');
    assert.ok(media.stream.getTracks().every(t => t.readyState === 'ended'));
  });

  test('chat is sent to the current room; blank messages are not', async () => {
    const { s, transport } = await joinedSession();
    assert.equal(s.sendChat('  '), false);
    assert.equal(s.sendChat('hello'), true);
    assert.deepEqual(transport.to('/app/chat.send'), [{ roomId: 'r1', text: 'hello' }]);
  });

  test('muting disables the track and tells the room', async () => {
    const { s, transport, media } = await joinedSession();
    s.setMuted('audio', true);
    assert.equal(media.stream.getAudioTracks()[0].enabled, false);
    assert.equal(media.stream.getVideoTracks()[0].enabled, true);
    assert.deepEqual(transport.to('/app/media.state'), [{ audioMuted: true, videoMuted: false, sharing: false }]);
  });

  test('a lost connection tears the room down', async () => {
    const { s, links, media } = await joinedSession();
    s.handleEvent(linkOpen('l1'));
    s.connectionLost();
    assert.equal(s.state.phase, 'lobby');
    assert.equal(links[0].closeCalls, 1);
    assert.ok(media.stream.getTracks().every(t => t.readyState === 'ended'));
    assert.equal(s.snapshot().connection, 'lost');
  });

  test('renewed ICE servers reach every open link and every link opened afterwards', async () => {
    const { s, links } = await joinedSession();
    s.handleEvent(linkOpen('l1'));
    s.handleEvent(linkOpen('l2'));
    s.handleEvent({ type: 'link-close', linkId: 'l2' });
    const renewed = [{ urls: ['turn:t.example.org:3478?transport=udp'], username: '200:pAnn', credential: 'new', extra: 1 }];

    s.handleEvent({ type: 'ice-servers', iceServers: renewed });
    s.handleEvent(linkOpen('l3'));

    const expected = [{ urls: ['turn:t.example.org:3478?transport=udp'], username: '200:pAnn', credential: 'new' }];
    assert.deepEqual(links[0].iceServerUpdates, [expected]);
    assert.deepEqual(links[1].iceServerUpdates, []); // closed before the renewal
    assert.deepEqual(links[2].options.iceServers, expected);
    assert.deepEqual(links[2].iceServerUpdates, []);
    assert.deepEqual(s.snapshot().iceServers, expected);
  });

  test('the debug snapshot is plain data: self id, participants and links', async () => {
    const { s } = await joinedSession();
    s.handleEvent(linkOpen('l1'));
    const snapshot = s.snapshot();
    assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot);
    assert.equal(snapshot.selfId, 'pAnn');
    assert.deepEqual(snapshot.participants.map(p => p.participantId), ['pBob']);
    assert.deepEqual(snapshot.links.map(l => [l.linkId, l.direction, l.connectionState]), [['l1', 'receive', 'new']]);
    assert.deepEqual(s.peerConnections(), [{ id: 'pc-l1' }]);
  });
});
