/**
 * What the user reads for each error code. The server's own message is preferred because it can be
 * specific ("The room is full (6 participants)"); these texts cover a missing message and the few
 * errors the page detects itself.
 */

const TEXTS = Object.freeze({
  'room-not-found': 'That room no longer exists.',
  'room-full': 'The room is full.',
  'wrong-password': 'The password is not right.',
  'too-many-rooms': 'The server has no room for another room right now.',
  'server-full': 'The server is full right now; try again later.',
  'room-name-taken': 'A room with this name already exists.',
  'invalid-room-name': 'Room names need 1 to 48 characters, without control characters.',
  'invalid-capacity': 'That capacity is not allowed.',
  'invalid-password': 'The password is too long.',
  'name-taken': 'Someone in that room already uses this name; pick another.',
  'invalid-display-name': 'Your name needs 1 to 32 characters on one line.',
  'invalid-chat-message': 'Messages need 1 to 1000 characters.',
  'already-in-room': 'You are already in a room; leave it first.',
  'not-in-room': 'You are not in that room any more.',
  'resume-failed': 'The connection came back too late to keep your seat; join the room again.',
  'not-host': 'Only a host can do that.',
  outranked: 'You cannot do that to this participant.',
  'unknown-participant': 'That participant is no longer in the room.',
  'unknown-knock': 'That person is no longer waiting.',
  'room-locked': 'A host locked this room; nobody new can join.',
  banned: 'A host removed you from this room; you cannot join it again yet.',
  'unmute-not-allowed': 'The hosts control microphones; wait until a host asks you to unmute.',
  'invalid-reaction': 'That reaction is not offered.',
  // Told by the server as events, shown like errors.
  removed: 'A host removed you from the meeting.',
  'meeting-ended': 'A host ended the meeting.',
  denied: 'You were not let in.',
  'unknown-link': 'A media connection was not recognised by the server.',
  'link-not-owned': 'A media connection belongs to someone else.',
  'invalid-sdp': 'The browser produced a media description the server refused.',
  'invalid-candidate': 'The browser produced a network candidate the server refused.',
  'negotiation-out-of-order': 'A media negotiation step arrived out of order.',
  'media-unavailable': 'The media server cannot serve this room right now.',
  'malformed-message': 'The server could not read a message from this page.',
  'unknown-destination': 'The page sent something the server does not know.',
  'frame-too-large': 'A message was too large to send.',
  'rate-limited': 'Too many messages at once; slow down.',
  'server-restarting': 'The server is restarting; try again in a moment.',
  'password-checks-busy': 'The server is busy checking passwords; try again in a moment.',
  'too-many-attempts': 'Too many wrong passwords; wait a little before trying again.',
  'too-many-rooms-created': 'Your network has created many rooms in the last hour; try again later.',
  'too-many-unjoined-rooms': 'Your network already has rooms nobody has joined; join one first.',
  'sign-in-required': 'Only signed-in hosts can create rooms on this server; sign in first.',
  // Sent as the reason of a WebSocket close, not as an error event.
  'too-many-connections': 'Too many connections from your network to this server; close another tab or device.',
  'internal-error': 'Something went wrong on the server.',
  // Detected by the page itself.
  'not-connected': 'Not connected to the server.',
});

/** Errors that need no user attention: a candidate crossed a leave. */
const SILENT = new Set(['link-closed']);

/** @returns {boolean} whether the error should not be shown at all */
export function isSilentError(code) {
  return SILENT.has(code);
}

/** @returns {string} the text to show for an error, preferring the server's message */
export function errorText(code, serverMessage) {
  if (typeof serverMessage === 'string' && serverMessage.trim() !== '') return serverMessage;
  return TEXTS[code] ?? `Something went wrong (${code || 'unknown error'}).`;
}
