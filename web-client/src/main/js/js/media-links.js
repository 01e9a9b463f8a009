/**
 * The peer objects of one browser tab: one MediaLink (media-link.js) per link the room state lists,
 * created through the injected factory with a transport that tags its descriptions and candidates
 * with the linkId. Keeps signals that arrive before a link can be opened, and tells which tracks
 * each publisher is received with, over all links that carry them, and which of them are a shared
 * screen: a publisher sends camera and microphone in one stream and a screen in a stream of its own,
 * so a video track in another stream than the link's first one is the screen.
 * It also shares the camera's uplink among the send links (uplink-budget.js): each open or close of
 * one re-caps them all.
 */

import { cameraEncodingFor } from './uplink-budget.js';

export class MediaLinks {
  /**
   * @param {object} options
   * @param {(options: object) => object} options.createLink builds a MediaLink (or a fake)
   * @param {(destination: string, body: object) => boolean} options.send
   * @param {(linkId: string) => boolean} options.isPlanned whether the room state lists this link
   * @param {(mediaLink: object) => void} [options.onSendLinkOpened] before any waiting signal reaches it
   * @param {(publisherId: string, tracks: MediaStreamTrack[], screenTracks: MediaStreamTrack[]) => void} [options.onRemoteMedia]
   * @param {(message: string) => void} [options.onOpenFailed]
   * @param {(linkId: string) => void} [options.onDescribed] after a link sent its first offer or answer
   * @param {{warn: Function}} [options.log]
   */
  constructor({ createLink, send, isPlanned, onSendLinkOpened = () => {}, onRemoteMedia = () => {}, onOpenFailed = () => {},
    onDescribed = () => {}, log = console }) {
    this.createLink = createLink;
    this.send = send;
    this.isPlanned = isPlanned;
    this.onSendLinkOpened = onSendLinkOpened;
    this.onRemoteMedia = onRemoteMedia;
    this.onOpenFailed = onOpenFailed;
    this.onDescribed = onDescribed;
    this.log = log;
    /** linkId -> MediaLink for every link that has a peer connection. */
    this.byId = new Map();
    /** linkId -> signals that arrived for a link still waiting for `joined`. */
    this.pendingSignals = new Map();
    /** linkId -> {publisherId, tracks: Set, screen: Set, mainStream} of what each link delivered. */
    this.received = new Map();
    /** linkId -> publisherId of every open link. */
    this.publisherOf = new Map();
    /** The open links that have sent an offer or answer. */
    this.described = new Set();
  }

  /** Opens the peer object for a link of the room state, replacing one with the same id. */
  open(link, { iceServers, localStream }) {
    const { linkId } = link;
    const waiting = this.pendingSignals.get(linkId) ?? [];
    this.pendingSignals.delete(linkId);
    if (this.byId.has(linkId)) this.close(linkId);
    let mediaLink = null;
    const mine = () => mediaLink !== null && this.byId.get(linkId) === mediaLink;
    try {
      mediaLink = this.createLink({
        linkId,
        direction: link.direction,
        youOffer: link.youOffer,
        polite: link.polite,
        iceServers,
        localStream: link.direction === 'send' ? localStream ?? null : null,
        cameraEncoding: link.direction === 'send' ? cameraEncodingFor(this.sendLinks().length + 1) : null,
        transport: {
          sendDescription: description => {
            if (!mine()) return;
            this.send('/app/link.sdp', { linkId, description });
            if (!this.described.has(linkId)) {
              this.described.add(linkId);
              this.onDescribed(linkId);
            }
          },
          sendCandidate: candidate => {
            if (mine()) this.send('/app/link.ice', { linkId, candidate });
          },
        },
        onRemoteTrack: (track, streams) => this.#trackArrived(link, track, streams),
      });
    } catch (err) {
      this.log.warn(`link ${linkId} could not be opened`, err);
      this.onOpenFailed(`A media connection could not be opened: ${err?.message ?? err}`);
      return;
    }
    this.byId.set(linkId, mediaLink);
    this.publisherOf.set(linkId, link.publisherId ?? null);
    if (link.direction === 'send') {
      this.#shareCameraUplink();
      this.onSendLinkOpened(mediaLink);
    }
    for (const signal of waiting) this.signal(signal);
  }

