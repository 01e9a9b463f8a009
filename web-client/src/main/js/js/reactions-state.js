/**
 * Emoji reactions: the set the server accepts, the request, and what a `reaction` event shows (over
 * the sender's tile for a moment, and in words for screen readers). Nothing is kept in the state.
 */

import { inThisRoom, unchanged } from './room-state.js';

/** The same set as the server's (Reaction.ALLOWED), with the words a screen reader says. */
export const REACTIONS = Object.freeze([
  ['👍', 'thumbs up'],
  ['👏', 'applause'],
  ['😂', 'laughing'],
  ['😮', 'surprised'],
  ['❤️', 'heart'],
  ['🎉', 'party'],
  ['🙌', 'raised hands'],
  ['🤔', 'thinking'],
]);

const WORDS = new Map(REACTIONS);

/** The /app/reaction.send request, or null when there is nothing to send. */
export function reactionRequest(state, emoji) {
  if (state.phase !== 'in-room' || !WORDS.has(emoji)) return null;
  return { destination: '/app/reaction.send', body: { roomId: state.room.roomId, emoji } };
}

export const REACTION_EVENTS = {
  reaction(state, e) {
    if (!inThisRoom(state, e.roomId) || !WORDS.has(e.emoji)) return unchanged(state);
    const self = e.participantId === state.self?.participantId;
    const who = self ? 'You' : state.participants.find(p => p.participantId === e.participantId)?.displayName;
    if (!who) return unchanged(state);
    return {
      state,
      effects: [{
        type: 'reaction',
        participantId: self ? 'self' : e.participantId,
        emoji: e.emoji,
        text: `${who} reacted with ${WORDS.get(e.emoji)}.`,
      }],
    };
  },
};
