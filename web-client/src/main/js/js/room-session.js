/**
 * The signaling protocol's client side (docs/signaling-protocol.md).
 *
 * Two layers:
 * - applyServerEvent(state, event): a pure function from a plain state and one server event to the
 *   next state plus a list of effects (open this link, close that one, show an error...). It never
 *   touches the network, the DOM or WebRTC, so every protocol rule is testable on its own.
 * - RoomSession: carries out those effects with an injected transport, media acquisition and link
 *   factory, and tells an injected listener what to render.
 */

import { errorText, isSilentError } from './errors.js';
import { stopStream } from './local-media.js';
import { initialShareState, shareTransition } from './share-state.js';

/** Chat kept in memory and on screen; the server sends at most the last 100 on join. */
export const MAX_CHAT_MESSAGES = 500;

/** Errors that, while a join is pending and no destination is named, mean the join failed. */
const JOIN_ERROR_CODES = new Set([
  'room-not-found',
  'room-full',
  'server-full',
  'wrong-password',
  'name-taken',
  'invalid-display-name',
  'invalid-password',
  'already-in-room',
  'media-unavailable',
]);

/** If no `rooms` answer came this long after connecting, ask once more. */
const ROOMS_RETRY_MS = 3000;

export function initialState() {
  return {
    phase: 'lobby', // lobby | joining | in-room
    lobby: { rooms: [], defaultCapacity: null, maxCapacity: null, loaded: false },
    /** Set between room.create and room-created: the join that follows needs these. */
    pendingCreate: null,
    /** The room.join in flight. */
    joining: null,
    room: null,
    self: null,
    /** Everyone else in the room, in order of arrival. */
    participants: [],
    chat: [],
    /** From `joined`; null until then, and no link is opened while it is null. */
    iceServers: null,
    /** Links this browser is an end of: {linkId, publisherId, peerId, direction, youOffer, polite}. */
    links: [],
    /** The seat's secret from `joined`, for room.resume after a dropped connection; never shown. */
    resumeToken: null,
    /** True from a signaling drop in a room until the resumed `joined` (or the return to the lobby). */
    reconnecting: false,
    /** The password the current room was joined with, kept only to join again after a server restart. */
    joinPassword: null,
    /**
     * After `server-restarting`: the room to join again once connected to a server that is back,
     * {roomName, capacity, password, displayName, reconnected, creating}; null otherwise.
     */
    rejoin: null,
  };
}

/**
 * RTCIceServer entries from the server's list: null username/credential would otherwise become the
 * string "null", and an entry without URLs makes RTCPeerConnection throw.
 */
export function normalizeIceServers(servers) {
  if (!Array.isArray(servers)) return [];
  const result = [];
  for (const server of servers) {
    if (!server) continue;
    const urls = (Array.isArray(server.urls) ? server.urls : [server.urls]).filter(
      url => typeof url === 'string' && url !== '',
    );
    if (urls.length === 0) continue;
    const entry = { urls };
    if (server.username != null) entry.username = server.username;
    if (server.credential != null) entry.credential = server.credential;
    result.push(entry);
  }
  return result;
}

function toLobby(state) {
  return {
    ...state,
    phase: 'lobby',
    joining: null,
    room: null,
    self: null,
    participants: [],
    chat: [],
    iceServers: null,
    links: [],
    resumeToken: null,
    reconnecting: false,
    joinPassword: null,
    rejoin: null,
  };
}

function inThisRoom(state, roomId) {
  return state.phase === 'in-room' && (roomId == null || roomId === state.room?.roomId);
}

function participantOf(p) {
  return {
    participantId: p.participantId,
    displayName: String(p.displayName ?? ''),
    sendsAudio: Boolean(p.sendsAudio),
    sendsVideo: Boolean(p.sendsVideo),
    audioMuted: Boolean(p.audioMuted),
    videoMuted: Boolean(p.videoMuted),
    sharing: Boolean(p.sharing),
  };
}

function roomOf(r) {
  return {
    roomId: r.roomId,
    name: String(r.name ?? ''),
    participants: Number(r.participants) || 0,
    capacity: Number(r.capacity) || 0,
    locked: Boolean(r.locked),
  };
}

