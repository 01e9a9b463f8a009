/**
 * Runs the signaling protocol (docs/signaling-protocol.md) for one browser tab: holds the room
 * state, feeds every server event through the pure reducer (server-events.js) and carries out the
 * effects it returns, with its collaborators:
 * - SessionConnection (session-connection.js): connected, reconnecting, lost, and the seat's resume;
 * - MediaLinks (media-links.js): one MediaLink peer object per link, with the transport injected;
 * - InCallControls (in-call-controls.js): own camera and microphone, mute, share, devices.
 * It owns the lobby actions (create, join, leave) and chat sending, and tells an injected listener
 * what to render.
 *
 * listener (all optional):
 *   stateChanged(state)                    after every change, with the plain state
 *   localMediaChanged(local|null)          {stream, mode, media, notice, audioMuted, videoMuted}
 *   remoteMediaChanged(publisherId, tracks) every track currently received from that publisher
 *   error({code, message, destination})    something to show the user
 *   errorCleared()                         a new action started; an old error no longer applies
 *   serverRestarting()                     the server is going; the page will join again by name
 *   notice({kind, text})                   something a host did, or a knock, to show and announce
 *   reaction({participantId, emoji, text}) a reaction to show over a tile ('self' for the own) and announce
 */

import { errorText } from './errors.js';
import { stopStream } from './local-media.js';
import { initialState } from './room-state.js';
import { applyServerEvent } from './server-events.js';
import { beginJoin, leaveLocally } from './membership-state.js';
import { chatRequest } from './chat-state.js';
import { hostRequest } from './moderation-state.js';
import { toggleHandRequest } from './hands-state.js';
import { reactionRequest } from './reactions-state.js';
import { SessionConnection } from './session-connection.js';
import { MediaLinks } from './media-links.js';
import { InCallControls } from './in-call-controls.js';

export class RoomSession {
  constructor({
    transport,
    acquireMedia,
    createLink,
    listener = {},
    log = console,
    setTimer = (fn, ms) => setTimeout(fn, ms),
    getDisplayMedia = null,
    getUserMedia = null,
    clientToken = null,
  }) {
    this.transport = transport;
    /** Sent with every join; see ClientToken in the domain. */
    this.clientToken = clientToken;
    this.listener = listener;
    this.log = log;
    this.state = initialState();
    const send = (destination, body) => this.#send(destination, body);
    this.signaling = new SessionConnection({ send, setTimer, roomListLoaded: () => this.state.lobby.loaded });
    this.links = new MediaLinks({
      createLink,
      send,
      log,
      isPlanned: linkId => this.state.links.some(l => l.linkId === linkId),
      onSendLinkOpened: mediaLink => this.controls.shareOnNewLink(mediaLink),
      onRemoteMedia: (publisherId, tracks) => this.listener.remoteMediaChanged?.(publisherId, tracks),
      onOpenFailed: message => this.#clientError('link-failed', message),
    });
    this.controls = new InCallControls({
      acquireMedia,
      getDisplayMedia,
      getUserMedia,
      log,
      sendLinks: () => this.links.sendLinks(),
      inRoom: () => this.state.phase === 'in-room',
      announce: flags => this.#send('/app/media.state', flags),
      // While the hosts hold the microphone, the page does not unmute it either (the server would refuse).
      mayUnmute: () => this.state.self?.mayUnmute !== false,
      onChange: local => this.listener.localMediaChanged?.(local),
      onError: (code, message) => this.#clientError(code, message),
    });
    /** Every participant-left seen, in order: the end-to-end tests check that a resume causes none. */
    this.departures = [];
  }

  /** 'connecting' | 'connected' | 'reconnecting' | 'lost' */
  get connection() {
    return this.signaling.status;
  }

  /** The own media in the room (in-call-controls.js), or null. */
  get local() {
    return this.controls.local;
  }

  // ---- connection -------------------------------------------------------------------------

  connected() {
    this.#transition(this.signaling.connected(this.state));
  }

