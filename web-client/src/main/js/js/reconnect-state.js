/**
 * Coming back after the signaling connection went, in the room state. Pure.
 * - A dropped connection: the server keeps the seat for a grace period; room.resume takes it over
 *   and the resumed `joined` replaces the room as it is now.
 * - `server-restarting`: the room and the seat go with the old server, so the page joins the room
 *   again by name once connected to the server that is back.
 */

import { othersOf, participantOf, roomOf, inThisRoom, toLobby, unchanged } from './room-state.js';
import { chatHistoryOf } from './chat-state.js';
import { closeLinks, normalizeIceServers } from './link-state.js';
import { hostingFromJoined, joinedEffects } from './moderation-state.js';
import { handsOf } from './hands-state.js';

/** The room.resume body for a seat whose connection dropped, or null when there is nothing to resume. */
export function resumeRequest(state) {
  if (state.phase !== 'in-room' || !state.reconnecting || !state.resumeToken) return null;
  return { roomId: state.room?.roomId, participantId: state.self?.participantId, resumeToken: state.resumeToken };
}

/**
 * The answer to room.resume: the same seat on a new connection. The server closed and re-planned
 * every link of ours, so the old peer connections go and the `link-open`s that follow build new ones.
 */
export function resumed(state, e) {
  const self = participantOf(e.self ?? state.self ?? {});
  const next = {
    ...state,
    reconnecting: false,
    room: e.room ? roomOf(e.room) : state.room,
    self,
    participants: othersOf(e.participants, self),
    chat: chatHistoryOf(e),
    iceServers: normalizeIceServers(e.iceServers),
    resumeToken: typeof e.resumeToken === 'string' ? e.resumeToken : state.resumeToken,
    links: [],
    // Roles, settings and raised hands come back as the server kept them.
    ...hostingFromJoined(e),
    hands: handsOf(e.hands),
  };
  return { state: next, effects: [...closeLinks(state.links), { type: 'joined' }, ...joinedEffects(self)] };
}

/**
 * A reload in a call: the page starts anew with the seat's ticket (seat-ticket.js) and takes the seat
 * back with room.resume, as after a dropped connection. The state waits like a join.
 */
export function beginReloadResume(state, ticket) {
  return { ...state, phase: 'joining', joining: { roomId: ticket.roomId, password: null, resume: true }, pendingCreate: null };
}

/** The room.resume body for a reload's ticket. */
export function reloadResumeRequest(ticket) {
  return { roomId: ticket.roomId, participantId: ticket.participantId, resumeToken: ticket.resumeToken };
}

/**
 * The seat of a reloaded page is gone (the grace period passed, or the room ended): back to the
 * lobby, or to the pre-join screen of its invite link, with the reason shown.
 * @returns {{state: object, effects: object[]}|null} null for any other error
 */
export function reloadResumeFailed(state, e) {
  if (state.phase !== 'joining' || !state.joining?.resume || e.destination !== '/app/room.resume') return null;
  return {
    state: toLobby(state),
    effects: [{ type: 'join-failed' }, { type: 'resume-failed' }, { type: 'error', code: e.code, message: e.message, destination: e.destination }],
  };
}

/** What the page says while it joins again after its seat was given up. */
export const SEAT_LOST_MESSAGE = 'The connection came back too late to keep your seat; joining the room again.';

/**
 * A dropped connection came back after the server gave its seat up (the reconnect grace ran out, as
 * when a page froze or the network was gone for longer): the page joins the room again as a new
 * participant, as Meet does, with the name, password and mute state it had. The room decides as for
 * any join (password, waiting room, lock, capacity); a room that is gone says so in the lobby.
 */
export function seatLostJoinAgain(state, e) {
  const self = state.self ?? {};
  return {
    state: toLobby(state),
    effects: [
      ...closeLinks(state.links),
      { type: 'left' },
      { type: 'error', code: e.code, message: SEAT_LOST_MESSAGE, destination: e.destination },
      {
        type: 'join-room',
        roomId: state.room.roomId,
        password: state.joinPassword,
        displayName: self.displayName ?? '',
        muted: { audio: Boolean(self.audioMuted), video: Boolean(self.videoMuted) },
      },
    ],
  };
}

/** After a reconnect: a pending rejoin may now act on the new server's room list. */
export function reconnectedForRejoin(state) {
  return state.rejoin ? { ...state, rejoin: { ...state.rejoin, reconnected: true } } : state;
}

/**
 * Joins the room again after a server restart, once connected to the server that is back: by name,
 * since room ids do not survive a restart. The first participant back creates it (same name, capacity
 * and password), the others find it in the list and join.
 */
export function rejoinFromLobby(state) {
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
    effects: [{ type: 'send', destination: '/app/room.create', body: recreateRequest(rejoin) }],
  };
}

/** The room.create that brings the room back under the same name and, where it had one, the same link. */
function recreateRequest(rejoin) {
  const body = { name: rejoin.roomName, capacity: rejoin.capacity, password: rejoin.password };
  if (rejoin.slug) {
    body.slug = rejoin.slug;
    body.privateLink = Boolean(rejoin.privateLink);
  }
  return body;
}

/** Gives up re-creating after this many refused creates: something else holds the name. */
const MAX_RECREATE_ATTEMPTS = 3;

/**
 * An error while waiting to rejoin that is no error for the user: the old server refusing while it
 * stops, or another participant re-created the room first. The next room list decides again.
 * @returns {{state: object, effects: object[]}|null} null for any other error
 */
export function rejoinSetback(state, e) {
  if (!state.rejoin || (e.code !== 'server-restarting' && e.destination !== '/app/room.create' && e.destination !== '/app/room.find')) {
    return null;
  }
  const rejoin = state.rejoin;
  if (e.destination === '/app/room.find') {
    // Not there (yet): the next room list (or this create) decides.
    return rejoin.reconnected ? { state: { ...state, rejoin: { ...rejoin, creating: true }, pendingCreate: { password: rejoin.password, displayName: rejoin.displayName } },
      effects: [{ type: 'send', destination: '/app/room.create', body: recreateRequest(rejoin) }] } : { state, effects: [] };
  }
  const attempts = (rejoin.attempts ?? 0) + (e.destination === '/app/room.create' ? 1 : 0);
  const next = { ...state, pendingCreate: null, rejoin: { ...rejoin, creating: false, attempts } };
  if (attempts >= MAX_RECREATE_ATTEMPTS) {
    return { state: { ...next, rejoin: null }, effects: [{ type: 'error', code: e.code, message: e.message, destination: e.destination }] };
  }
  // Someone else re-created it first; an unlisted room is found by its link.
  const effects = e.destination === '/app/room.create' && rejoin.slug
    ? [{ type: 'send', destination: '/app/room.find', body: { slug: rejoin.slug } }] : [];
  return { state: next, effects };
}

export const RESTART_EVENTS = {
  'server-restarting'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    // The room and the seat are gone with the old server: nothing can be resumed, so join again by name.
    const rejoin = {
      roomName: state.room.name,
      capacity: state.room.capacity || null,
      password: state.joinPassword,
      displayName: state.self?.displayName ?? '',
      slug: state.room.slug ?? null,
      privateLink: Boolean(state.room.privateLink),
      reconnected: false,
      creating: false,
      attempts: 0,
    };
    return {
      state: { ...toLobby(state), rejoin, lobby: { ...state.lobby, loaded: false } },
      effects: [...closeLinks(state.links), { type: 'server-restarting' }],
    };
  },
};