  close(linkId) {
    this.pendingSignals.delete(linkId);
    const mediaLink = this.byId.get(linkId);
    this.publisherOf.delete(linkId);
    this.described.delete(linkId);
    if (mediaLink) {
      this.byId.delete(linkId);
      mediaLink.close();
      if (mediaLink.direction === 'send') this.#shareCameraUplink();
    }
    const delivered = this.received.get(linkId);
    if (delivered) {
      this.received.delete(linkId);
      this.#publishRemote(delivered.publisherId);
    }
  }

  /** Hands an `sdp` or `ice` to its link, or keeps it until the link opens. */
  signal(signal) {
    const mediaLink = this.byId.get(signal.linkId);
    if (mediaLink) {
      if (signal.kind === 'sdp') mediaLink.receiveDescription(signal.description);
      else mediaLink.receiveCandidate(signal.candidate);
      return;
    }
    if (this.isPlanned(signal.linkId)) {
      const waiting = this.pendingSignals.get(signal.linkId) ?? [];
      waiting.push(signal);
      this.pendingSignals.set(signal.linkId, waiting);
    }
  }

  updateIceServers(iceServers) {
    for (const mediaLink of this.byId.values()) mediaLink.updateIceServers(iceServers);
  }

  /** The open links that publish this browser's media. */
  sendLinks() {
    return [...this.byId.values()].filter(link => !link.closed && link.direction === 'send');
  }

  /** Gives every send link its share of the camera's uplink, as many as are open now. */
  #shareCameraUplink() {
    const links = this.sendLinks();
    const encoding = cameraEncodingFor(links.length);
    for (const link of links) {
      link.setCameraEncoding?.(encoding)?.catch?.(err => this.log.warn(`link ${link.linkId}: camera encoding failed`, err));
    }
  }

  peerConnections() {
    return [...this.byId.values()].filter(link => !link.closed).map(link => link.pc);
  }

  /** Whether the open link has sent its first offer or answer. */
  hasDescribed(linkId) {
    return this.described.has(linkId);
  }

  connectionStateOf(linkId) {
    return this.byId.get(linkId)?.connectionState ?? 'pending';
  }

  remoteTrackCount(linkId) {
    return this.received.get(linkId)?.tracks.size ?? 0;
  }

  #trackArrived(link, track, streams = []) {
    if (link.direction !== 'receive' || !this.byId.has(link.linkId)) return;
    let delivered = this.received.get(link.linkId);
    if (!delivered) {
      delivered = { publisherId: link.publisherId, tracks: new Set(), screen: new Set(), mainStream: null };
      this.received.set(link.linkId, delivered);
    }
    if (delivered.tracks.has(track)) return;
    delivered.tracks.add(track);
    const streamId = streams?.[0]?.id ?? null;
    delivered.mainStream ??= streamId;
    if (track.kind === 'video' && streamId != null && streamId !== delivered.mainStream) delivered.screen.add(track);
    const gone = () => {
      delivered.screen.delete(track);
      if (delivered.tracks.delete(track)) this.#publishRemote(link.publisherId);
    };
    track.addEventListener?.('ended', gone);
    // A sender removed by the publisher (an audio-only participant's share ending) removes its track.
    for (const stream of streams ?? []) {
      stream?.addEventListener?.('removetrack', event => {
        if (event.track === track) gone();
      });
    }
    this.#publishRemote(link.publisherId);
  }

  /** Tells every track still received from one publisher, over all links that carry it. */
  #publishRemote(publisherId) {
    const tracks = [];
    const screen = [];
    for (const delivered of this.received.values()) {
      if (delivered.publisherId !== publisherId) continue;
      tracks.push(...delivered.tracks);
      screen.push(...delivered.screen);
    }
    this.onRemoteMedia(publisherId, tracks, screen);
  }

  /** Every open link with its direction and publisher, for the connection statistics. */
  statsTargets() {
    return [...this.byId.entries()]
      .filter(([, link]) => !link.closed)
      .map(([linkId, link]) => ({ linkId, direction: link.direction, publisherId: this.publisherOf.get(linkId) ?? null, pc: link.pc }));
  }
}
