/**
 * The protocol reducer (docs/signaling-protocol.md): applyServerEvent(state, event) is a pure
 * function from the room state (room-state.js) and one server event to the next state plus a list
 * of effects (open this link, close that one, show an error...). It never touches the network, the
 * DOM or WebRTC, so every protocol rule is testable on its own; room-session.js carries the effects
 * out. Each concern handles its own events; a new event type goes into the module it belongs to.
 */

import { unchanged } from './room-state.js';
import { MEMBERSHIP_EVENTS } from './membership-state.js';
import { LINK_EVENTS } from './link-state.js';
import { CHAT_EVENTS } from './chat-state.js';
import { RESTART_EVENTS } from './reconnect-state.js';
import { INVITE_EVENTS } from './invite-state.js';
import { MEDIA_SERVER_EVENTS } from './media-server-state.js';
import { MODERATION_EVENTS } from './moderation-state.js';
import { WAITING_ROOM_EVENTS } from './waiting-room-state.js';
import { HANDS_EVENTS } from './hands-state.js';
import { REACTION_EVENTS } from './reactions-state.js';

const TABLES = [MEMBERSHIP_EVENTS, LINK_EVENTS, CHAT_EVENTS, RESTART_EVENTS, INVITE_EVENTS, MEDIA_SERVER_EVENTS,
  MODERATION_EVENTS, WAITING_ROOM_EVENTS, HANDS_EVENTS, REACTION_EVENTS];

const HANDLERS = Object.freeze(Object.assign({}, ...TABLES));

// One handler per event type: a type handled twice would silently lose one of them.
if (Object.keys(HANDLERS).length !== TABLES.reduce((n, table) => n + Object.keys(table).length, 0)) {
  throw new Error('an event type is handled by more than one reducer module');
}

/**
 * @returns {{state: object, effects: object[]}} the state after `event` and what must happen
 *   because of it; unknown events change nothing
 */
export function applyServerEvent(state, event) {
  const handler = event && Object.hasOwn(HANDLERS, event.type) ? HANDLERS[event.type] : null;
  return handler ? handler(state, event) : unchanged(state);
}