function messageOf(m) {
  return {
    messageId: m.messageId,
    authorId: m.authorId,
    authorName: String(m.authorName ?? ''),
    text: String(m.text ?? ''),
    sentAt: m.sentAt ?? null,
  };
}

function appendChat(chat, messages) {
  const seen = new Set(chat.map(m => m.messageId));
  const next = [...chat];
  for (const m of messages) {
    if (!m || seen.has(m.messageId)) continue;
    seen.add(m.messageId);
    next.push(messageOf(m));
  }
  return next.length > MAX_CHAT_MESSAGES ? next.slice(-MAX_CHAT_MESSAGES) : next;
}

function closeLinks(links) {
  return links.map(link => ({ type: 'close-link', linkId: link.linkId, publisherId: link.publisherId }));
}

const unchanged = state => ({ state, effects: [] });

const HANDLERS = {
  rooms(state, e) {
    const rooms = Array.isArray(e.rooms) ? e.rooms.map(roomOf) : [];
    const lobby = {
      rooms,
      defaultCapacity: e.defaultCapacity ?? state.lobby.defaultCapacity,
      maxCapacity: e.maxCapacity ?? state.lobby.maxCapacity,
      loaded: true,
    };
    const current = state.room && rooms.find(r => r.roomId === state.room.roomId);
    const next = { ...state, lobby, room: current ? { ...state.room, ...current } : state.room };
    return state.rejoin ? rejoinFromLobby(next) : { state: next, effects: [] };
  },

  'room-created'(state, e) {
    // Creating does not join: the creator joins next, with the password it chose.
    if (!state.pendingCreate || state.phase !== 'lobby' || !e.room) return unchanged(state);
    const { password, displayName } = state.pendingCreate;
    return {
      state: { ...state, pendingCreate: null },
      effects: [{ type: 'join-room', roomId: e.room.roomId, password, displayName }],
    };
  },

  joined(state, e) {
    if (e.resumed === true && state.phase === 'in-room') return resumed(state, e);
    if (state.phase !== 'joining') {
      // The page gave up on this join (e.g. the user went back); do not keep a seat it cannot use.
      return { state, effects: [{ type: 'send', destination: '/app/room.leave', body: {} }] };
    }
    const self = participantOf(e.self ?? {});
    const next = {
      ...state,
      phase: 'in-room',
      joining: null,
      room: roomOf(e.room ?? { roomId: state.joining?.roomId }),
      self,
      participants: (Array.isArray(e.participants) ? e.participants : [])
        .filter(p => p && p.participantId !== self.participantId)
        .map(participantOf),
      chat: appendChat([], Array.isArray(e.chat) ? e.chat : []),
      iceServers: normalizeIceServers(e.iceServers),
      resumeToken: typeof e.resumeToken === 'string' ? e.resumeToken : null,
      reconnecting: false,
      joinPassword: state.joining?.password ?? null,
      rejoin: null,
    };
    // Links announced before `joined` waited for the ICE servers; open them now.
    return {
      state: next,
      effects: [{ type: 'joined' }, ...next.links.map(link => ({ type: 'open-link', link }))],
    };
  },

  'participant-joined'(state, e) {
    if (!inThisRoom(state, e.roomId) || !e.participant) return unchanged(state);
    const p = participantOf(e.participant);
    if (p.participantId === state.self?.participantId) return unchanged(state);
    const exists = state.participants.some(o => o.participantId === p.participantId);
    const participants = exists
      ? state.participants.map(o => (o.participantId === p.participantId ? p : o))
      : [...state.participants, p];
    return { state: { ...state, participants }, effects: [] };
  },

  'participant-left'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    const id = e.participantId;
    // The server closes their links first; closing any left over keeps no dead connection around.
    const gone = state.links.filter(l => l.publisherId === id || l.peerId === id);
    return {
      state: {
        ...state,
        participants: state.participants.filter(p => p.participantId !== id),
        links: state.links.filter(l => !gone.includes(l)),
      },
      effects: closeLinks(gone),
    };
  },

  left(state) {
    if (state.phase === 'lobby') return unchanged(state);
    return { state: toLobby(state), effects: [...closeLinks(state.links), { type: 'left' }] };
  },

  chat(state, e) {
    if (!inThisRoom(state, e.roomId) || !e.message) return unchanged(state);
    const chat = appendChat(state.chat, [e.message]);
    return chat.length === state.chat.length && chat.at(-1) === state.chat.at(-1)
      ? unchanged(state)
      : { state: { ...state, chat }, effects: [] };
  },

  'media-state'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    const flags = { audioMuted: Boolean(e.audioMuted), videoMuted: Boolean(e.videoMuted), sharing: Boolean(e.sharing) };
    if (e.participantId === state.self?.participantId) {
      return { state: { ...state, self: { ...state.self, ...flags } }, effects: [] };
    }
    const participants = state.participants.map(p =>
      p.participantId === e.participantId ? { ...p, ...flags } : p,
    );
    return { state: { ...state, participants }, effects: [] };
  },

  'link-open'(state, e) {
    if (state.phase === 'lobby' || !e.linkId) return unchanged(state);
    const link = {
      linkId: e.linkId,
      publisherId: e.publisherId ?? null,
      peerId: e.peerId ?? null,
      direction: e.direction,
      youOffer: Boolean(e.youOffer),
      polite: Boolean(e.polite),
    };
    const replaced = state.links.filter(l => l.linkId === link.linkId);
    const links = [...state.links.filter(l => l.linkId !== link.linkId), link];
    const effects = closeLinks(replaced);
    // Before `joined` there are no ICE servers yet: the link waits in state until they arrive.
    if (state.iceServers) effects.push({ type: 'open-link', link });
    return { state: { ...state, links }, effects };
  },

  'link-close'(state, e) {
    const link = state.links.find(l => l.linkId === e.linkId);
    if (!link) return unchanged(state);
    return {
      state: { ...state, links: state.links.filter(l => l !== link) },
      effects: closeLinks([link]),
    };
  },

  sdp(state, e) {
    if (!e.description || !state.links.some(l => l.linkId === e.linkId)) return unchanged(state);
    return { state, effects: [{ type: 'signal', linkId: e.linkId, kind: 'sdp', description: e.description }] };
  },

  ice(state, e) {
    if (!e.candidate || !state.links.some(l => l.linkId === e.linkId)) return unchanged(state);
    return { state, effects: [{ type: 'signal', linkId: e.linkId, kind: 'ice', candidate: e.candidate }] };
  },

  'ice-servers'(state, e) {
    // Renewed credentials: links opened from now on take them from state, open ones are updated.
    if (state.phase !== 'in-room' || !Array.isArray(e.iceServers)) return unchanged(state);
    const iceServers = normalizeIceServers(e.iceServers);
    return { state: { ...state, iceServers }, effects: [{ type: 'update-ice-servers', iceServers }] };
  },

  /** The room's media server went away or came back: a notice while video waits for it. */
  'media-server'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    return { state: { ...state, mediaServerAwayIn: e.available ? null : e.roomId }, effects: [] };
  },

  'server-restarting'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    // The room and the seat are gone with the old server: nothing can be resumed, so join again by name.
    const rejoin = {
      roomName: state.room.name,
      capacity: state.room.capacity || null,
      password: state.joinPassword,
      displayName: state.self?.displayName ?? '',
      reconnected: false,
      creating: false,
    };
    return {
      state: { ...toLobby(state), rejoin, lobby: { ...state.lobby, loaded: false } },
      effects: [...closeLinks(state.links), { type: 'server-restarting' }],
    };
  },

  error(state, e) {
    if (state.rejoin && (e.code === 'server-restarting' || e.destination === '/app/room.create')) {
      // The old server refusing while it stops, or another participant re-created the room first:
      // the next room list decides again.
      return { state: { ...state, pendingCreate: null, rejoin: { ...state.rejoin, creating: false } }, effects: [] };
    }
    if (isSilentError(e.code)) return unchanged(state);
    const effects = [{ type: 'error', code: e.code, message: e.message, destination: e.destination ?? null }];
    let next = state;
    const aboutJoin =
      e.destination === '/app/room.join' || (e.destination == null && JOIN_ERROR_CODES.has(e.code));
    if (state.phase === 'joining' && aboutJoin) {
      next = toLobby(state);
      effects.push({ type: 'join-failed' });
    }
    if (e.destination === '/app/room.resume' && state.phase === 'in-room') {
      // The seat is gone (grace period over, or the room closed): back to the lobby.
      next = toLobby(state);
      effects.push(...closeLinks(state.links), { type: 'left' });
    }
    if (e.destination === '/app/room.create' && state.pendingCreate) {
      next = { ...next, pendingCreate: null };
    }
    return { state: next, effects };
  },
};

