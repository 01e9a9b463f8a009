/**
 * The waiting room in the room state: a join that knocked waits (phase 'waiting') until a host
 * admits it (`joined`) or denies it (`denied`); hosts see who waits (`waiting-room`). Pure.
 */

import { inThisRoom, toLobby, unchanged } from './room-state.js';
import { knockOf } from './moderation-state.js';

const DENIAL_TEXT = Object.freeze({
  host: 'A host did not let you in.',
  'no-host': 'There is no host in that room to let you in.',
  'room-closed': 'Everyone left, so the room closed.',
  'meeting-ended': 'The meeting has ended.',
  'room-full': 'The room filled up before you were let in.',
});

/** What a denied newcomer reads. */
export function denialText(reason, roomName) {
  const why = DENIAL_TEXT[reason] ?? 'You were not let in.';
  return roomName ? `${roomName}: ${why}` : why;
}

export const WAITING_ROOM_EVENTS = {
  waiting(state, e) {
    if (state.phase !== 'joining' || (state.joining && e.roomId !== state.joining.roomId)) return unchanged(state);
    return {
      state: {
        ...state,
        phase: 'waiting',
        waiting: { roomId: e.roomId, roomName: String(e.roomName ?? ''), knockId: String(e.knockId ?? '') },
      },
      effects: [],
    };
  },

  denied(state, e) {
    const waitingThere = (state.phase === 'waiting' && state.waiting?.roomId === e.roomId)
      || (state.phase === 'joining' && state.joining?.roomId === e.roomId);
    if (!waitingThere) return unchanged(state);
    return {
      state: toLobby(state),
      effects: [
        { type: 'join-failed' },
        { type: 'error', code: 'denied', message: denialText(e.reason, e.roomName), destination: null },
      ],
    };
  },

  'waiting-room'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    const waitingList = Array.isArray(e.waiting) ? e.waiting.map(knockOf) : [];
    const arrived = waitingList.filter(k => !state.waitingList.some(w => w.knockId === k.knockId));
    return {
      state: { ...state, waitingList },
      effects: arrived.map(k => ({ type: 'notice', kind: 'knock', text: `${k.displayName} is waiting to be let in.` })),
    };
  },
};
