/**
 * Lobby and seat in the room state: the room list, creating and joining a room, who else is in it
 * with which media, leaving, and the errors that end a join. Pure.
 */

import { isSilentError } from './errors.js';
import { othersOf, participantOf, roomOf, inThisRoom, toLobby, unchanged } from './room-state.js';
import { chatHistoryOf } from './chat-state.js';
import { closeLinks, normalizeIceServers, openLinks } from './link-state.js';
import { rejoinFromLobby, rejoinSetback, resumed, reloadResumeFailed, seatLostJoinAgain } from './reconnect-state.js';
import { inviteError } from './invite-state.js';
import { hostingFromJoined, joinedEffects, moderationErrorEffects } from './moderation-state.js';
import { handsOf } from './hands-state.js';

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
  'room-locked',
  'banned',
]);

/** The state while a room.join is outstanding. */
export function beginJoin(state, { roomId, password = null }) {
  return { ...state, phase: 'joining', joining: { roomId, password }, pendingCreate: null };
}

/** Leaving on the page's own initiative: back to the lobby, every link closed. */
export function leaveLocally(state) {
  return { state: toLobby(state), effects: closeLinks(state.links) };
}

export const MEMBERSHIP_EVENTS = {
  rooms(state, e) {
    const rooms = Array.isArray(e.rooms) ? e.rooms.map(roomOf) : [];
    const lobby = {
      rooms,
      defaultCapacity: e.defaultCapacity ?? state.lobby.defaultCapacity,
      maxCapacity: e.maxCapacity ?? state.lobby.maxCapacity,
      loaded: true,
      listed: e.listed !== false,
    };
    const current = state.room && rooms.find(r => r.roomId === state.room.roomId);
    const next = { ...state, lobby, room: current ? { ...state.room, ...current } : state.room };
    return state.rejoin ? rejoinFromLobby(next) : { state: next, effects: [] };
  },

  'room-created'(state, e) {
    // Creating does not join: the creator joins next, with the password it chose.
    if (!state.pendingCreate || state.phase !== 'lobby' || !e.room) return unchanged(state);
    const { password, displayName } = state.pendingCreate;
    // `created`: the creator's own create, which goes through the pre-join check; a rejoin after a
    // server restart joins straight away.
    return {
      state: { ...state, pendingCreate: null },
      effects: [{ type: 'join-room', roomId: e.room.roomId, password, displayName, room: roomOf(e.room), created: !state.rejoin }],
    };
  },

  joined(state, e) {
    if (e.resumed === true && state.phase === 'in-room') return resumed(state, e);
    // From a waiting room too: a host admitted us.
    if (state.phase !== 'joining' && state.phase !== 'waiting') {
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
      participants: othersOf(e.participants, self),
      chat: chatHistoryOf(e),
      iceServers: normalizeIceServers(e.iceServers),
      resumeToken: typeof e.resumeToken === 'string' ? e.resumeToken : null,
      reconnecting: false,
      joinPassword: state.joining?.password ?? null,
      rejoin: null,
      ...hostingFromJoined(e),
      hands: handsOf(e.hands),
      waiting: null,
    };
    // Links announced before `joined` waited for the ICE servers; open them now.
    // `resumed`: a reload took its seat back, whose media state the room already knows.
    const joined = e.resumed === true ? { type: 'joined', resumed: true } : { type: 'joined', fresh: true };
    return { state: next, effects: [joined, ...joinedEffects(self), ...openLinks(next.links)] };
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

  'media-state'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    const flags = {
      audioMuted: Boolean(e.audioMuted),
      videoMuted: Boolean(e.videoMuted),
      sharing: Boolean(e.sharing),
      mayUnmute: e.mayUnmute !== false,
    };
    if (e.participantId === state.self?.participantId) {
      return { state: { ...state, self: { ...state.self, ...flags } }, effects: [] };
    }
    const participants = state.participants.map(p =>
      p.participantId === e.participantId ? { ...p, ...flags } : p,
    );
    return { state: { ...state, participants }, effects: [] };
  },

  error(state, e) {
    const setback = rejoinSetback(state, e);
    if (setback) return setback;
    const notFound = inviteError(state, e);
    if (notFound) return notFound;
    const resumeFailed = reloadResumeFailed(state, e);
    if (resumeFailed) return resumeFailed;
    if (isSilentError(e.code)) return unchanged(state);
    // The seat is gone (the grace period ran out): join the room again.
    if (e.destination === '/app/room.resume' && state.phase === 'in-room') return seatLostJoinAgain(state, e);
    const effects = [{ type: 'error', code: e.code, message: e.message, destination: e.destination ?? null },
      ...moderationErrorEffects(e)];
    let next = state;
    const aboutJoin =
      e.destination === '/app/room.join' || (e.destination == null && JOIN_ERROR_CODES.has(e.code));
    if ((state.phase === 'joining' || state.phase === 'waiting') && aboutJoin) {
      next = toLobby(state);
      effects.push({ type: 'join-failed' });
    }
    if (e.destination === '/app/room.create' && state.pendingCreate) {
      next = { ...next, pendingCreate: null };
    }
    return { state: next, effects };
  },
};
