/** Server events in the protocol's shapes (docs/signaling-protocol.md), for the reducer and session tests. */

export const ROOM = { roomId: 'r1', name: 'Standup', participants: 1, capacity: 6, locked: false };
export const ANN = { participantId: 'pAnn', displayName: 'Ann', sendsAudio: true, sendsVideo: true, audioMuted: false, videoMuted: false };
export const BOB = { participantId: 'pBob', displayName: 'Bob', sendsAudio: true, sendsVideo: false, audioMuted: false, videoMuted: false };
export const CAROL = { participantId: 'pCarol', displayName: 'Carol', sendsAudio: false, sendsVideo: false, audioMuted: false, videoMuted: false };
export const ICE = [{ urls: ['stun:stun.example.org:3478'], username: null, credential: null }];

export const joined = (extra = {}) => ({
  type: 'joined',
  room: ROOM,
  self: ANN,
  participants: [BOB],
  chat: [{ messageId: 'm1', authorId: 'pBob', authorName: 'Bob', text: 'hi', sentAt: '2026-11-28T10:15:30Z' }],
  iceServers: ICE,
  ...extra,
});
export const linkOpen = (linkId, extra = {}) => ({
  type: 'link-open',
  linkId,
  publisherId: 'pBob',
  peerId: 'pBob',
  direction: 'receive',
  youOffer: false,
  polite: true,
  ...extra,
});
export const chat = (messageId, text, author = BOB) => ({
  type: 'chat',
  roomId: 'r1',
  message: { messageId, authorId: author.participantId, authorName: author.displayName, text, sentAt: '2026-11-28T10:16:00Z' },
});
