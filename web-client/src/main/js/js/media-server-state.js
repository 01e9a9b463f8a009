/**
 * The room's media server in the room state (`media-server`): when it went away and the room's links
 * could not be planned again, `mediaServerAwayIn` names the room, so the page shows a notice while video
 * waits; when it is back (new links follow), the mark goes. Pure, like the other reducer modules.
 */

import { inThisRoom, unchanged } from './room-state.js';

export const MEDIA_SERVER_EVENTS = Object.freeze({
  'media-server'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    return { state: { ...state, mediaServerAwayIn: e.available ? null : e.roomId }, effects: [] };
  },
});
