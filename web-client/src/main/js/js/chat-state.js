/**
 * Chat in the room state: history from `joined`, live `chat` events, and what sending takes. Pure.
 */

import { inThisRoom, unchanged } from './room-state.js';

/** Chat kept in memory and on screen; the server sends at most the last 100 on join. */
export const MAX_CHAT_MESSAGES = 500;

function messageOf(m) {
  return {
    messageId: m.messageId,
    authorId: m.authorId,
    authorName: String(m.authorName ?? ''),
    text: String(m.text ?? ''),
    sentAt: m.sentAt ?? null,
  };
}

/** The chat after `messages`, in arrival order, without a message twice, keeping the newest. */
export function appendChat(chat, messages) {
  const seen = new Set(chat.map(m => m.messageId));
  const next = [...chat];
  for (const m of messages) {
    if (!m || seen.has(m.messageId)) continue;
    seen.add(m.messageId);
    next.push(messageOf(m));
  }
  return next.length > MAX_CHAT_MESSAGES ? next.slice(-MAX_CHAT_MESSAGES) : next;
}

/** The chat history a `joined` carries. */
export function chatHistoryOf(event) {
  return appendChat([], Array.isArray(event.chat) ? event.chat : []);
}

/** The /app/chat.send body for `text`, or null where there is nothing to send. */
export function chatRequest(state, text) {
  if (state.phase !== 'in-room' || typeof text !== 'string' || text.trim() === '') return null;
  return { roomId: state.room.roomId, text };
}

export const CHAT_EVENTS = {
  chat(state, e) {
    if (!inThisRoom(state, e.roomId) || !e.message) return unchanged(state);
    const chat = appendChat(state.chat, [e.message]);
    return chat.length === state.chat.length && chat.at(-1) === state.chat.at(-1)
      ? unchanged(state)
      : { state: { ...state, chat }, effects: [] };
  },
};

/**
 * How many messages from others came after the one last seen (all of them when none was seen, or
 * when it is no longer in the history). Own messages are never unread.
 */
export function unreadCount(chat, lastSeenId, selfId) {
  const start = lastSeenId == null ? 0 : chat.findIndex(m => m.messageId === lastSeenId) + 1;
  return chat.slice(start).filter(m => m.authorId !== selfId).length;
}

/** The first message from others after the one last seen, or null: where "new messages" goes. */
export function firstUnread(chat, lastSeenId, selfId) {
  const start = lastSeenId == null ? 0 : chat.findIndex(m => m.messageId === lastSeenId) + 1;
  return chat.slice(start).find(m => m.authorId !== selfId) ?? null;
}
