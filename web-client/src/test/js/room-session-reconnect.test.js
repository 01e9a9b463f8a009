import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { RoomSession } from '../../main/js/js/room-session.js';
import { SEAT_LOST_MESSAGE, resumeRequest } from '../../main/js/js/reconnect-state.js';
import { cameraStream } from './support/fake-media.js';
import { recordingLog, waitFor } from './support/link-harness.js';

// Reconnecting after a signaling drop (docs/signaling-protocol.md#reconnecting).

const ROOM = { roomId: 'r1', name: 'Standup', participants: 2, capacity: 6, locked: false };
const ANN = { participantId: 'pAnn', displayName: 'Ann', sendsAudio: true, sendsVideo: true, audioMuted: false, videoMuted: false };
const BOB = { participantId: 'pBob', displayName: 'Bob', sendsAudio: true, sendsVideo: false, audioMuted: false, videoMuted: false };
const ICE = [{ urls: ['stun:stun.example.org:3478'], username: null, credential: null }];

const joined = (extra = {}) => ({
  type: 'joined', room: ROOM, self: ANN, participants: [BOB], chat: [], iceServers: ICE,
  resumeToken: 'secret-1', resumed: false, ...extra,
});
const linkOpen = linkId => ({
  type: 'link-open', linkId, publisherId: 'pBob', peerId: 'pBob', direction: 'receive', youOffer: false, polite: true,
});

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
    this.closed = false;
    this.pc = {};
    this.connectionState = 'new';
  }

  updateIceServers() {}

  receiveDescription() {}

  receiveCandidate() {}

  close() {
    this.closed = true;
  }
}

async function inRoom() {
  const transport = new FakeTransport();
  const links = [];
  const errors = [];
  const acquired = [];
  const s = new RoomSession({
    transport,
    acquireMedia: async () => {
      acquired.push({ stream: cameraStream('audio', 'video'), mode: 'full', media: { audio: true, video: true }, notice: '' });
      return acquired.at(-1);
    },
    createLink: options => {
      const link = new FakeLink(options);
      links.push(link);
      return link;
    },
    listener: { error: error => errors.push(error) },
    log: recordingLog(),
    setTimer: () => {},
  });
  s.connected();
  await s.joinRoom({ roomId: 'r1', displayName: 'Ann' });
  s.handleEvent(joined());
  s.handleEvent(linkOpen('l1'));
  return { s, transport, links, errors, media: acquired[0], acquired };
}

describe('reconnecting after a signaling drop', () => {
  test('a drop in a room keeps the room, its links and the camera, and shows reconnecting', async () => {
    const { s, links, media } = await inRoom();

    s.connectionInterrupted();

    assert.equal(s.state.phase, 'in-room');
    assert.equal(s.snapshot().connection, 'reconnecting');
    assert.equal(s.snapshot().reconnecting, true);
    assert.equal(links[0].closed, false);
    assert.ok(media.stream.getTracks().every(t => t.readyState !== 'ended'));
  });

  test('the resume token is kept from joined but never shown in the snapshot', async () => {
    const { s } = await inRoom();
    assert.equal(s.state.resumeToken, 'secret-1');
    assert.ok(!JSON.stringify(s.snapshot()).includes('secret-1'));
  });

  test('once connected again the seat is resumed with the token', async () => {
    const { s, transport } = await inRoom();
    s.connectionInterrupted();

    s.connected();

    assert.deepEqual(transport.to('/app/room.resume'), [
      { roomId: 'r1', participantId: 'pAnn', resumeToken: 'secret-1' },
    ]);
  });

  test('leave pressed while reconnecting goes to the lobby at once and releases the seat once connected', async () => {
    const { s, transport } = await inRoom();
    s.connectionInterrupted();

    s.leaveRoom();
    assert.equal(s.state.phase, 'lobby');
    s.connected();

    assert.deepEqual(transport.to('/app/room.release'), [
      { roomId: 'r1', participantId: 'pAnn', resumeToken: 'secret-1' },
    ]);
    assert.deepEqual(transport.to('/app/room.resume'), []);
    s.connectionInterrupted();
    s.connected();
    assert.equal(transport.to('/app/room.release').length, 1, 'released once only');
  });

  test('leave pressed while connected is an ordinary leave', async () => {
    const { s, transport } = await inRoom();
    s.leaveRoom();
    assert.deepEqual(transport.to('/app/room.leave'), [{}]);
    assert.deepEqual(transport.to('/app/room.release'), []);
  });

  test('nothing is resumed without a drop, or from the lobby', async () => {
    const { s, transport } = await inRoom();
    s.connected();
    assert.deepEqual(transport.to('/app/room.resume'), []);
    assert.equal(resumeRequest({ phase: 'lobby', reconnecting: true, resumeToken: 'x' }), null);
  });

  test('the resumed joined drops the old links, and the link-opens that follow build new ones', async () => {
    const { s, links, transport } = await inRoom();
    s.connectionInterrupted();
    s.connected();

    s.handleEvent(joined({ resumed: true, participants: [BOB], iceServers: ICE }));
    s.handleEvent(linkOpen('l2'));

    assert.equal(links[0].closed, true);
    assert.equal(links.length, 2);
    assert.equal(links[1].closed, false);
    assert.deepEqual(s.state.links.map(l => l.linkId), ['l2']);
    assert.equal(s.state.phase, 'in-room');
    assert.equal(s.snapshot().reconnecting, false);
    assert.deepEqual(transport.to('/app/room.leave'), []);
  });

  test('a seat given up while the page was away: the page says so and joins the room again as a new participant', async () => {
    const { s, transport, links, errors, media, acquired } = await inRoom();
    s.connectionInterrupted();
    s.connected();

    s.handleEvent({ type: 'error', code: 'resume-failed', message: 'That seat can no longer be resumed', destination: '/app/room.resume' });

    assert.equal(links[0].closed, true);
    assert.deepEqual(errors.map(e => [e.code, e.message]), [['resume-failed', SEAT_LOST_MESSAGE]]);
    assert.ok(media.stream.getTracks().every(t => t.readyState === 'ended'), 'the old camera is released');
    await waitFor(() => transport.to('/app/room.join').length === 2, { what: 'the second room.join' });
    assert.equal(s.state.phase, 'joining');
    assert.deepEqual(transport.to('/app/room.join')[1], transport.to('/app/room.join')[0], 'the same room, name and media');
    assert.equal(acquired.length, 2, 'the camera is acquired anew for the join');
    assert.deepEqual(transport.to('/app/room.resume').length, 1, 'no second resume');
  });

  test('a join still in flight when the connection drops is given up', async () => {
    const transport = new FakeTransport();
    const s = new RoomSession({
      transport,
      acquireMedia: async () => ({ stream: null, mode: 'receive-only', media: { audio: false, video: false }, notice: '' }),
      createLink: options => new FakeLink(options),
      log: recordingLog(),
      setTimer: () => {},
    });
    s.connected();
    await s.joinRoom({ roomId: 'r1', displayName: 'Ann' });

    s.connectionInterrupted();
    s.connected();

    assert.equal(s.state.phase, 'lobby');
    assert.deepEqual(transport.to('/app/room.resume'), []);
  });

  test('participant-left events are recorded for the page debug handle', async () => {
    const { s } = await inRoom();
    s.handleEvent({ type: 'participant-left', roomId: 'r1', participantId: 'pBob', reason: 'disconnected' });
    assert.deepEqual(s.snapshot().departures, ['pBob']);
  });
});
