/**
 * A small RTCPeerConnection stand-in that keeps the parts of the JSEP state machine that perfect
 * negotiation depends on, and is strict where a real browser is strict:
 *
 * - signaling states stable / have-local-offer / have-remote-offer / closed, and InvalidStateError
 *   for a description that does not fit (no implicit rollback: a colliding remote offer must be
 *   preceded by an explicit rollback);
 * - operations (set*Description, addIceCandidate) run one after another on an operations chain,
 *   each after a macrotask, so that messages really interleave with negotiation;
 * - negotiationneeded fires (as a task, in stable, once the operations chain is empty) while a
 *   transceiver is not yet negotiated or an own ICE restart is pending, again after each return to
 *   stable; only a remote answer to an own offer completes that restart;
 * - every local description carries its own ICE ufrag; candidates carry it too, and
 *   addIceCandidate refuses a candidate without a remote description or from another ufrag;
 * - a remote description that sends media fires `track` once per m-line;
 * - setConfiguration replaces the configuration and refuses a bundlePolicy change;
 * - a sender's getParameters has the encodings addTransceiver gave it, or, without any, none until its
 *   m-line is negotiated (as for an answering addTrack); setParameters refuses a stale transactionId
 *   or another number of encodings.
 *
 * SDP is a toy format: `v=0`, `a=ice-ufrag:<tag>`, then `m=<kind> <mid> <direction>` per line.
 */

import { FakeTrack } from './fake-media.js';

const tick = () => new Promise(resolve => setTimeout(resolve, 0));

function domError(name, message) {
  const err = new Error(message);
  err.name = name;
  return err;
}

function sends(direction) {
  return direction === 'sendrecv' || direction === 'sendonly';
}

function receives(direction) {
  return direction === 'sendrecv' || direction === 'recvonly';
}

function directionOf(send, receive) {
  if (send && receive) return 'sendrecv';
  if (send) return 'sendonly';
  if (receive) return 'recvonly';
  return 'inactive';
}

export function parseSdp(sdp) {
  const lines = sdp.split('\r\n');
  const ufrag = lines.find(l => l.startsWith('a=ice-ufrag:'))?.slice('a=ice-ufrag:'.length) ?? null;
  const media = lines
    .filter(l => l.startsWith('m='))
    .map(l => {
      const [kind, mid, direction] = l.slice(2).split(' ');
      return { kind, mid, direction };
    });
  return { ufrag, media };
}

let nextPc = 0;
let nextTransaction = 0;

/** RTCRtpSender's track and parameters; negotiated() says whether its m-line was negotiated. */
export class FakeRTCRtpSender {
  constructor(track, sendEncodings, negotiated) {
    this.track = track;
    this.encodings = sendEncodings ? sendEncodings.map(e => ({ active: true, ...e })) : null;
    this.negotiated = negotiated;
    this.transactionId = null;
    /** Every encodings list setParameters accepted, in order. */
    this.parameterChanges = [];
  }