/**
 * @returns {{state: object, effects: object[]}} the state after `event` and what must happen
 *   because of it; unknown events change nothing
 */
export function applyServerEvent(state, event) {
  const handler = event && Object.hasOwn(HANDLERS, event.type) ? HANDLERS[event.type] : null;
  return handler ? handler(state, event) : unchanged(state);
}

/**
 * Joins the room again after a server restart, once connected to the server that is back: by name,
 * since room ids do not survive a restart. The first participant back creates it (same name, capacity
 * and password), the others find it in the list and join.
 */
function rejoinFromLobby(state) {
  const { rejoin } = state;
  if (!rejoin.reconnected || state.phase !== 'lobby' || rejoin.creating) return { state, effects: [] };
  const room = state.lobby.rooms.find(r => r.name === rejoin.roomName);
  if (room) {
    return {
      state: { ...state, rejoin: null },
      effects: [{ type: 'join-room', roomId: room.roomId, password: rejoin.password, displayName: rejoin.displayName }],
    };
  }
  return {
    state: {
      ...state,
      rejoin: { ...rejoin, creating: true },
      pendingCreate: { password: rejoin.password, displayName: rejoin.displayName },
    },
    effects: [{
      type: 'send',
      destination: '/app/room.create',
      body: { name: rejoin.roomName, capacity: rejoin.capacity, password: rejoin.password },
    }],
  };
}