  connectionInterrupted() {
    this.#transition(this.signaling.interrupted(this.state));
  }

  connectionLost() {
    this.#transition(this.signaling.lost(this.state));
  }

  // ---- user actions -----------------------------------------------------------------------

  /** Creates a room and, once the server confirms it, joins it with the same password. */
  createRoom({ name, capacity = null, password = null, displayName }) {
    if (this.state.phase !== 'lobby' || !this.#canAct(displayName)) return false;
    this.state = {
      ...this.state,
      pendingCreate: { password: password || null, displayName: displayName.trim() },
    };
    this.#send('/app/room.create', {
      name: String(name ?? ''),
      capacity: Number.isFinite(capacity) ? capacity : null,
      password: password || null,
    });
    this.#notify();
    return true;
  }

  /** Acquires local media, then asks to join. Resolves true once room.join was sent. */
  async joinRoom({ roomId, password = null, displayName }) {
    if (this.state.phase !== 'lobby' || !this.#canAct(displayName)) return false;
    const name = displayName.trim();
    this.state = beginJoin(this.state, { roomId, password: password || null });
    this.#notify();

    const local = await this.controls.acquire();
    if (this.state.phase !== 'joining' || this.state.joining?.roomId !== roomId) {
      stopStream(local.stream); // the join was abandoned while the browser asked for devices
      return false;
    }
    this.controls.adopt(local);
    this.#send('/app/room.join', {
      roomId,
      displayName: name,
      password: password || null,
      media: { audio: Boolean(local.media?.audio), video: Boolean(local.media?.video) },
      ...(this.clientToken ? { clientToken: this.clientToken } : {}),
    });
    return true;
  }

  /** Leaves at once: the page does not wait for `left` to stop the camera and close links. */
  leaveRoom() {
    if (this.state.phase === 'waiting') {
      // Gives up waiting to be admitted: the server withdraws the knock.
      this.#send('/app/room.leave', {});
      const { state, effects } = leaveLocally(this.state);
      this.#transition({ state, effects: [...effects, { type: 'left' }] });
      return;
    }
    if (this.state.phase === 'lobby') {
      // Leaving while waiting to join again after a server restart: stop waiting.
      if (this.state.rejoin) {
        this.state = { ...this.state, rejoin: null, pendingCreate: null };
        this.controls.release();
        this.#notify();
      }
      return;
    }
    const leave = this.state.phase === 'in-room' ? this.signaling.leave(this.state) : [];
    const { state, effects } = leaveLocally(this.state);
    this.#transition({ state, effects: [...leave, ...effects, { type: 'left' }] });
  }

  /** @returns {boolean} whether a message was sent */
  sendChat(text) {
    const request = chatRequest(this.state, text);
    if (!request) return false;
    this.listener.errorCleared?.();
    return this.#send('/app/chat.send', request);
  }

  /**
   * A host action (moderation-state.js hostRequest): on a participant ({participantId}) or on the
   * room ({locked}, {password}, {enabled}, {hostsControl}, {knockId}). @returns whether it was sent
   */
  hostAction(action, options = {}) {
    const request = hostRequest(this.state, action, options);
    if (!request) return false;
    this.listener.errorCleared?.();
    return this.#send(request.destination, request.body);
  }

  /** Raises the own hand, or lowers it when it is up. */
  toggleHand() {
    const request = toggleHandRequest(this.state);
    return request ? this.#send(request.destination, request.body) : false;
  }

  react(emoji) {
    const request = reactionRequest(this.state, emoji);
    return request ? this.#send(request.destination, request.body) : false;
  }

  // ---- server events ----------------------------------------------------------------------

  handleEvent(event) {
    if (event?.type === 'participant-left') this.departures.push(event.participantId);
    const before = this.state;
    const { state, effects } = applyServerEvent(before, event);
    this.state = state;
    this.#run(effects);
    // sdp and ice change no state; everything else is rendered.
    if (this.state !== before) this.#notify();
  }

  // ---- for the page's debug handle --------------------------------------------------------

  peerConnections() {
    return this.links.peerConnections();
  }

  /** A plain copy of everything worth asserting on. */
  snapshot() {
    const s = this.state;
    const local = this.local;
    return JSON.parse(
      JSON.stringify({
        connection: this.connection,
        phase: s.phase,
        reconnecting: Boolean(s.reconnecting),
        rejoining: Boolean(s.rejoin),
        departures: this.departures,
        selfId: s.self?.participantId ?? null,
        self: s.self,
        room: s.room,
        participants: s.participants,
        settings: s.settings,
        hands: s.hands,
        waiting: s.waiting,
        waitingList: s.waitingList,
        chatMessages: s.chat.length,
        iceServers: s.iceServers,
        lobby: s.lobby,
        localMedia: local
          ? { mode: local.mode, media: local.media, audioMuted: local.audioMuted, videoMuted: local.videoMuted,
              sharing: Boolean(local.sharing) }
          : null,
        links: s.links.map(link => ({
          ...link,
          connectionState: this.links.connectionStateOf(link.linkId),
          remoteTracks: this.links.remoteTrackCount(link.linkId),
        })),
      }),
    );
  }

  // ---- internals --------------------------------------------------------------------------

  #canAct(displayName) {
    if (this.connection !== 'connected') {
      this.#clientError('not-connected');
      return false;
    }
    if (typeof displayName !== 'string' || displayName.trim() === '') {
      this.#clientError('invalid-display-name', 'Enter your name first.');
      return false;
    }
    this.listener.errorCleared?.();
    return true;
  }

  #clientError(code, message) {
    this.listener.error?.({ code, message: errorText(code, message), destination: null });
  }

  #send(destination, body) {
    try {
      return this.transport.send(destination, body) !== false;
    } catch (err) {
      this.log.warn(`sending to ${destination} failed`, err);
      return false;
    }
  }

  #notify() {
    this.listener.stateChanged?.(this.state);
  }

  /** Takes the state, carries out the effects and renders: for changes the page starts itself. */
  #transition({ state, effects }) {
    this.state = state;
    this.#run(effects);
    this.#notify();
  }

  #run(effects) {
    for (const effect of effects) {
      try {
        this.#apply(effect);
      } catch (err) {
        this.log.warn(`effect ${effect.type} failed`, err);
      }
    }
  }

  #apply(effect) {
    switch (effect.type) {
      case 'send':
        this.#send(effect.destination, effect.body);
        break;
      case 'join-room':
        this.joinRoom({ roomId: effect.roomId, password: effect.password, displayName: effect.displayName });
        break;
      case 'joined':
        this.listener.errorCleared?.();
        break;
      case 'join-failed':
      case 'left':
        this.controls.release();
        break;
      case 'server-restarting':
        // The camera stays on: the same stream is offered again once the room is joined again.
        this.listener.serverRestarting?.();
        break;
      case 'open-link':
        this.links.open(effect.link, { iceServers: this.state.iceServers, localStream: this.local?.stream ?? null });
        break;
      case 'close-link':
        this.links.close(effect.linkId);
        break;
      case 'signal':
        this.links.signal(effect);
        break;
      case 'update-ice-servers':
        this.links.updateIceServers(effect.iceServers);
        break;
      case 'force-mute':
        this.controls.setMuted(effect.kind, true);
        break;
      case 'stop-share':
        this.controls.stopShare();
        break;
      case 'notice':
        this.listener.notice?.({ kind: effect.kind, text: effect.text });
        break;
      case 'reaction':
        this.listener.reaction?.({ participantId: effect.participantId, emoji: effect.emoji, text: effect.text });
        break;
      case 'error':
        this.listener.error?.({
          code: effect.code,
          message: errorText(effect.code, effect.message),
          destination: effect.destination,
        });
        break;
      default:
        this.log.warn(`unknown effect ${effect.type}`);
    }
  }
}
