/**
 * Two MediaLinks on fake peer connections, wired through a fake signaling network that can be
 * paused and reordered, as the server's relay could be.
 */

import { MediaLink } from '../../../main/js/js/media-link.js';
import { FakeRTCPeerConnection } from './fake-webrtc.js';

/** Polls; the generous timeout only matters on an overloaded machine, where a failure is slow. */
export async function waitFor(condition, { timeout = 10000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 1));
  }
}

/** Lets every pending timer and promise run, several rounds deep. */
export async function quiesce(rounds = 30) {
  for (let i = 0; i < rounds; i++) await new Promise(resolve => setTimeout(resolve, 0));
}

export class Network {
  constructor() {
    this.links = new Map();
    this.queue = [];
    this.sent = [];
    this.paused = false;
  }

  transportFor(from, to) {
    return {
      sendDescription: description => this.#push({ from, to, kind: 'sdp', payload: description }),
      sendCandidate: candidate => this.#push({ from, to, kind: 'ice', payload: candidate }),
    };
  }

  attach(name, link) {
    this.links.set(name, link);
  }

  pause() {
    this.paused = true;
  }

  resume() {
    this.paused = false;
    this.#schedule();
  }

  /** Messages sent by one end, optionally of one kind. */
  sentBy(from, kind) {
    return this.sent.filter(m => m.from === from && (!kind || m.kind === kind));
  }

  /** Removes and returns queued messages matching the predicate, to deliver them out of order. */
  take(predicate) {
    const taken = this.queue.filter(predicate);
    this.queue = this.queue.filter(m => !taken.includes(m));
    return taken;
  }

  deliver(message) {
    const link = this.links.get(message.to);
    const payload = JSON.parse(JSON.stringify(message.payload)); // as it crosses the wire
    return message.kind === 'sdp' ? link.receiveDescription(payload) : link.receiveCandidate(payload);
  }

  #push(message) {
    this.sent.push(message);
    this.queue.push(message);
    this.#schedule();
  }

  #schedule() {
    if (this.paused) return;
    setTimeout(() => {
      while (!this.paused && this.queue.length > 0) this.deliver(this.queue.shift());
    }, 0);
  }
}

export function recordingLog() {
  const warnings = [];
  return { warnings, warn: (...args) => warnings.push(args.map(String).join(' ')) };
}

/**
 * Builds the two ends of one link. `a` and `b` are MediaLink options without transport and
 * createPeerConnection; each end gets its own remote-track list and warning log.
 */
export function linkPair({ a, b, iceServers = [{ urls: ['stun:127.0.0.1:3478'] }], network = new Network() }) {
  const ends = {};
  for (const [name, other, options] of [['a', 'b', a], ['b', 'a', b]]) {
    const remoteTracks = [];
    const log = recordingLog();
    const pcs = [];
    const link = new MediaLink({
      linkId: 'l1',
      iceServers,
      ...options,
      transport: network.transportFor(name, other),
      onRemoteTrack: track => remoteTracks.push(track),
      createPeerConnection: config => {
        const pc = new FakeRTCPeerConnection(config);
        pcs.push(pc);
        return pc;
      },
      log,
    });
    network.attach(name, link);
    ends[name] = { link, pc: pcs[0], remoteTracks, log };
  }
  return { ...ends, network };
}