/** After a reconnect: a pending rejoin may now act on the new server's room list. */
export function reconnectedForRejoin(state) {
  return state.rejoin ? { ...state, rejoin: { ...state.rejoin, reconnected: true } } : state;
}

/**
 * The answer to room.resume: the same seat on a new connection. The server closed and re-planned
 * every link of ours, so the old peer connections go and the `link-open`s that follow build new ones.
 */
function resumed(state, e) {
  const self = participantOf(e.self ?? state.self ?? {});
  const next = {
    ...state,
    reconnecting: false,
    room: e.room ? roomOf(e.room) : state.room,
    self,
    participants: (Array.isArray(e.participants) ? e.participants : [])
      .filter(p => p && p.participantId !== self.participantId)
      .map(participantOf),
    chat: appendChat([], Array.isArray(e.chat) ? e.chat : []),
    iceServers: normalizeIceServers(e.iceServers),
    resumeToken: typeof e.resumeToken === 'string' ? e.resumeToken : state.resumeToken,
    links: [],
  };
  return { state: next, effects: [...closeLinks(state.links), { type: 'joined' }] };
}

/** The room.resume body for a seat whose connection dropped, or null when there is nothing to resume. */
export function resumeRequest(state) {
  if (state.phase !== 'in-room' || !state.reconnecting || !state.resumeToken) return null;
  return { roomId: state.room?.roomId, participantId: state.self?.participantId, resumeToken: state.resumeToken };
}

/** The state while a room.join is outstanding. */
export function beginJoin(state, { roomId, password = null }) {
  return { ...state, phase: 'joining', joining: { roomId, password }, pendingCreate: null };
}

/** Leaving on the page's own initiative: back to the lobby, every link closed. */
export function leaveLocally(state) {
  return { state: toLobby(state), effects: closeLinks(state.links) };
}

