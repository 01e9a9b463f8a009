/**
 * Invite links in the room state: the page opened at /r/<slug> asks the server which room that is
 * (`room.find`), and learns it (`room-found`) or that there is none (`room-not-found`). A rejoin after
 * a server restart finds its room the same way. Pure.
 */

import { roomOf, unchanged } from './room-state.js';

/** The state while the room of an invite link is being looked up. */
export function beginFind(state, slug) {
  return { ...state, invite: { slug, status: 'resolving', room: null } };
}

export function findRequest(slug) {
  return { type: 'send', destination: '/app/room.find', body: { slug } };
}

/**
 * A failed room.find: the invite link leads nowhere (unknown, or the room has ended).
 * @returns {{state: object, effects: object[]}|null} null for any other error
 */
export function inviteError(state, e) {
  if (e.destination !== '/app/room.find' || !state.invite) return null;
  if (state.rejoin) return null;
  return { state: { ...state, invite: { ...state.invite, status: 'missing', room: null } }, effects: [] };
}

export const INVITE_EVENTS = {
  'room-found'(state, e) {
    if (!e.room) return unchanged(state);
    const room = roomOf(e.room);
    if (state.rejoin && state.rejoin.reconnected && state.phase === 'lobby' && room.slug === state.rejoin.slug) {
      const { rejoin } = state;
      return {
        state: { ...state, rejoin: null, pendingCreate: null },
        effects: [{ type: 'join-room', roomId: room.roomId, password: rejoin.password, displayName: rejoin.displayName }],
      };
    }
    if (!state.invite || state.invite.slug !== room.slug) return unchanged(state);
    return { state: { ...state, invite: { slug: room.slug, status: 'found', room } }, effects: [] };
  },
};
