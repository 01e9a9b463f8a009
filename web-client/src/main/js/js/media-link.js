/**
 * One end of one media link: a single RTCPeerConnection negotiated with WebRTC "perfect
 * negotiation", so either end may (re)offer at any time and glare resolves itself.
 *
 * The server tells each end its role in `link-open`: `youOffer` says who makes the first offer and
 * `polite` who yields when both offer at once. Nothing here knows about STOMP: descriptions and
 * candidates leave through the injected `transport` and arrive through receiveDescription() and
 * receiveCandidate().
 */

import { carriesCameraEncoding, isUncapped, withCameraEncoding } from './uplink-budget.js';

const defaultCreatePeerConnection = config => new RTCPeerConnection(config);

const ICE_TRANSPORT_POLICIES = new Set(['all', 'relay']);

/**
 * The diagnostic `?iceTransportPolicy=relay` page parameter: 'relay' makes every link use TURN
 * relays only, to check that a TURN server works; 'all' is the browser's default. Anything else: null.
 */
export function iceTransportPolicyFrom(search) {
  const value = new URLSearchParams(search ?? '').get('iceTransportPolicy');
  return ICE_TRANSPORT_POLICIES.has(value) ? value : null;
}

export class MediaLink {
  /**
   * @param {object} options
   * @param {string} options.linkId
   * @param {'send'|'receive'} options.direction send: this end publishes its local tracks
   * @param {boolean} options.youOffer whether this end makes the first offer
   * @param {boolean} options.polite whether this end yields on glare
   * @param {RTCIceServer[]} options.iceServers from `joined`; required so no connection runs without them
   * @param {'all'|'relay'|null} [options.iceTransportPolicy] only set by the diagnostic page parameter
   * @param {{sendDescription(d: object): void, sendCandidate(c: object): void}} options.transport
   * @param {MediaStream} [options.localStream] the tracks to publish on a send link
   * @param {{maxBitrate: number|null, scaleResolutionDownBy: number}|null} [options.cameraEncoding] the
   *   camera copy's cap on a send link (uplink-budget.js); null sends as the browser decides
   * @param {(track: MediaStreamTrack, streams: MediaStream[]) => void} [options.onRemoteTrack]
   * @param {(state: string) => void} [options.onConnectionStateChange]
   * @param {(config: RTCConfiguration) => RTCPeerConnection} [options.createPeerConnection]
   * @param {{warn: Function}} [options.log]
   */
  constructor({
    linkId,
    direction,
    youOffer,
    polite,
    iceServers,
    iceTransportPolicy = null,
    transport,
    localStream = null,
    cameraEncoding = null,
    onRemoteTrack = () => {},
    onConnectionStateChange = () => {},
    createPeerConnection = defaultCreatePeerConnection,
    log = console,
  }) {
    if (!Array.isArray(iceServers)) {
      // Links only exist after `joined`, which carries the ICE servers.
      throw new TypeError(`link ${linkId}: iceServers are required`);
    }
    if (direction !== 'send' && direction !== 'receive') {
      throw new TypeError(`link ${linkId}: unknown direction ${direction}`);
    }
    this.linkId = linkId;
    this.direction = direction;
    this.youOffer = Boolean(youOffer);
    this.polite = Boolean(polite);
    this.closed = false;
    this.transport = transport;
    this.log = log;

    // Perfect-negotiation bookkeeping.
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.settingRemoteAnswerPending = false;
    /** Candidates that arrived before any remote description could take them. */
    this.pendingCandidates = [];
    /** Until the first exchange completes, only the end the server named may offer. */
    this.mayOffer = this.youOffer;
    /** Incoming signals are applied one at a time, in arrival order. */
    this.incoming = Promise.resolve();
    /** The camera copy's cap, and its setParameters calls one after another (each reads the last). */
    this.cameraEncoding = cameraEncoding;
    this.encodingUpdates = Promise.resolve();

    const config = { iceServers };
    if (iceTransportPolicy) config.iceTransportPolicy = iceTransportPolicy;
    const pc = createPeerConnection(config);
    this.pc = pc;

    pc.addEventListener('negotiationneeded', () => {
      this.#offer();
    });
    pc.addEventListener('icecandidate', event => {
      // A null candidate only says gathering finished locally; the remote end needs nothing for it.
      if (this.closed || !event.candidate) return;
      this.transport.sendCandidate(candidateInit(event.candidate));
    });
    pc.addEventListener('track', event => {
      if (this.closed) return;
      onRemoteTrack(event.track, event.streams ? [...event.streams] : []);
    });
    pc.addEventListener('connectionstatechange', () => {
      if (this.closed) return;
      const state = pc.connectionState;
      // One end restarts ICE so that both ends do not race to do it.
      if (state === 'failed' && this.youOffer && typeof pc.restartIce === 'function') {
        pc.restartIce();
      }
      onConnectionStateChange(state);
    });

    this.#addMedia(localStream);
  }

