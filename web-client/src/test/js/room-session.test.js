import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { RoomSession } from '../../main/js/js/room-session.js';
import { FakeTrack, cameraStream } from './support/fake-media.js';
import { quiesce, recordingLog } from './support/link-harness.js';
import { ROOM, joined, linkOpen } from './support/protocol-events.js';
import { FIRST_DRAW_LIMIT_MS } from '../../main/js/js/first-draw-hold.js';

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

function session({ media = { stream: cameraStream('audio', 'video'), mode: 'full', media: { audio: true, video: true }, notice: '' }, ...options } = {}) {
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
    ...options,
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
    s.controls.setMuted('audio', true);
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

describe('the join path: the page draws nothing before the join and its links move on', () => {
  const preview = () => ({ stream: cameraStream('audio', 'video'), mode: 'full', media: { audio: true, video: true }, notice: '' });

  test('joining with the pre-join preview\'s media asks the browser for nothing', async () => {
    let acquisitions = 0;
    const { s, transport, seen } = session({ acquireMedia: async () => { acquisitions += 1; return preview(); } });
    s.connected();
    const local = preview();
    assert.equal(await s.joinRoom({ roomId: 'r1', displayName: 'Ann', local }), true);
    assert.equal(acquisitions, 0);
    assert.equal(seen.local.at(-1).stream, local.stream);
    assert.equal(transport.to('/app/room.join').length, 1);
  });

  test('room.join leaves before the page draws the joining state and the own tile', async () => {
    const { s, transport, seen } = session();
    s.connected();
    const sentWhenDrawn = [];
    const listener = s.listener;
    s.listener = {
      ...listener,
      stateChanged: state => {
        sentWhenDrawn.push(['state', transport.to('/app/room.join').length]);
        listener.stateChanged(state);
      },
      localMediaChanged: local => {
        sentWhenDrawn.push(['local', transport.to('/app/room.join').length]);
        listener.localMediaChanged(local);
      },
    };
    await s.joinRoom({ roomId: 'r1', displayName: 'Ann', local: preview(), muted: { audio: true } });
    assert.deepEqual(sentWhenDrawn, [['local', 1], ['state', 1]]);
    assert.equal(seen.local.at(-1).stream.getAudioTracks()[0].enabled, false, 'joined muted, before any link exists');
    assert.equal(s.state.phase, 'joining');
  });

  test('with a deferred renderer, link-open queued behind joined reaches its link before the room is drawn, drawn once', async () => {
    const queued = [];
    const ctx = session({ scheduleRender: render => queued.push(render) });
    ctx.s.connected();
    await ctx.s.joinRoom({ roomId: 'r1', displayName: 'Ann', local: preview() });
    const drawn = ctx.seen.states.length;
    ctx.s.handleEvent(joined());
    ctx.s.handleEvent(linkOpen('l1'));
    ctx.s.handleEvent({ type: 'sdp', linkId: 'l1', description: { type: 'offer', sdp: 'v=0\r\n' } });
    assert.equal(ctx.links.length, 1, 'the link is open');
    assert.deepEqual(ctx.links[0].received.map(([kind]) => kind), ['sdp'], 'and has its offer');
    assert.equal(ctx.seen.states.length, drawn, 'nothing was drawn yet');
    assert.equal(queued.length, 1, 'one drawing for the three events');
    ctx.links[0].options.transport.sendDescription({ type: 'answer', sdp: 'v=0\r\n' });
    queued.shift()();
    assert.equal(ctx.seen.states.length, drawn + 1);
    assert.equal(ctx.seen.states.at(-1).phase, 'in-room');
    assert.equal(ctx.seen.states.at(-1).links.length, 1);
    ctx.s.handleEvent({ type: 'chat', roomId: 'r1', message: { messageId: 'm2', authorId: 'pBob', authorName: 'Bob', text: 'yo', sentAt: '2026-11-28T10:16:00Z' } });
    assert.equal(queued.length, 1, 'a later event is drawn again');
  });

  /** A joined page with a deferring renderer whose drawings and timers the test runs. */
  async function deferredJoin(joinedEvent = joined()) {
    const queued = [];
    const timers = [];
    const ctx = session({ scheduleRender: render => queued.push(render), setTimer: (fn, ms) => timers.push({ fn, ms }) });
    ctx.s.connected();
    await ctx.s.joinRoom({ roomId: 'r1', displayName: 'Ann', local: preview() });
    const before = ctx.seen.states.length;
    const drawRoom = () => {
      while (queued.length > 0) queued.shift()();
      return ctx.seen.states.slice(before).some(state => state.phase === 'in-room');
    };
    ctx.s.handleEvent(joinedEvent);
    return { ...ctx, drawRoom, timers };
  }

  test('the room\'s first drawing waits until the join\'s links have sent their offers and answers', async () => {
    const ctx = await deferredJoin();
    ctx.s.handleEvent(linkOpen('up', { direction: 'send', publisherId: 'pAnn', peerId: null, youOffer: true }));
    assert.equal(ctx.drawRoom(), false, 'Bob publishes and no link receives him yet');
    ctx.links[0].options.transport.sendDescription({ type: 'offer', sdp: 'v=0\r\n' });
    assert.equal(ctx.drawRoom(), false, 'still no link receives Bob');
    ctx.s.handleEvent(linkOpen('fromBob'));
    ctx.s.handleEvent({ type: 'sdp', linkId: 'fromBob', description: { type: 'offer', sdp: 'v=0\r\n' } });
    assert.equal(ctx.drawRoom(), false, 'Bob\'s link has not answered');
    ctx.links[1].options.transport.sendDescription({ type: 'answer', sdp: 'v=0\r\n' });
    assert.equal(ctx.drawRoom(), true, 'every link has described itself');
    assert.deepEqual(ctx.transport.to('/app/link.sdp').map(m => m.linkId), ['up', 'fromBob'], 'both left before the drawing');
  });

  test('alone in the room, or with no one who publishes, the room is drawn at once', async () => {
    assert.equal((await deferredJoin(joined({ participants: [] }))).drawRoom(), true);
    const carol = { participantId: 'pCarol', displayName: 'Carol', sendsAudio: false, sendsVideo: false };
    assert.equal((await deferredJoin(joined({ participants: [carol] }))).drawRoom(), true);
  });

  test('a link that never describes itself holds the room back no longer than the limit', async () => {
    const ctx = await deferredJoin();
    ctx.s.handleEvent(linkOpen('fromBob'));
    assert.equal(ctx.drawRoom(), false);
    const limit = ctx.timers.find(timer => timer.ms === FIRST_DRAW_LIMIT_MS);
    assert.ok(limit, 'the hold set its limit');
    limit.fn();
    assert.equal(ctx.drawRoom(), true);
  });
});
