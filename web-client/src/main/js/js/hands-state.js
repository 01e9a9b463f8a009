/**
 * Raised hands in the room state: one queue, first raised first, as the server sends it whole
 * (`hands`); the requests to raise and lower. Pure.
 */

import { inThisRoom, unchanged } from './room-state.js';

export function handsOf(raised) {
  return (Array.isArray(raised) ? raised : [])
    .filter(h => h && typeof h.participantId === 'string')
    .map(h => ({ participantId: h.participantId, raisedAt: h.raisedAt ?? null }));
}

/** 1 for the first hand in the queue, 0 for a hand that is not up. */
export function handPosition(state, participantId) {
  return state.hands.findIndex(h => h.participantId === participantId) + 1;
}

/** The request that raises (or, when it is up, lowers) the own hand; null outside a room. */
export function toggleHandRequest(state) {
  if (state.phase !== 'in-room') return null;
  const up = handPosition(state, state.self.participantId) > 0;
  return up
    ? { destination: '/app/hand.lower', body: { roomId: state.room.roomId } }
    : { destination: '/app/hand.raise', body: { roomId: state.room.roomId } };
}

export const HANDS_EVENTS = {
  hands(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    return { state: { ...state, hands: handsOf(e.raised) }, effects: [] };
  },
};