  /** @returns {string} the peer connection's connectionState, or 'closed' */
  get connectionState() {
    return this.closed ? 'closed' : this.pc.connectionState;
  }

  /** Applies an `sdp` message from the other end. Resolves when it has been handled. */
  receiveDescription(description) {
    return this.#enqueue(() => this.#onDescription(description));
  }

  /** Applies an `ice` message from the other end. Resolves when it has been handled. */
  receiveCandidate(candidate) {
    return this.#enqueue(() => this.#onCandidate(candidate));
  }

  /**
   * Replaces the ICE servers, as when the server renewed short-lived TURN credentials. The rest of the
   * configuration is kept (browsers refuse changes to some of it). They apply to candidates gathered
   * from now on, e.g. by the ICE restart that follows a failed connection.
   */
  updateIceServers(iceServers) {
    if (this.closed || !Array.isArray(iceServers)) return;
    try {
      const current = typeof this.pc.getConfiguration === 'function' ? this.pc.getConfiguration() : {};
      this.pc.setConfiguration({ ...current, iceServers });
    } catch (err) {
      this.log.warn(`link ${this.linkId}: new ICE servers refused`, err);
    }
  }

  /**
   * Caps the camera copy this send link sends (uplink-budget.js), now or, where the sender has no
   * encodings before negotiation, once the first exchange is done. Resolves once applied or kept.
   */
  setCameraEncoding(encoding) {
    this.cameraEncoding = encoding;
    return this.#applyCameraEncoding();
  }

