import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { MOST_RESERVED, PeerConnectionReserve, reserveSizeFor } from '../../main/js/js/peer-connection-reserve.js';

class FakePeerConnection {
  constructor(config) {
    this.config = config;
    this.closed = false;
  }

  setConfiguration(config) {
    if (this.refuses) throw new Error('InvalidModificationError');
    this.config = config;
  }

  close() {
    this.closed = true;
  }
}

/** A reserve whose idle moments run only when the test says so. */
function reserveWithIdleQueue() {
  const made = [];
  const idle = [];
  const reserve = new PeerConnectionReserve({
    create: config => {
      const pc = new FakePeerConnection(config);
      made.push(pc);
      return pc;
    },
    whenIdle: callback => idle.push(callback),
    log: { warn() {} },
  });
  const runIdle = () => {
    while (idle.length > 0) idle.shift()();
  };
  return { reserve, made, idle, runIdle };
}

const linkConfig = { iceServers: [{ urls: 'turn:turn.example:3478', username: 'u', credential: 'c' }] };

describe('peer connections made ahead of a join', () => {
  test('the pre-join screen readies two per participant in the room: a mesh link each way', () => {
    assert.equal(reserveSizeFor('prejoin', 2), 4);
    assert.equal(reserveSizeFor('prejoin', 0), 1, 'one to publish on to a media server');
    assert.equal(reserveSizeFor('waiting', 1), 2);
    assert.equal(reserveSizeFor('prejoin', 40), MOST_RESERVED, 'a large room makes the rest on demand');
    assert.equal(reserveSizeFor('room', 5), 1, 'in a call: one for the next link');
    assert.equal(reserveSizeFor('lobby', 3), 0);
  });

  test('they are made one per idle moment, never all at once', () => {
    const { reserve, made, idle, runIdle } = reserveWithIdleQueue();
    reserve.keep(3);
    assert.equal(made.length, 0, 'nothing is made in the task that asked');
    assert.equal(idle.length, 1);
    idle.shift()();
    assert.equal(made.length, 1);
    runIdle();
    assert.equal(reserve.size, 3);
  });

  test('a link takes a reserved connection with its own configuration, and the reserve refills later', () => {
    const { reserve, made, runIdle } = reserveWithIdleQueue();
    reserve.keep(2);
    runIdle();

    const pc = reserve.take(linkConfig);

    assert.equal(pc, made[0]);
    assert.deepEqual(pc.config, linkConfig, 'the link\'s ICE servers, not the empty ones it was made with');
    assert.equal(reserve.size, 1);
    assert.equal(reserve.taken, 1);
    runIdle();
    assert.equal(reserve.size, 2);
  });

  test('with nothing reserved, a link gets a new connection at once', () => {
    const { reserve, made } = reserveWithIdleQueue();

    const pc = reserve.take(linkConfig);

    assert.equal(made.length, 1);
    assert.deepEqual(pc.config, linkConfig);
    assert.equal(reserve.taken, 0);
  });

  test('a browser whose reserved connection refuses the configuration gets new ones and no more reserve', () => {
    const { reserve, made, runIdle } = reserveWithIdleQueue();
    reserve.keep(2);
    runIdle();
    made[0].refuses = true;

    const pc = reserve.take(linkConfig);

    assert.equal(made[0].closed, true);
    assert.equal(made[1].closed, true, 'the other reserved one is closed too');
    assert.equal(pc, made[2], 'a new one');
    assert.deepEqual(pc.config, linkConfig);
    reserve.keep(3);
    runIdle();
    assert.equal(reserve.size, 0);
  });

  test('entering the room keeps what the pre-join screen made; leaving closes every unused one', () => {
    const { reserve, made, runIdle } = reserveWithIdleQueue();
    reserve.keep(3);
    runIdle();

    reserve.keep(1); // the room shows before the join's links open
    assert.equal(reserve.size, 3);
    assert.equal(made.some(pc => pc.closed), false);

    reserve.keep(0);
    assert.equal(reserve.size, 0);
    assert.equal(made.every(pc => pc.closed), true);
  });

  test('a browser that cannot make one ahead leaves the links to make their own', () => {
    const idle = [];
    const reserve = new PeerConnectionReserve({
      create: () => { throw new Error('too many peer connections'); },
      whenIdle: callback => idle.push(callback),
      log: { warn() {} },
    });
    reserve.keep(2);
    idle.shift()();
    assert.equal(idle.length, 0, 'no retry loop');
    assert.equal(reserve.size, 0);
  });
});
