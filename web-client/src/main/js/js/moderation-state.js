/**
 * Hosts in the room state: roles, what the hosts set, and what a host did to this participant
 * (muted them, asked them to unmute, stopped their camera or share, removed them, ended the
 * meeting). Pure. Also the requests a host sends (hostRequest) and which of them apply to whom
 * (hostActionsFor), by the same rank rules the server enforces.
 */

import { isHostRole, settingsOf, toLobby, inThisRoom, unchanged } from './room-state.js';
import { closeLinks } from './link-state.js';

const nameOf = by => String(by?.displayName ?? 'A host');

const RANK = { host: 0, 'co-host': 1, participant: 2 };

/** Whether this tab's participant moderates the room. */
export function isHost(state) {
  return state.phase === 'in-room' && isHostRole(state.self?.role);
}

/** What `joined` (first or resumed) carries for hosts: settings, and who waits (for hosts). */
export function hostingFromJoined(e) {
  return {
    settings: settingsOf(e.settings),
    waitingList: Array.isArray(e.waiting) ? e.waiting.map(knockOf) : [],
  };
}

/** On (re)joining a room whose hosts control microphones, the own microphone starts off. */
export function joinedEffects(self) {
  return self && self.audioMuted && self.mayUnmute === false ? [{ type: 'force-mute', kind: 'audio' }] : [];
}

/** What an error means beyond its text: an unmute the hosts refused leaves the microphone off. */
export function moderationErrorEffects(e) {
  return e?.code === 'unmute-not-allowed' ? [{ type: 'force-mute', kind: 'audio' }] : [];
}

export function knockOf(k) {
  return { knockId: String(k?.knockId ?? ''), displayName: String(k?.displayName ?? ''), knockedAt: k?.knockedAt ?? null };
}

/**
 * The host actions that apply to a participant, in menu order, as this tab's participant may take
 * them: coercive ones only on those they outrank, roles for the host alone.
 * @returns {string[]} of mute, ask-unmute, stop-camera, stop-screen, make-co-host, make-participant,
 *   make-host, lower-hand, remove
 */
export function hostActionsFor(state, participant) {
  const self = state.self;
  if (!isHost(state) || !participant || participant.participantId === self.participantId) return [];
  const outranks = RANK[self.role] < RANK[participant.role ?? 'participant'];
  const actions = [];
  if (outranks && participant.sendsAudio && !participant.audioMuted) actions.push('mute');
  if (participant.sendsAudio && participant.audioMuted) actions.push('ask-unmute');
  if (outranks && participant.sendsVideo && !participant.videoMuted && !participant.sharing) actions.push('stop-camera');
  if (outranks && participant.sharing) actions.push('stop-screen');
  if (self.role === 'host') {
    if (participant.role === 'participant') actions.push('make-co-host');
    if (participant.role === 'co-host') actions.push('make-participant');
    actions.push('make-host');
  }
  if (state.hands.some(h => h.participantId === participant.participantId)) actions.push('lower-hand');
  if (outranks) actions.push('remove');
  return actions;
}

const ROOM_REQUESTS = {
  lock: (roomId, { locked }) => ['/app/host.lock', { roomId, locked: Boolean(locked) }],
  password: (roomId, { password }) => ['/app/host.password', { roomId, password: password || null }],
  'waiting-room': (roomId, { enabled }) => ['/app/host.waiting-room', { roomId, enabled: Boolean(enabled) }],
  microphones: (roomId, { hostsControl }) => ['/app/host.microphones', { roomId, hostsControl: Boolean(hostsControl) }],
  admit: (roomId, { knockId }) => ['/app/host.admit', { roomId, knockId }],
  deny: (roomId, { knockId }) => ['/app/host.deny', { roomId, knockId }],
  end: roomId => ['/app/host.end', { roomId }],
};

const PARTICIPANT_REQUESTS = {
  mute: (roomId, participantId) => ['/app/host.mute', { roomId, participantId }],
  'ask-unmute': (roomId, participantId) => ['/app/host.ask-unmute', { roomId, participantId }],
  'stop-camera': (roomId, participantId) => ['/app/host.stop-media', { roomId, participantId, kind: 'camera' }],
  'stop-screen': (roomId, participantId) => ['/app/host.stop-media', { roomId, participantId, kind: 'screen' }],
  'make-co-host': (roomId, participantId) => ['/app/host.role', { roomId, participantId, role: 'co-host' }],
  'make-participant': (roomId, participantId) => ['/app/host.role', { roomId, participantId, role: 'participant' }],
  'make-host': (roomId, participantId) => ['/app/host.role', { roomId, participantId, role: 'host' }],
  'lower-hand': (roomId, participantId) => ['/app/hand.lower', { roomId, participantId }],
  remove: (roomId, participantId) => ['/app/host.remove', { roomId, participantId }],
};

