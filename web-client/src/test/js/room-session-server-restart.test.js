import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { RoomSession } from '../../main/js/js/room-session.js';
import { applyServerEvent } from '../../main/js/js/server-events.js';
import { initialState } from '../../main/js/js/room-state.js';
import { CONNECTION_TEXT } from '../../main/js/js/page-view.js';
import { cameraStream } from './support/fake-media.js';
import { recordingLog } from './support/link-harness.js';

// The server is shutting down (docs/signaling-protocol.md#server-restarting): the page says so,
// reconnects with the transport's usual backoff and joins the same room again by name.

const ROOM = { roomId: 'r1', name: 'Standup', participants: 2, capacity: 4, passwordRequired: true, locked: false };
const ANN = { participantId: 'pAnn', displayName: 'Ann', sendsAudio: true, sendsVideo: true, audioMuted: false, videoMuted: false };
const BOB = { participantId: 'pBob', displayName: 'Bob', sendsAudio: true, sendsVideo: false, audioMuted: false, videoMuted: false };

const joined = (room = ROOM) => ({
  type: 'joined', room, self: ANN, participants: [BOB], chat: [], iceServers: [], resumeToken: 'secret-1', resumed: false,
});
const rooms = list => ({ type: 'rooms', rooms: list, defaultCapacity: 6, maxCapacity: 8 });
const settle = () => new Promise(resolve => setImmediate(resolve));

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
  constructor() {
    this.closed = false;
    this.pc = {};
  }

  updateIceServers() {}

  receiveDescription() {}

  receiveCandidate() {}

  close() {
    this.closed = true;
  }
}

async function annInLockedRoom() {
  const transport = new FakeTransport();
  const links = [];
  const errors = [];
  let restartShown = 0;
  const s = new RoomSession({
    transport,
    acquireMedia: async () => ({ stream: cameraStream('audio', 'video'), mode: 'full', media: { audio: true, video: true }, notice: '' }),
    createLink: () => {
      const link = new FakeLink();
      links.push(link);
      return link;
    },
    listener: { error: error => errors.push(error), serverRestarting: () => { restartShown += 1; } },
    log: recordingLog(),
    setTimer: () => {},
  });
  s.connected();
  await s.joinRoom({ roomId: 'r1', displayName: 'Ann', password: 'hunter2' });
  s.handleEvent(joined());
  s.handleEvent({ type: 'link-open', linkId: 'l1', publisherId: 'pBob', peerId: 'pBob', direction: 'receive', youOffer: false, polite: true });
  return { s, transport, links, errors, restarts: () => restartShown };
}

describe('server restarting', () => {
  test('the page is told, the links close, and no error is shown', async () => {
    const { s, links, errors, restarts } = await annInLockedRoom();

    s.handleEvent({ type: 'server-restarting', roomId: 'r1' });

    assert.equal(restarts(), 1);
    assert.equal(links[0].closed, true);
    assert.deepEqual(errors, []);
    assert.equal(s.snapshot().rejoining, true);
    assert.equal(CONNECTION_TEXT.restarting, 'Server restarting — reconnecting…');
  });

  test('nothing is re-created on the old server while it stops', async () => {
    const { s, transport } = await annInLockedRoom();
    s.handleEvent({ type: 'server-restarting', roomId: 'r1' });

    s.handleEvent(rooms([]));

    assert.deepEqual(transport.to('/app/room.create'), []);
  });

  test('back on the new server, the first one back creates the room with its name, capacity and password, then joins', async () => {
    const { s, transport } = await annInLockedRoom();
    s.handleEvent({ type: 'server-restarting', roomId: 'r1' });
    s.connectionInterrupted();

    s.connected();
    s.handleEvent(rooms([]));

    assert.deepEqual(transport.to('/app/room.create'), [{ name: 'Standup', capacity: 4, password: 'hunter2' }]);
    s.handleEvent({ type: 'room-created', room: { ...ROOM, roomId: 'r2', participants: 0 } });
    await settle();
    assert.deepEqual(transport.to('/app/room.join').at(-1),
      { roomId: 'r2', displayName: 'Ann', password: 'hunter2', media: { audio: true, video: true } });
    s.handleEvent(joined({ ...ROOM, roomId: 'r2' }));
    assert.equal(s.state.phase, 'in-room');
    assert.equal(s.snapshot().rejoining, false);
  });

  test('when someone else re-created it first, the room is found by name and joined', async () => {
    const { s, transport } = await annInLockedRoom();
    s.handleEvent({ type: 'server-restarting', roomId: 'r1' });
    s.connectionInterrupted();
    s.connected();

    s.handleEvent(rooms([{ ...ROOM, roomId: 'r9', participants: 1 }]));
    await settle();

    assert.deepEqual(transport.to('/app/room.create'), []);
    assert.equal(transport.to('/app/room.join').at(-1).roomId, 'r9');
  });

  test('losing the race to create it waits for the next room list instead of showing an error', async () => {
    const { s, transport, errors } = await annInLockedRoom();
    s.handleEvent({ type: 'server-restarting', roomId: 'r1' });
    s.connectionInterrupted();
    s.connected();
    s.handleEvent(rooms([]));

    s.handleEvent({ type: 'error', code: 'room-name-taken', message: 'taken', destination: '/app/room.create' });
    s.handleEvent(rooms([{ ...ROOM, roomId: 'r5', participants: 1 }]));
    await settle();

    assert.deepEqual(errors, []);
    assert.equal(transport.to('/app/room.join').at(-1).roomId, 'r5');
  });

  test('leaving while waiting stops the rejoin', async () => {
    const { s, transport } = await annInLockedRoom();
    s.handleEvent({ type: 'server-restarting', roomId: 'r1' });
    s.leaveRoom();
    s.connected();

    s.handleEvent(rooms([]));

    assert.deepEqual(transport.to('/app/room.create'), []);
  });

  test('a restart for another room, or in the lobby, changes nothing', () => {
    const lobby = initialState();
    assert.equal(applyServerEvent(lobby, { type: 'server-restarting', roomId: 'r1' }).state, lobby);
  });
});
