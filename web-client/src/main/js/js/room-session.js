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
 * It also keeps the seat's ticket for a reload (seat-ticket.js), resumes it after a reload, and looks
 * up the room of an invite link.
 *
 * listener (all optional):
 *   stateChanged(state)                    after every change, with the plain state
 *   localMediaChanged(local|null)          {stream, mode, media, notice, audioMuted, videoMuted}
 *   remoteMediaChanged(publisherId, tracks, screenTracks) every track currently received from that
 *                                          publisher, and which of them are a shared screen
 *   resumeFailed()                         a reload came too late to keep the seat
 *   roomCreated(room, password)            the room just created, for the pre-join screen; without
 *                                          this listener the creator joins at once
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
import { beginReloadResume, reloadResumeRequest } from './reconnect-state.js';
import { beginFind, findRequest } from './invite-state.js';
import { chatRequest } from './chat-state.js';
import { hostRequest } from './moderation-state.js';
import { toggleHandRequest } from './hands-state.js';
import { reactionRequest } from './reactions-state.js';
import { SessionConnection } from './session-connection.js';
import { MediaLinks } from './media-links.js';
import { InCallControls } from './in-call-controls.js';
import { FirstDrawHold, joinLinksDescribed } from './first-draw-hold.js';

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
    seatTicket = null,
    clientToken = null,
    scheduleRender = null,
  }) {
    this.transport = transport;
    /**
     * Where server events are rendered: null renders each at once; the page passes a task-deferring
     * scheduler so that the events already queued behind it (link-open after joined, sdp) reach their
     * peer connections before the screen is drawn once for all of them.
     */
    this.scheduleRender = scheduleRender;
    this.renderPending = false;
    /** Where the seat's ticket for a reload is kept ({save, load, clear}), or null. */
    this.seatTicket = seatTicket;
    /** A reload's ticket, resumed once connected. */
    this.pendingReload = null;
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
      onRemoteMedia: (publisherId, tracks, screenTracks) =>
        this.listener.remoteMediaChanged?.(publisherId, tracks, screenTracks),
      onOpenFailed: message => this.#clientError('link-failed', message),
      onDescribed: () => this.firstDraw.check(),
    });
    /** With a deferring scheduleRender, the room's first drawing waits for the join's links (first-draw-hold.js). */
    this.firstDraw = new FirstDrawHold({
      setTimer,
      ready: () => joinLinksDescribed(this.state, linkId => this.links.hasDescribed(linkId)),
      release: () => this.#notifySoon(),
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
    if (this.state.invite?.status === 'resolving') this.#run([findRequest(this.state.invite.slug)]);
    if (this.pendingReload && this.state.phase === 'lobby') this.#resumeReload(this.pendingReload);
  }

  connectionInterrupted() {
    this.#transition(this.signaling.interrupted(this.state));
  }

  connectionLost() {
    this.#transition(this.signaling.lost(this.state));
  }

  // ---- user actions -----------------------------------------------------------------------

  /** Creates a room and, once the server confirms it, joins it with the same password. */
  createRoom({ name, capacity = null, password = null, privateLink = false, displayName }) {
    if (this.state.phase !== 'lobby' || !this.#canAct(displayName)) return false;
    this.state = {
      ...this.state,
      pendingCreate: { password: password || null, displayName: displayName.trim() },
    };
    const body = {
      name: String(name ?? ''),
      capacity: Number.isFinite(capacity) ? capacity : null,
      password: password || null,
    };
    if (privateLink) body.privateLink = true;
    this.#send('/app/room.create', body);
    this.#notify();
    return true;
  }

  /**
   * Asks to join with the media of the pre-join screen (`local`), or acquires it first. `muted`
   * joins with the microphone muted or the camera off. Resolves true once room.join was sent.
   */
  async joinRoom({ roomId, password = null, displayName, local: given = null, muted = {} }) {
    if (this.state.phase !== 'lobby' || !this.#canAct(displayName)) {
      if (given) stopStream(given.stream);
      return false;
    }
    const name = displayName.trim();
    this.state = beginJoin(this.state, { roomId, password: password || null });
    let local = given;
    if (!local) {
      this.#notify(); // "Joining…" while the browser asks for devices
      local = await this.controls.acquire();
      if (this.state.phase !== 'joining' || this.state.joining?.roomId !== roomId) {
        stopStream(local.stream); // the join was abandoned while the browser asked for devices
        return false;
      }
    }
    // room.join leaves before any rendering, so the page draws the joining state and its own tile
    // while the server works. Links open only on later events, so the tracks adopt() mutes (join
    // muted, camera off) are muted before any link can send them.
    this.#send('/app/room.join', {
      roomId,
      displayName: name,
      password: password || null,
      media: { audio: Boolean(local.media?.audio), video: Boolean(local.media?.video) },
      ...(this.clientToken ? { clientToken: this.clientToken } : {}),
    });
    this.controls.adopt(local, { audioMuted: Boolean(muted.audio), videoMuted: Boolean(muted.video) });
    if (given) this.#notify();
    return true;
  }

  /** Looks up the room of an invite link (once connected); the answer lands in state.invite. */
  findRoom(slug) {
    this.state = beginFind(this.state, slug);
    if (this.connection === 'connected') this.#run([findRequest(slug)]);
    this.#notify();
  }

  /** The pre-join screen is for this room, known already (from the lobby list or a create). */
  showInvite(room) {
    this.state = { ...this.state, invite: { slug: room.slug, status: 'found', room } };
    this.#notify();
  }

  /** Forgets the invite link's room, as when the user goes back to the lobby. */
  forgetInvite() {
    if (!this.state.invite) return;
    this.state = { ...this.state, invite: null };
    this.#notify();
  }

  /** After a reload: takes the seat of this ticket back once connected (room.resume). */
  resumeAfterReload(ticket) {
    this.pendingReload = ticket;
    if (this.connection === 'connected' && this.state.phase === 'lobby') this.#resumeReload(ticket);
  }

  /**
   * The page is going away (pagehide): it may be a reload, so the seat is kept for a short while
   * (room.suspend) and the ticket stays; a closed tab leaves when that while is over.
   */
  suspend() {
    if (this.state.phase === 'in-room') {
      // While reconnecting the server holds the seat for the reconnect grace already; the ticket stays.
      if (this.connection === 'connected') this.#send('/app/room.suspend', {});
      return;
    }
    this.leaveRoom();
  }

  /** Leaves at once: the page does not wait for `left` to stop the camera and close links. */
  leaveRoom() {
    this.seatTicket?.clear();
    this.pendingReload = null;
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
    if (this.scheduleRender && before.phase !== 'in-room' && state.phase === 'in-room') this.firstDraw.begin();
    this.#run(effects);
    // sdp and ice change no state; everything else is rendered.
    if (this.state !== before) this.#notifySoon();
  }

  // ---- for the page's debug handle --------------------------------------------------------

  peerConnections() {
    return this.links.peerConnections();
  }

  /** Every open link with its direction and publisher, for connection statistics. */
  statsTargets() {
    return this.links.statsTargets();
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
        invite: s.invite,
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

  async #resumeReload(ticket) {
    this.pendingReload = null;
    this.state = beginReloadResume(this.state, ticket);
    this.#notify();
    const local = await this.controls.acquire();
    if (this.state.phase !== 'joining' || this.state.joining?.roomId !== ticket.roomId) {
      stopStream(local.stream);
      return;
    }
    this.controls.adopt(local);
    this.#send('/app/room.resume', reloadResumeRequest(ticket));
  }

  #saveTicket() {
    const s = this.state;
    if (!this.seatTicket || s.phase !== 'in-room' || !s.resumeToken) return;
    this.seatTicket.save({
      roomId: s.room.roomId,
      participantId: s.self.participantId,
      resumeToken: s.resumeToken,
      slug: s.room.slug ?? null,
      displayName: s.self.displayName,
    });
  }

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

  /** Renders after the events already waiting, once for all of them (see scheduleRender). */
  #notifySoon() {
    if (!this.scheduleRender) {
      this.#notify();
      return;
    }
    if (this.renderPending) return;
    this.renderPending = true;
    this.scheduleRender(() => {
      this.renderPending = false;
      // A held first drawing happens when the hold ends (its release asks again).
      if (!this.firstDraw.holding()) this.#notify();
    });
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
        // A room one just created goes through the pre-join screen when the page has one.
        if (effect.created && this.listener.roomCreated) this.listener.roomCreated(effect.room, effect.password);
        else this.joinRoom({ roomId: effect.roomId, password: effect.password, displayName: effect.displayName, muted: effect.muted ?? {} });
        break;
      case 'joined':
        this.listener.errorCleared?.();
        this.#saveTicket();
        if (effect.resumed) this.controls.restoreState(this.state.self ?? {});
        else if (effect.fresh) this.controls.announceInitialState();
        break;
      case 'join-failed':
        this.controls.release();
        break;
      case 'left':
        this.seatTicket?.clear();
        this.controls.release();
        break;
      case 'resume-failed':
        this.seatTicket?.clear();
        this.listener.resumeFailed?.();
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