  #currentEncodings() {
    return this.encodings ?? (this.negotiated() ? [{ active: true }] : []);
  }

  getParameters() {
    this.transactionId = `t${++nextTransaction}`;
    return { transactionId: this.transactionId, encodings: this.#currentEncodings().map(e => ({ ...e })) };
  }

  async setParameters(parameters) {
    await tick();
    if (parameters.transactionId !== this.transactionId) throw domError('InvalidStateError', 'stale transactionId');
    if (parameters.encodings.length !== this.#currentEncodings().length) throw domError('InvalidModificationError', 'encodings changed in number');
    this.encodings = parameters.encodings.map(e => ({ ...e }));
    this.transactionId = null;
    this.parameterChanges.push(this.encodings.map(e => ({ ...e })));
  }
}

export class FakeRTCPeerConnection extends EventTarget {
  constructor(config) {
    super();
    this.config = config;
    this.name = `pc${++nextPc}`;
    this.signalingState = 'stable';
    this.connectionState = 'new';
    this.localDescription = null;
    this.remoteDescription = null;
    this.currentLocalDescription = null;
    this.currentRemoteDescription = null;
    this.transceivers = [];
    /** Candidates accepted by addIceCandidate, in order. */
    this.addedCandidates = [];
    /** Every set*Description call, for assertions: {side, type}. */
    this.calls = [];
    this.closeCalls = 0;
    this.iceRestartPending = false;
    this.nextMid = 0;
    this.nextUfrag = 0;
    this.chain = Promise.resolve();
    this.pendingOperations = 0;
    this.negotiationQueued = false;
    this.negotiationDeferred = false;
    /** Every configuration set after construction, in order. */
    this.configurations = [];
  }

  // ---- media ----

  addTransceiver(trackOrKind, init = {}) {
    const track = typeof trackOrKind === 'string' ? null : trackOrKind;
    const kind = track ? track.kind : trackOrKind;
    return this.#newTransceiver({ kind, track, direction: init.direction ?? 'sendrecv', fromAddTrack: false, sendEncodings: init.sendEncodings });
  }

  addTrack(track) {
    return this.#newTransceiver({ kind: track.kind, track, direction: 'sendrecv', fromAddTrack: true }).sender;
  }

  getTransceivers() {
    return [...this.transceivers];
  }

  restartIce() {
    this.iceRestartPending = true;
    this.#queueNegotiationNeeded();
  }

  // ---- configuration ----

  getConfiguration() {
    return { ...this.config };
  }

  /** As in browsers: the whole configuration is replaced, and a changed bundlePolicy is refused. */
  setConfiguration(config) {
    if (this.signalingState === 'closed') throw domError('InvalidStateError', 'closed');
    if (config.bundlePolicy !== this.config.bundlePolicy) {
      throw domError('InvalidModificationError', 'bundlePolicy cannot change');
    }
    this.config = { ...config };
    this.configurations.push(this.config);
  }

  // ---- negotiation ----

  setLocalDescription(description) {
    this.calls.push({ side: 'local', type: description?.type ?? 'implicit' });
    return this.#operation(() => {
      const type = description?.type ?? (this.signalingState === 'have-remote-offer' ? 'answer' : 'offer');
      if (type === 'rollback') return this.#rollback();
      if (type === 'offer') return this.#setLocalOffer();
      if (type === 'answer') return this.#setLocalAnswer();
      throw domError('TypeError', `unknown description type ${type}`);
    });
  }

  setRemoteDescription(description) {
    this.calls.push({ side: 'remote', type: description?.type });
    return this.#operation(() => {
      if (description.type === 'offer') return this.#setRemoteOffer(description);
      if (description.type === 'answer') return this.#setRemoteAnswer(description);
      if (description.type === 'rollback') return this.#rollback();
      throw domError('TypeError', `unknown description type ${description.type}`);
    });
  }

  addIceCandidate(candidate) {
    return this.#operation(() => {
      if (!this.remoteDescription) throw domError('InvalidStateError', 'no remote description');
      if (candidate?.candidate === '') return; // end of candidates
      const tag = String(candidate?.candidate ?? '').split(' ')[0].slice('candidate:'.length);
      const { ufrag } = parseSdp(this.remoteDescription.sdp);
      if (tag !== ufrag) throw domError('OperationError', `candidate ${tag} does not match ufrag ${ufrag}`);
      this.addedCandidates.push(candidate);
      if (this.currentLocalDescription && this.currentRemoteDescription && this.connectionState !== 'connected') {
        this.connectionState = 'connected';
        this.dispatchEvent(new Event('connectionstatechange'));
      }
    });
  }

  close() {
    this.closeCalls += 1;
    if (this.signalingState === 'closed') return;
    this.signalingState = 'closed';
    this.connectionState = 'closed';
    for (const t of this.transceivers) t.receiver.track.readyState = 'ended';
  }

  // ---- internals ----

  #operation(step) {
    this.pendingOperations += 1;
    const result = this.chain.then(async () => {
      await tick();
      if (this.signalingState === 'closed') throw domError('InvalidStateError', 'closed');
      return step();
    });
    this.chain = result
      .catch(() => {})
      .then(() => {
        this.pendingOperations -= 1;
        // As in the spec: a check deferred by a busy chain runs once the chain is empty.
        if (this.pendingOperations === 0 && this.negotiationDeferred) {
          this.negotiationDeferred = false;
          this.#queueNegotiationNeeded();
        }
      });
    return result;
  }

  #newTransceiver({ kind, track, direction, fromAddTrack, sendEncodings = null }) {
    const transceiver = {
      mid: null,
      kind,
      direction,
      fromAddTrack,
      sender: null,
      receiver: { track: new FakeTrack(kind) },
      trackFired: false,
    };
    transceiver.sender = new FakeRTCRtpSender(track, sendEncodings,
      () => transceiver.mid !== null && this.currentRemoteDescription !== null && this.currentLocalDescription !== null);
    this.transceivers.push(transceiver);
    this.#queueNegotiationNeeded();
    return transceiver;
  }

  #needsNegotiation() {
    return this.iceRestartPending || this.transceivers.some(t => t.mid === null);
  }

  #queueNegotiationNeeded() {
    if (this.negotiationQueued) return;
    this.negotiationQueued = true;
    setTimeout(() => {
      this.negotiationQueued = false;
      if (this.pendingOperations > 0) {
        this.negotiationDeferred = true;
        return;
      }
      if (this.signalingState === 'stable' && this.#needsNegotiation()) {
        this.dispatchEvent(new Event('negotiationneeded'));
      }
    }, 0);
  }

  #sdp(lines) {
    const ufrag = `${this.name}u${++this.nextUfrag}`;
    const media = lines.map(({ kind, mid, direction }) => `m=${kind} ${mid} ${direction}`);
    return { ufrag, sdp: ['v=0', `a=ice-ufrag:${ufrag}`, ...media].join('\r\n') };
  }

  #setLocalOffer() {
    if (this.signalingState !== 'stable' && this.signalingState !== 'have-local-offer') {
      throw domError('InvalidStateError', `cannot offer in ${this.signalingState}`);
    }
    this.offerAssignedMids = [];
    for (const t of this.transceivers) {
      if (t.mid !== null) continue;
      t.mid = `${this.name}m${++this.nextMid}`;
      this.offerAssignedMids.push(t);
    }
    const { ufrag, sdp } = this.#sdp(
      this.transceivers.map(t => ({
        kind: t.kind,
        mid: t.mid,
        direction: directionOf(sends(t.direction) && t.sender.track !== null, receives(t.direction)),
      })),
    );
    this.localDescription = { type: 'offer', sdp };
    this.signalingState = 'have-local-offer';
    this.#gather(ufrag);
  }

  #setLocalAnswer() {
    if (this.signalingState !== 'have-remote-offer') {
      throw domError('InvalidStateError', `cannot answer in ${this.signalingState}`);
    }
    const offered = parseSdp(this.remoteDescription.sdp).media;
    const { ufrag, sdp } = this.#sdp(
      offered.map(line => {
        const t = this.transceivers.find(x => x.mid === line.mid);
        const send = sends(t.direction) && t.sender.track !== null && receives(line.direction);
        const receive = receives(t.direction) && sends(line.direction);
        return { kind: line.kind, mid: line.mid, direction: directionOf(send, receive) };
      }),
    );
    this.localDescription = { type: 'answer', sdp };
    this.currentLocalDescription = this.localDescription;
    this.currentRemoteDescription = this.remoteDescription;
    this.signalingState = 'stable';
    this.#gather(ufrag);
    this.#queueNegotiationNeeded();
  }

  #setRemoteOffer(description) {
    if (this.signalingState !== 'stable') {
      throw domError('InvalidStateError', `remote offer in ${this.signalingState}`);
    }
    const { media } = parseSdp(description.sdp);
    for (const line of media) {
      let t = this.transceivers.find(x => x.mid === line.mid);
      if (!t) {
        // JSEP: an unassociated addTrack transceiver of the same kind takes the m-line.
        t = this.transceivers.find(x => x.mid === null && x.fromAddTrack && x.kind === line.kind);
        if (t) t.mid = line.mid;
      }
      if (!t) {
        t = {
          mid: line.mid,
          kind: line.kind,
          direction: 'recvonly',
          fromAddTrack: false,
          sender: { track: null },
          receiver: { track: new FakeTrack(line.kind) },
          trackFired: false,
        };
        this.transceivers.push(t);
      }
    }
    this.remoteDescription = { type: 'offer', sdp: description.sdp };
    this.signalingState = 'have-remote-offer';
    this.#fireTracks(media);
  }

  #setRemoteAnswer(description) {
    if (this.signalingState !== 'have-local-offer') {
      throw domError('InvalidStateError', `remote answer in ${this.signalingState}`);
    }
    const { media } = parseSdp(description.sdp);
    this.remoteDescription = { type: 'answer', sdp: description.sdp };
    this.currentRemoteDescription = this.remoteDescription;
    this.currentLocalDescription = this.localDescription;
    this.signalingState = 'stable';
    this.iceRestartPending = false;
    this.#fireTracks(media);
    this.#queueNegotiationNeeded();
  }

  #rollback() {
    if (this.signalingState === 'have-local-offer') {
      for (const t of this.offerAssignedMids ?? []) t.mid = null;
      this.localDescription = this.currentLocalDescription;
    } else if (this.signalingState === 'have-remote-offer') {
      this.remoteDescription = this.currentRemoteDescription;
    } else {
      throw domError('InvalidStateError', `nothing to roll back in ${this.signalingState}`);
    }
    this.signalingState = 'stable';
    this.#queueNegotiationNeeded();
  }

  #fireTracks(media) {
    for (const line of media) {
      if (!sends(line.direction)) continue;
      const t = this.transceivers.find(x => x.mid === line.mid);
      if (!t || t.trackFired) continue;
      t.trackFired = true;
      const event = new Event('track');
      event.track = t.receiver.track;
      event.streams = [];
      event.transceiver = t;
      this.dispatchEvent(event);
    }
  }

  /** One host candidate for this ufrag, then the end-of-gathering null. */
  #gather(ufrag) {
    const firstMid = this.transceivers.find(t => t.mid !== null)?.mid ?? '0';
    setTimeout(() => {
      if (this.signalingState === 'closed') return;
      const init = { candidate: `candidate:${ufrag} 1 udp 2122260223 127.0.0.1 50000 typ host`, sdpMid: firstMid, sdpMLineIndex: 0 };
      const candidate = { ...init, toJSON: () => ({ ...init }) };
      const found = new Event('icecandidate');
      found.candidate = candidate;
      this.dispatchEvent(found);
      const done = new Event('icecandidate');
      done.candidate = null;
      this.dispatchEvent(done);
    }, 0);
  }
}