/**
 * Runs the protocol for one browser tab.
 *
 * listener (all optional):
 *   stateChanged(state)                    after every change, with the plain state
 *   localMediaChanged(local|null)          {stream, mode, media, notice, audioMuted, videoMuted}
 *   remoteMediaChanged(publisherId, tracks) every track currently received from that publisher
 *   error({code, message, destination})    something to show the user
 *   errorCleared()                         a new action started; an old error no longer applies
 */
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
  }) {
    /** For screen sharing and device switching; without them those controls do nothing. */
    this.getDisplayMedia = getDisplayMedia;
    this.getUserMedia = getUserMedia;
    /** What the own video senders carry (share-state.js), and the screen being shared. */
    this.share = initialShareState('receive-only');
    this.screen = null;
    this.transport = transport;
    this.acquireMedia = acquireMedia;
    this.createLink = createLink;
    this.listener = listener;
    this.log = log;
    this.setTimer = setTimer;
    this.state = initialState();
    this.connection = 'connecting';
    this.local = null;
    /** linkId -> MediaLink for every link that has a peer connection. */
    this.mediaLinks = new Map();
    /** linkId -> signals that arrived for a link still waiting for `joined`. */
    this.pendingSignals = new Map();
    /** linkId -> {publisherId, tracks: Set} of what each link delivered. */
    this.received = new Map();
    /** Every participant-left seen, in order: the end-to-end tests check that a resume causes none. */
    this.departures = [];
    /** The seat to release once connected again, when leave was pressed while reconnecting. */
    this.pendingRelease = null;
  }

  // ---- connection -------------------------------------------------------------------------

  connected() {
    this.connection = 'connected';
    this.state = reconnectedForRejoin(this.state);
    const resume = resumeRequest(this.state);
    if (resume) this.#send('/app/room.resume', resume);
    if (this.pendingRelease) {
      this.#send('/app/room.release', this.pendingRelease);
      this.pendingRelease = null;
    }
    this.#send('/app/lobby.rooms', {});
    // The reply is addressed to a queue subscribed a moment earlier; ask again if it got lost.
    this.setTimer(() => {
      if (this.connection === 'connected' && !this.state.lobby.loaded) this.#send('/app/lobby.rooms', {});
    }, ROOMS_RETRY_MS);
    this.#notify();
  }

  /**
   * The signaling connection dropped and the transport is retrying. In a room the seat is kept by
   * the server for a while: media keeps flowing on the open peer connections, and connected()
   * resumes the seat. A join in flight cannot be resumed and is given up.
   */
  connectionInterrupted() {
    this.connection = 'reconnecting';
    if (this.state.phase === 'in-room') {
      this.state = { ...this.state, reconnecting: true };
    } else if (this.state.phase === 'joining') {
      const { state, effects } = leaveLocally(this.state);
      this.state = state;
      this.#run(effects);
      this.#releaseLocalMedia();
    }
    this.state = { ...this.state, pendingCreate: null };
    this.#notify();
  }

  connectionLost() {
    this.connection = 'lost';
    // The server drops our seat within seconds; nothing negotiated from here on can work.
    const { state, effects } = leaveLocally(this.state);
    this.state = { ...state, pendingCreate: null };
    this.#run(effects);
    this.#releaseLocalMedia();
    this.#notify();
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

    let local;
    try {
      local = await this.acquireMedia();
    } catch (err) {
      this.log.warn('media acquisition failed', err);
      local = { stream: null, mode: 'receive-only', media: { audio: false, video: false }, notice: '' };
    }
    if (this.state.phase !== 'joining' || this.state.joining?.roomId !== roomId) {
      stopStream(local.stream); // the join was abandoned while the browser asked for devices
      return false;
    }
    this.#releaseLocalMedia();
    this.local = { ...local, audioMuted: false, videoMuted: false, sharing: false, screenStream: null };
    this.share = initialShareState(local.mode);
    this.listener.localMediaChanged?.(this.local);
    this.#send('/app/room.join', {
      roomId,
      displayName: name,
      password: password || null,
      media: { audio: Boolean(local.media?.audio), video: Boolean(local.media?.video) },
    });
    return true;
  }

  /** Leaves at once: the page does not wait for `left` to stop the camera and close links. */
  leaveRoom() {
    if (this.state.phase === 'lobby') {
      // Leaving while waiting to join again after a server restart: stop waiting.
      if (this.state.rejoin) {
        this.state = { ...this.state, rejoin: null, pendingCreate: null };
        this.#releaseLocalMedia();
        this.#notify();
      }
      return;
    }
    if (this.state.phase === 'in-room') {
      const seat = resumeRequest(this.state);
      // Offline, the leave cannot be sent: release the seat once connected, instead of after the grace period.
      if (seat && this.connection !== 'connected') this.pendingRelease = seat;
      else this.#send('/app/room.leave', {});
    }
    const { state, effects } = leaveLocally(this.state);
    this.state = state;
    this.#run(effects);
    this.#releaseLocalMedia();
    this.#notify();
  }

  /** @returns {boolean} whether a message was sent */
  sendChat(text) {
    if (this.state.phase !== 'in-room' || typeof text !== 'string' || text.trim() === '') return false;
    this.listener.errorCleared?.();
    return this.#send('/app/chat.send', { roomId: this.state.room.roomId, text });
  }

  /** Mutes or unmutes the own microphone ('audio') or camera ('video') and tells the room. */
  setMuted(kind, muted) {
    if (this.state.phase !== 'in-room' || !this.local?.stream) return;
    const tracks = kind === 'audio' ? this.local.stream.getAudioTracks() : this.local.stream.getVideoTracks();
    if (tracks.length === 0) return;
    for (const track of tracks) track.enabled = !muted;
    this.local = { ...this.local, [kind === 'audio' ? 'audioMuted' : 'videoMuted']: Boolean(muted) };
    this.listener.localMediaChanged?.(this.local);
    this.#announceMediaState();
  }

  /** Whether the share button applies: only a participant who publishes something can share. */
  canShare() {
    return this.state.phase === 'in-room' && Boolean(this.local) && this.share.enabled
      && typeof this.getDisplayMedia === 'function';
  }

  /**
   * Asks for a screen and sends it in place of the camera (replaceTrack), or, for an audio-only
   * participant, on a video sender added to every publishing link. A dismissed picker
   * (NotAllowedError) changes nothing and shows nothing. Resolves true once sharing.
   */
  async startShare() {
    if (!this.canShare()) return false;
    const { state, effects } = shareTransition(this.share, 'start');
    if (!effects.some(effect => effect.type === 'pick')) return false;
    this.share = state;
    let stream = null;
    try {
      stream = await this.getDisplayMedia({ video: true, audio: false });
    } catch (err) {
      if (err?.name !== 'NotAllowedError' && err?.name !== 'AbortError') this.log.warn('screen share failed', err);
      this.#shareEvent('cancelled');
      return false;
    }
    const track = stream?.getVideoTracks?.()[0] ?? null;
    if (!track || !this.local || this.share.sharing !== 'picking') {
      stopStream(stream); // no video, or the room was left while the picker was open
      this.#shareEvent('cancelled');
      return false;
    }
    this.screen = { stream, track };
    // The browser's own "stop sharing" ends the track.
    track.addEventListener?.('ended', () => {
      if (this.screen?.track === track) this.#shareEvent('ended');
    });
    this.#shareEvent('picked');
    return true;
  }

  /** Stops sharing and sends the camera again (or no video, for an audio-only participant). */
  stopShare() {
    this.#shareEvent('stop');
  }

  /**
   * Switches the microphone ('audio') or camera ('video') to another device without leaving: the new
   * track replaces the old one on every publishing link. Resolves true once switched.
   */
  async switchDevice(kind, deviceId) {
    if (this.state.phase !== 'in-room' || !this.local?.stream || typeof this.getUserMedia !== 'function') return false;
    const tracksOf = stream => (kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks());
    const old = tracksOf(this.local.stream)[0];
    if (!old || !deviceId) return false;
    const constraints = kind === 'audio'
      ? { audio: { deviceId: { exact: deviceId } } }
      : { video: { deviceId: { exact: deviceId }, width: { ideal: 640 }, height: { ideal: 480 } } };
    let fresh = null;
    try {
      fresh = tracksOf(await this.getUserMedia(constraints))[0] ?? null;
    } catch (err) {
      this.log.warn(`switching ${kind} failed`, err);
    }
    if (!fresh) {
      this.#clientError('device-failed', `That ${kind === 'audio' ? 'microphone' : 'camera'} cannot be used.`);
      return false;
    }
    const stream = this.local?.stream;
    if (!stream || !tracksOf(stream).includes(old)) {
      fresh.stop(); // left, or switched again meanwhile
      return false;
    }
    fresh.enabled = !(kind === 'audio' ? this.local.audioMuted : this.local.videoMuted);
    stream.removeTrack(old);
    stream.addTrack(fresh);
    // While sharing, the camera is not being sent: it is put back when the share stops.
    if (!(kind === 'video' && this.share.sharing === 'yes')) {
      await Promise.all(this.#sendLinks().map(link => link.replaceTrack(kind, fresh).catch(err => {
        this.log.warn(`link ${link.linkId}: replacing ${kind} failed`, err);
      })));
    }
    old.stop();
    if (this.local) {
      this.local = { ...this.local, devices: { ...this.local.devices, [kind]: deviceId } };
      this.listener.localMediaChanged?.(this.local);
    }
    return true;
  }

  #sendLinks() {
    return [...this.mediaLinks.values()].filter(link => !link.closed && link.direction === 'send');
  }

  #announceMediaState() {
    if (this.state.phase !== 'in-room' || !this.local) return;
    this.#send('/app/media.state', {
      audioMuted: Boolean(this.local.audioMuted),
      videoMuted: Boolean(this.local.videoMuted),
      sharing: Boolean(this.local.sharing),
    });
  }

  #shareEvent(event) {
    const { state, effects } = shareTransition(this.share, event);
    this.share = state;
    for (const effect of effects) this.#applyShare(effect, this.#sendLinks());
  }

  /** Carries out one share-state.js effect on the given publishing links. */
  #applyShare(effect, links) {
    const warn = what => err => this.log.warn(`${what} failed`, err);
    switch (effect.type) {
      case 'replace-video': {
        const track = effect.with === 'screen' ? this.screen?.track : this.local?.stream?.getVideoTracks()[0];
        for (const link of links) link.replaceTrack('video', track ?? null).catch(warn(`link ${link.linkId}: replaceTrack`));
        break;
      }
      case 'add-share-sender':
        for (const link of links) link.addShareTrack(this.screen.track, this.screen.stream);
        break;
      case 'remove-share-sender':
        for (const link of links) link.removeShareTrack();
        break;
      case 'stop-screen':
        stopStream(this.screen?.stream);
        this.screen = null;
        break;
      case 'announce':
        if (!this.local) break;
        this.local = { ...this.local, sharing: effect.sharing, screenStream: effect.sharing ? this.screen?.stream ?? null : null };
        this.listener.localMediaChanged?.(this.local);
        this.#announceMediaState();
        break;
      default:
        break;
    }
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
    return [...this.mediaLinks.values()].filter(link => !link.closed).map(link => link.pc);
  }

  /** A plain copy of everything worth asserting on. */
  snapshot() {
    const s = this.state;
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
        chatMessages: s.chat.length,
        iceServers: s.iceServers,
        lobby: s.lobby,
        localMedia: this.local
          ? { mode: this.local.mode, media: this.local.media, audioMuted: this.local.audioMuted, videoMuted: this.local.videoMuted,
              sharing: Boolean(this.local.sharing) }
          : null,
        links: s.links.map(link => ({
          ...link,
          connectionState: this.mediaLinks.get(link.linkId)?.connectionState ?? 'pending',
          remoteTracks: this.received.get(link.linkId)?.tracks.size ?? 0,
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
        this.#releaseLocalMedia();
        break;
      case 'server-restarting':
        // The camera stays on: the same stream is offered again once the room is joined again.
        this.listener.serverRestarting?.();
        break;
      case 'open-link':
        this.#openLink(effect.link);
        break;
      case 'close-link':
        this.#closeLink(effect.linkId);
        break;
      case 'signal':
        this.#signal(effect);
        break;
      case 'update-ice-servers':
        for (const mediaLink of this.mediaLinks.values()) mediaLink.updateIceServers(effect.iceServers);
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

  #openLink(link) {
    const { linkId } = link;
    const waiting = this.pendingSignals.get(linkId) ?? [];
    this.pendingSignals.delete(linkId);
    if (this.mediaLinks.has(linkId)) this.#closeLink(linkId);
    let mediaLink = null;
    const mine = () => mediaLink !== null && this.mediaLinks.get(linkId) === mediaLink;
    try {
      mediaLink = this.createLink({
        linkId,
        direction: link.direction,
        youOffer: link.youOffer,
        polite: link.polite,
        iceServers: this.state.iceServers,
        localStream: link.direction === 'send' ? this.local?.stream ?? null : null,
        transport: {
          sendDescription: description => {
            if (mine()) this.#send('/app/link.sdp', { linkId, description });
          },
          sendCandidate: candidate => {
            if (mine()) this.#send('/app/link.ice', { linkId, candidate });
          },
        },
        onRemoteTrack: (track, streams) => this.#trackArrived(link, track, streams),
      });
    } catch (err) {
      this.log.warn(`link ${linkId} could not be opened`, err);
      this.#clientError('link-failed', `A media connection could not be opened: ${err?.message ?? err}`);
      return;
    }
    this.mediaLinks.set(linkId, mediaLink);
    // A link opened while sharing sends the screen too.
    if (link.direction === 'send' && this.screen && this.share.sharing === 'yes') {
      this.#applyShare(this.share.camera ? { type: 'replace-video', with: 'screen' } : { type: 'add-share-sender' }, [mediaLink]);
    }
    for (const signal of waiting) this.#signal(signal);
  }

  #closeLink(linkId) {
    this.pendingSignals.delete(linkId);
    const mediaLink = this.mediaLinks.get(linkId);
    if (mediaLink) {
      this.mediaLinks.delete(linkId);
      mediaLink.close();
    }
    const delivered = this.received.get(linkId);
    if (delivered) {
      this.received.delete(linkId);
      this.#publishRemote(delivered.publisherId);
    }
  }

  #signal(signal) {
    const mediaLink = this.mediaLinks.get(signal.linkId);
    if (mediaLink) {
      if (signal.kind === 'sdp') mediaLink.receiveDescription(signal.description);
      else mediaLink.receiveCandidate(signal.candidate);
      return;
    }
    if (this.state.links.some(l => l.linkId === signal.linkId)) {
      const waiting = this.pendingSignals.get(signal.linkId) ?? [];
      waiting.push(signal);
      this.pendingSignals.set(signal.linkId, waiting);
    }
  }

  #trackArrived(link, track, streams = []) {
    if (link.direction !== 'receive' || !this.mediaLinks.has(link.linkId)) return;
    let delivered = this.received.get(link.linkId);
    if (!delivered) {
      delivered = { publisherId: link.publisherId, tracks: new Set() };
      this.received.set(link.linkId, delivered);
    }
    if (delivered.tracks.has(track)) return;
    delivered.tracks.add(track);
    const gone = () => {
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

  /** Tells the view every track still received from one publisher, over all links that carry it. */
  #publishRemote(publisherId) {
    const tracks = [];
    for (const delivered of this.received.values()) {
      if (delivered.publisherId === publisherId) tracks.push(...delivered.tracks);
    }
    this.listener.remoteMediaChanged?.(publisherId, tracks);
  }

  #releaseLocalMedia() {
    stopStream(this.screen?.stream);
    this.screen = null;
    this.share = initialShareState('receive-only');
    if (!this.local) return;
    stopStream(this.local.stream);
    this.local = null;
    this.listener.localMediaChanged?.(null);
  }
}