/**
 * The request for a host action, or null when there is none to send (not a host, not in a room,
 * unknown action). `options` is {participantId} for actions on a participant and the action's own
 * fields otherwise ({locked}, {password}, {enabled}, {hostsControl}, {knockId}).
 * @returns {{destination: string, body: object}|null}
 */
export function hostRequest(state, action, options = {}) {
  if (!isHost(state)) return null;
  const roomId = state.room.roomId;
  if (Object.hasOwn(PARTICIPANT_REQUESTS, action)) {
    if (!options.participantId) return null;
    const [destination, body] = PARTICIPANT_REQUESTS[action](roomId, options.participantId);
    return { destination, body };
  }
  if (Object.hasOwn(ROOM_REQUESTS, action)) {
    const [destination, body] = ROOM_REQUESTS[action](roomId, options);
    return { destination, body };
  }
  return null;
}

/** Leaves the room on the server's word: removed or the meeting ended. */
function sentOut(state, code, message) {
  return {
    state: toLobby(state),
    effects: [...closeLinks(state.links), { type: 'left' }, { type: 'error', code, message, destination: null }],
  };
}

function untilText(iso) {
  const when = iso ? new Date(iso) : null;
  if (!when || Number.isNaN(when.getTime())) return '';
  return ` You can come back after ${when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`;
}

function withSelf(state, change) {
  return { ...state, self: { ...state.self, ...change } };
}

export const MODERATION_EVENTS = {
  'muted-by-host'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    const mayUnmute = e.mayUnmute !== false;
    const text = `${nameOf(e.by)} muted your microphone.`
      + (mayUnmute ? '' : ' The hosts control microphones: you can unmute when a host asks you to.');
    return {
      state: withSelf(state, { audioMuted: true, mayUnmute }),
      effects: [{ type: 'force-mute', kind: 'audio' }, { type: 'notice', kind: 'muted', text }],
    };
  },

  'unmute-requested'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    return {
      state: withSelf(state, { mayUnmute: true }),
      effects: [{ type: 'notice', kind: 'unmute-request', text: `${nameOf(e.by)} asks you to unmute.` }],
    };
  },

  'media-stopped-by-host'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    const screen = e.kind === 'screen';
    return {
      state,
      effects: [
        screen ? { type: 'stop-share' } : { type: 'force-mute', kind: 'video' },
        { type: 'notice', kind: 'stopped', text: `${nameOf(e.by)} stopped your ${screen ? 'screen share' : 'camera'}.` },
      ],
    };
  },

  removed(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    return sentOut(state, 'removed', `${nameOf(e.by)} removed you from the meeting.${untilText(e.rejoinAfter)}`);
  },

  'meeting-ended'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    return sentOut(state, 'meeting-ended', `${nameOf(e.by)} ended the meeting for everyone.`);
  },

  'role-changed'(state, e) {
    if (!inThisRoom(state, e.roomId) || !Object.hasOwn(RANK, e.role)) return unchanged(state);
    if (e.participantId === state.self?.participantId) {
      const becameHost = isHostRole(e.role) && !isHostRole(state.self.role);
      const text = e.role === 'host' ? 'You are now the host.'
        : e.role === 'co-host' ? 'You are now a co-host.' : 'You are no longer a host.';
      return {
        state: withSelf(state, { role: e.role, mayUnmute: becameHost ? true : state.self.mayUnmute }),
        effects: [{ type: 'notice', kind: 'role', text }],
      };
    }
    const participants = state.participants.map(p => (p.participantId === e.participantId ? { ...p, role: e.role } : p));
    return { state: { ...state, participants }, effects: [] };
  },

  'room-settings'(state, e) {
    if (!inThisRoom(state, e.roomId)) return unchanged(state);
    const settings = settingsOf(e.settings);
    const room = {
      ...state.room,
      locked: settings.locked,
      passwordRequired: settings.passwordRequired,
      waitingRoom: settings.waitingRoom,
    };
    return { state: { ...state, settings, room }, effects: [] };
  },
};