  #applyCameraEncoding() {
    this.encodingUpdates = this.encodingUpdates.then(async () => {
      const sender = this.senders.video;
      const encoding = this.cameraEncoding;
      if (this.closed || !sender || !encoding || typeof sender.getParameters !== 'function') return;
      const parameters = sender.getParameters();
      if (!parameters.encodings?.length || carriesCameraEncoding(parameters.encodings[0], encoding)) return;
      parameters.encodings = [withCameraEncoding(parameters.encodings[0], encoding), ...parameters.encodings.slice(1)];
      try {
        await sender.setParameters(parameters);
      } catch (err) {
        if (!this.closed) this.log.warn(`link ${this.linkId}: camera encoding refused`, err);
      }
    });
    return this.encodingUpdates;
  }

  /** Closes the peer connection. Safe to call more than once; later signals are ignored. */
  close() {
    if (this.closed) return;
    this.closed = true;
    this.pendingCandidates = [];
    try {
      this.pc.close();
    } catch (err) {
      this.log.warn(`link ${this.linkId}: close failed`, err);
    }
  }

  /**
   * Sends `track` instead of whatever this send link's sender of that kind carries now (camera ↔
   * screen share, or another device), without renegotiation.
   * @returns {Promise<boolean>} false where this link has no sender of that kind
   */
  async replaceTrack(kind, track) {
    const sender = this.senders[kind];
    if (this.closed || !sender) return false;
    await sender.replaceTrack(track);
    return true;
  }

  /**
   * Adds a video sender for a screen share on a link that has none (an audio-only publisher). The
   * negotiationneeded that follows renegotiates through perfect negotiation.
   */
  addShareTrack(track, stream) {
    if (this.closed || this.direction !== 'send' || this.shareSender) return;
    this.shareSender = stream ? this.pc.addTrack(track, stream) : this.pc.addTrack(track);
  }

  /** Removes the share's sender again; the remote end sees the track removed after renegotiation. */
  removeShareTrack() {
    const sender = this.shareSender;
    this.shareSender = null;
    if (this.closed || !sender) return;
    try {
      this.pc.removeTrack(sender);
    } catch (err) {
      this.log.warn(`link ${this.linkId}: removing the share failed`, err);
    }
  }

  #addMedia(localStream) {
    const pc = this.pc;
    /** kind -> the sender of the published camera or microphone track. */
    this.senders = {};
    this.shareSender = null;
    if (this.direction === 'send') {
      const tracks = localStream ? localStream.getTracks() : [];
      for (const track of tracks) {
        if (this.youOffer) {
          const init = { direction: 'sendonly', streams: [localStream] };
          // In the first offer already, so a capped copy is never encoded at full size.
          if (track.kind === 'video' && !isUncapped(this.cameraEncoding)) init.sendEncodings = [withCameraEncoding({}, this.cameraEncoding)];
          this.senders[track.kind] = pc.addTransceiver(track, init).sender;
        } else {
          // addTrack senders are adopted by the remote offer's m-lines instead of adding new ones.
          this.senders[track.kind] = pc.addTrack(track, localStream);
        }
      }
    } else if (this.youOffer) {
      // A receiving offerer (e.g. towards an SFU that expects it) must ask for both kinds.
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
    }
    // A receiving answerer adds nothing: the publisher's offer creates the transceivers.
  }

  async #offer() {
    // Browsers only fire negotiationneeded in stable; checking again keeps a late event harmless.
    // makingOffer: an offer under way (the first one, started before negotiationneeded) is not made twice.
    if (this.closed || this.makingOffer || !this.mayOffer || this.pc.signalingState !== 'stable') return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      // A glare rollback may have replaced our offer while it was being set; then it is stale.
      if (this.closed || this.pc.signalingState !== 'have-local-offer') return;
      this.transport.sendDescription(descriptionInit(this.pc.localDescription));
    } catch (err) {
      if (!this.closed) this.log.warn(`link ${this.linkId}: offer failed`, err);
    } finally {
      this.makingOffer = false;
    }
  }

  #enqueue(step) {
    if (this.closed) return Promise.resolve();
    this.incoming = this.incoming
      .then(() => (this.closed ? undefined : step()))
      .catch(err => {
        if (!this.closed) this.log.warn(`link ${this.linkId}: signal failed`, err);
      });
    return this.incoming;
  }

  async #onDescription(description) {
    const pc = this.pc;
    const readyForOffer =
      !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswerPending);
    const offerCollision = description.type === 'offer' && !readyForOffer;
    this.ignoreOffer = !this.polite && offerCollision;
    if (this.ignoreOffer) return; // the impolite end keeps its own offer; the other end yields

    if (offerCollision) {
      // Polite end: drop our own offer and take theirs.
      await pc.setLocalDescription({ type: 'rollback' });
      if (this.closed) return;
    }
    this.settingRemoteAnswerPending = description.type === 'answer';
    try {
      await pc.setRemoteDescription(description);
    } finally {
      this.settingRemoteAnswerPending = false;
    }
    if (this.closed) return;
    await this.#flushCandidates();
    if (this.closed) return;
    if (description.type === 'offer') {
      await pc.setLocalDescription();
      if (this.closed) return;
      this.transport.sendDescription(descriptionInit(pc.localDescription));
    }
    // The first exchange is done: from now on either end may renegotiate.
    this.mayOffer = true;
    // An answering sender has encodings from here on: a cap set before applies now, beside the signals.
    if (this.direction === 'send') this.#applyCameraEncoding();
  }

  async #onCandidate(candidate) {
    // Candidates that follow an offer we ignored belong to a session that never starts.
    if (this.ignoreOffer) return;
    if (!this.pc.remoteDescription) {
      this.pendingCandidates.push(candidate);
      return;
    }
    await this.#addCandidate(candidate);
  }

  async #flushCandidates() {
    const queued = this.pendingCandidates.splice(0);
    for (const candidate of queued) {
      if (this.closed) return;
      await this.#addCandidate(candidate);
    }
  }

  async #addCandidate(candidate) {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (err) {
      if (!this.ignoreOffer && !this.closed) {
        this.log.warn(`link ${this.linkId}: candidate refused`, err);
      }
    }
  }
}

/** The RTCSessionDescriptionInit shape the protocol carries. */
export function descriptionInit(description) {
  return { type: description.type, sdp: description.sdp };
}

/** The RTCIceCandidateInit shape the protocol carries. */
export function candidateInit(candidate) {
  if (typeof candidate.toJSON === 'function') return candidate.toJSON();
  const init = {
    candidate: candidate.candidate,
    sdpMid: candidate.sdpMid ?? null,
    sdpMLineIndex: candidate.sdpMLineIndex ?? null,
  };
  if (candidate.usernameFragment != null) init.usernameFragment = candidate.usernameFragment;
  return init;
}
