/**
 * The room state of one browser tab: its shape, and the small pure pieces that every reducer module
 * (membership-, link-, chat- and reconnect-state.js, combined by server-events.js) shares.
 */

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

/** Out of the room: everything about it goes; the room list and a create in flight stay. */
export function toLobby(state) {
  return { ...state, ...initialState(), lobby: state.lobby, pendingCreate: state.pendingCreate };
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
    locked: Boolean(r.locked),
  };
}
