/**
 * The room state of one browser tab: its shape, and the small pure pieces that every reducer module
 * (membership-, link-, chat-, reconnect-, moderation-, waiting-room-, hands- and reactions-state.js,
 * combined by server-events.js) shares.
 */

/** Settings of a room nobody has changed. */
export const NO_SETTINGS = Object.freeze({
  locked: false,
  passwordRequired: false,
  waitingRoom: false,
  hostsControlMicrophones: false,
});

export function initialState() {
  return {
    phase: 'lobby', // lobby | joining | waiting (in a waiting room) | in-room
    /** `listed` is false when the server hides its room list (rooms are reached by link only). */
    lobby: { rooms: [], defaultCapacity: null, maxCapacity: null, loaded: false, listed: true },
    /**
     * The room the page was opened for by its invite link (/r/<slug>), or null:
     * {slug, status: 'resolving'|'found'|'missing', room}. Kept through a join, for the address bar.
     */
    invite: null,
    /** Set between room.create and room-created: the join that follows needs these. */
    pendingCreate: null,
    /** The room.join in flight. */
    joining: null,
    room: null,
    self: null,
    /** Everyone else in the room, in order of arrival. */
    participants: [],
    /** What the room's hosts set (moderation-state.js): lock, password, waiting room, microphones. */
    settings: { ...NO_SETTINGS },
    /** The raised hands, first raised first (hands-state.js): [{participantId, raisedAt}]. */
    hands: [],
    /** For hosts: who waits in the waiting room (waiting-room-state.js): [{knockId, displayName, knockedAt}]. */
    waitingList: [],
    /** While phase is 'waiting': the room knocked at, {roomId, roomName, knockId}. */
    waiting: null,
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

/** Out of the room: everything about it goes; the room list and a create in flight stay. */
export function toLobby(state) {
  return { ...state, ...initialState(), lobby: state.lobby, pendingCreate: state.pendingCreate, invite: state.invite };
}

export function inThisRoom(state, roomId) {
  return state.phase === 'in-room' && (roomId == null || roomId === state.room?.roomId);
}

export const unchanged = state => ({ state, effects: [] });

export function participantOf(p) {
  return {
    participantId: p.participantId,
    displayName: String(p.displayName ?? ''),
    sendsAudio: Boolean(p.sendsAudio),
    sendsVideo: Boolean(p.sendsVideo),
    audioMuted: Boolean(p.audioMuted),
    videoMuted: Boolean(p.videoMuted),
    sharing: Boolean(p.sharing),
    role: ROLES.includes(p.role) ? p.role : 'participant',
    mayUnmute: p.mayUnmute !== false,
  };
}

export const ROLES = Object.freeze(['host', 'co-host', 'participant']);

/** The host and co-hosts moderate. */
export const isHostRole = role => role === 'host' || role === 'co-host';

/** What the hosts set, as `joined` and `room-settings` carry it. */
export function settingsOf(s) {
  return {
    locked: Boolean(s?.locked),
    passwordRequired: Boolean(s?.passwordRequired),
    waitingRoom: Boolean(s?.waitingRoom),
    hostsControlMicrophones: Boolean(s?.hostsControlMicrophones),
  };
}

/** Everyone a `joined` lists, except oneself. */
export function othersOf(participants, self) {
  return (Array.isArray(participants) ? participants : [])
    .filter(p => p && p.participantId !== self.participantId)
    .map(participantOf);
}

export function roomOf(r) {
  return {
    roomId: r.roomId,
    name: String(r.name ?? ''),
    participants: Number(r.participants) || 0,
    capacity: Number(r.capacity) || 0,
    passwordRequired: Boolean(r.passwordRequired),
    locked: Boolean(r.locked),
    slug: typeof r.slug === 'string' && r.slug !== '' ? r.slug : null,
    privateLink: Boolean(r.privateLink),
    waitingRoom: Boolean(r.waitingRoom),
  };
}
