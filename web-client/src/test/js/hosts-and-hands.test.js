import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { run } from './support/reduce.js';
import { initialState } from '../../main/js/js/room-state.js';
import { beginJoin } from '../../main/js/js/membership-state.js';
import { hostActionsFor, hostRequest, isHost } from '../../main/js/js/moderation-state.js';
import { denialText } from '../../main/js/js/waiting-room-state.js';
import { handPosition, toggleHandRequest } from '../../main/js/js/hands-state.js';
import { REACTIONS, reactionRequest } from '../../main/js/js/reactions-state.js';
import { RoomSession } from '../../main/js/js/room-session.js';
import { cameraStream } from './support/fake-media.js';
import { recordingLog } from './support/link-harness.js';
import { ANN, BOB, CAROL, joined } from './support/protocol-events.js';

const HOST = { ...ANN, role: 'host', mayUnmute: true };
const GUEST = { ...BOB, role: 'participant', mayUnmute: true };
const CO_HOST = { ...CAROL, sendsAudio: true, role: 'co-host', mayUnmute: true };


const joining = () => beginJoin(initialState(), { roomId: 'r1', password: null });
const asHost = (extra = {}) => run(joining(), joined({ self: HOST, participants: [GUEST, CO_HOST], ...extra })).state;
const asGuest = (extra = {}) => run(joining(), joined({ self: GUEST, participants: [HOST], ...extra })).state;
const types = effects => effects.map(e => e.type);

// ---- hosts in the room state ------------------------------------------------------------------

describe('moderation-state', () => {
  test('joined carries roles, what the hosts set, raised hands and, for hosts, who waits', () => {
    const state = asHost({
      settings: { locked: true, passwordRequired: false, waitingRoom: true, hostsControlMicrophones: false },
      hands: [{ participantId: 'pBob', raisedAt: '2026-11-28T10:00:00Z' }],
      waiting: [{ knockId: 'k1', displayName: 'Dee', knockedAt: '2026-11-28T10:00:01Z' }],
    });
    assert.equal(state.self.role, 'host');
    assert.deepEqual(state.participants.map(p => p.role), ['participant', 'co-host']);
    assert.equal(state.settings.locked, true);
    assert.equal(state.settings.waitingRoom, true);
    assert.deepEqual(state.hands.map(h => h.participantId), ['pBob']);
    assert.deepEqual(state.waitingList.map(k => k.displayName), ['Dee']);
    assert.equal(isHost(state), true);
    assert.equal(isHost(asGuest()), false);
  });

  test('a participant without a role from an older server is a participant who may unmute', () => {
    const state = run(joining(), joined()).state;
    assert.equal(state.self.role, 'participant');
    assert.equal(state.self.mayUnmute, true);
  });

  test('the host menu offers what the rank rules allow, and nothing to non-hosts', () => {
    const host = asHost();
    assert.deepEqual(hostActionsFor(host, host.participants[0]), ['mute', 'make-co-host', 'make-host', 'remove']);
    assert.deepEqual(hostActionsFor(host, { ...GUEST, audioMuted: true, sendsVideo: true, sharing: true }),
      ['ask-unmute', 'stop-screen', 'make-co-host', 'make-host', 'remove']);
    assert.deepEqual(hostActionsFor(host, host.participants[1]), ['mute', 'make-participant', 'make-host', 'remove']);
    const coHost = run(joining(), joined({ self: CO_HOST, participants: [HOST, GUEST] })).state;
    assert.deepEqual(hostActionsFor(coHost, coHost.participants[0]), [], 'a co-host leaves the host alone');
    assert.deepEqual(hostActionsFor(coHost, coHost.participants[1]), ['mute', 'remove']);
    assert.deepEqual(hostActionsFor(asGuest(), asGuest().participants[0]), []);
    assert.deepEqual(hostActionsFor(host, host.self), [], 'nothing on oneself');
  });

  test('host requests name the room and their target; a non-host sends none', () => {
    const host = asHost();
    assert.deepEqual(hostRequest(host, 'mute', { participantId: 'pBob' }),
      { destination: '/app/host.mute', body: { roomId: 'r1', participantId: 'pBob' } });
    assert.deepEqual(hostRequest(host, 'stop-screen', { participantId: 'pBob' }),
      { destination: '/app/host.stop-media', body: { roomId: 'r1', participantId: 'pBob', kind: 'screen' } });
    assert.deepEqual(hostRequest(host, 'make-co-host', { participantId: 'pBob' }).body.role, 'co-host');
    assert.deepEqual(hostRequest(host, 'lock', { locked: true }),
      { destination: '/app/host.lock', body: { roomId: 'r1', locked: true } });
    assert.deepEqual(hostRequest(host, 'password', { password: '' }).body, { roomId: 'r1', password: null });
    assert.deepEqual(hostRequest(host, 'admit', { knockId: 'k1' }),
      { destination: '/app/host.admit', body: { roomId: 'r1', knockId: 'k1' } });
    assert.deepEqual(hostRequest(host, 'end'), { destination: '/app/host.end', body: { roomId: 'r1' } });
    assert.equal(hostRequest(host, 'mute', {}), null);
    assert.equal(hostRequest(host, 'self-destruct', {}), null);
    assert.equal(hostRequest(asGuest(), 'lock', { locked: true }), null);
  });

  test('muted by a host: the own microphone goes off and the muted person reads who did it', () => {
    const { state, effects } = run(asGuest(), {
      type: 'muted-by-host', roomId: 'r1', by: { participantId: 'pAnn', displayName: 'Ann' }, mayUnmute: false,
    });
    assert.deepEqual(effects[0], { type: 'force-mute', kind: 'audio' });
    assert.match(effects[1].text, /^Ann muted your microphone\. The hosts control microphones/);
    assert.equal(state.self.mayUnmute, false);
    const asked = run(state, { type: 'unmute-requested', roomId: 'r1', by: { participantId: 'pAnn', displayName: 'Ann' } });
    assert.equal(asked.state.self.mayUnmute, true);
    assert.deepEqual(asked.effects, [{ type: 'notice', kind: 'unmute-request', text: 'Ann asks you to unmute.' }]);
  });

  test('a stopped camera or screen share is stopped here too', () => {
    const by = { participantId: 'pAnn', displayName: 'Ann' };
    assert.deepEqual(run(asGuest(), { type: 'media-stopped-by-host', roomId: 'r1', kind: 'camera', by }).effects[0],
      { type: 'force-mute', kind: 'video' });
    const screen = run(asGuest(), { type: 'media-stopped-by-host', roomId: 'r1', kind: 'screen', by });
    assert.deepEqual(types(screen.effects), ['stop-share', 'notice']);
    assert.equal(screen.effects[1].text, 'Ann stopped your screen share.');
  });

  test('removed or the meeting ended: back to the lobby, links closed, media released, and told why', () => {
    const inRoom = run(asGuest(), { type: 'link-open', linkId: 'l1', publisherId: 'pAnn', peerId: 'pAnn',
      direction: 'receive', youOffer: false, polite: true }).state;
    const removed = run(inRoom, { type: 'removed', roomId: 'r1', by: { participantId: 'pAnn', displayName: 'Ann' },
      rejoinAfter: null });
    assert.equal(removed.state.phase, 'lobby');
    assert.deepEqual(types(removed.effects), ['close-link', 'left', 'error']);
    assert.equal(removed.effects[2].code, 'removed');
    assert.equal(removed.effects[2].message, 'Ann removed you from the meeting.');
    const ended = run(asGuest(), { type: 'meeting-ended', roomId: 'r1', by: { participantId: 'pAnn', displayName: 'Ann' } });
    assert.equal(ended.state.phase, 'lobby');
    assert.equal(ended.effects.at(-1).message, 'Ann ended the meeting for everyone.');
    assert.deepEqual(run(asGuest(), { type: 'removed', roomId: 'elsewhere', by: {} }).effects, []);
  });

  test('roles change for others and for oneself, and settings update the room', () => {
    let { state, effects } = run(asGuest(), { type: 'role-changed', roomId: 'r1', participantId: 'pBob', role: 'co-host', byId: 'pAnn' });
    assert.equal(state.self.role, 'co-host');
    assert.equal(effects[0].text, 'You are now a co-host.');
    ({ state } = run(state, { type: 'role-changed', roomId: 'r1', participantId: 'pAnn', role: 'co-host', byId: null }));
    assert.equal(state.participants[0].role, 'co-host');
    ({ state } = run(state, { type: 'role-changed', roomId: 'r1', participantId: 'pAnn', role: 'emperor' }));
    assert.equal(state.participants[0].role, 'co-host', 'an unknown role changes nothing');
    ({ state } = run(state, { type: 'room-settings', roomId: 'r1', byId: 'pAnn',
      settings: { locked: true, passwordRequired: true, waitingRoom: false, hostsControlMicrophones: true } }));
    assert.equal(state.room.locked, true);
    assert.equal(state.room.passwordRequired, true);
    assert.equal(state.settings.hostsControlMicrophones, true);
  });

  test('joining a room whose hosts hold the microphone starts muted; a refused unmute mutes again', () => {
    const { effects } = run(joining(), joined({ self: { ...GUEST, audioMuted: true, mayUnmute: false } }));
    assert.deepEqual(effects.filter(e => e.type === 'force-mute'), [{ type: 'force-mute', kind: 'audio' }]);
    const refused = run(asGuest(), { type: 'error', code: 'unmute-not-allowed', message: 'no', destination: '/app/media.state' });
    assert.deepEqual(types(refused.effects), ['error', 'force-mute']);
  });

  test('a resume brings back roles, settings and hands as the server kept them', () => {
    const before = asHost({ hands: [{ participantId: 'pBob', raisedAt: null }] });
    const { state } = run({ ...before, reconnecting: true }, joined({
      resumed: true, self: HOST, participants: [GUEST],
      settings: { locked: true }, hands: [{ participantId: 'pBob', raisedAt: null }], waiting: [{ knockId: 'k9', displayName: 'Eve' }],
    }));
    assert.equal(state.self.role, 'host');
    assert.equal(state.settings.locked, true);
    assert.deepEqual(state.hands.map(h => h.participantId), ['pBob']);
    assert.deepEqual(state.waitingList.map(k => k.knockId), ['k9']);
  });
});

// ---- the waiting room -------------------------------------------------------------------------

describe('waiting-room-state', () => {
  const waiting = { type: 'waiting', roomId: 'r1', roomName: 'Standup', knockId: 'k1' };

  test('a join that knocked waits, and a host admitting it brings the page into the room', () => {
    const { state } = run(joining(), waiting);
    assert.equal(state.phase, 'waiting');
    assert.deepEqual(state.waiting, { roomId: 'r1', roomName: 'Standup', knockId: 'k1' });
    const admitted = run(state, joined({ self: GUEST, participants: [HOST] }));
    assert.equal(admitted.state.phase, 'in-room');
    assert.equal(admitted.state.waiting, null);
  });

  test('a denied newcomer is back in the lobby and told why', () => {
    const { state, effects } = run(joining(), waiting, { type: 'denied', roomId: 'r1', roomName: 'Standup', reason: 'host' });
    assert.equal(state.phase, 'lobby');
    assert.deepEqual(types(effects), ['join-failed', 'error']);
    assert.equal(effects[1].message, 'Standup: A host did not let you in.');
    assert.equal(denialText('meeting-ended', ''), 'The meeting has ended.');
    assert.equal(denialText('something-new', 'X'), 'X: You were not let in.');
    assert.deepEqual(run(asGuest(), { type: 'denied', roomId: 'r1', reason: 'host' }).effects, [], 'not while seated');
  });

  test('a join refused while waiting (the room locked meanwhile) ends the wait', () => {
    const { state, effects } = run(joining(), waiting, { type: 'error', code: 'room-full', message: 'full', destination: null });
    assert.equal(state.phase, 'lobby');
    assert.ok(types(effects).includes('join-failed'));
  });

  test('hosts see who waits, and hear of each newcomer once', () => {
    let { state, effects } = run(asHost(), { type: 'waiting-room', roomId: 'r1',
      waiting: [{ knockId: 'k1', displayName: 'Dee', knockedAt: null }] });
    assert.deepEqual(state.waitingList.map(k => k.displayName), ['Dee']);
    assert.deepEqual(effects.map(e => e.text), ['Dee is waiting to be let in.']);
    ({ state, effects } = run(state, { type: 'waiting-room', roomId: 'r1',
      waiting: [{ knockId: 'k1', displayName: 'Dee' }, { knockId: 'k2', displayName: 'Eve' }] }));
    assert.deepEqual(effects.map(e => e.text), ['Eve is waiting to be let in.']);
  });
});

// ---- hands and reactions ----------------------------------------------------------------------

describe('hands-state and reactions-state', () => {
  test('the queue is the server\'s, in order; the own hand toggles', () => {
    const { state } = run(asGuest(), { type: 'hands', roomId: 'r1', raised: [
      { participantId: 'pAnn', raisedAt: 't1' }, { participantId: 'pBob', raisedAt: 't2' }, { bogus: true }] });
    assert.deepEqual(state.hands.map(h => h.participantId), ['pAnn', 'pBob']);
    assert.equal(handPosition(state, 'pBob'), 2);
    assert.equal(handPosition(state, 'pCarol'), 0);
    assert.deepEqual(toggleHandRequest(state), { destination: '/app/hand.lower', body: { roomId: 'r1' } });
    assert.deepEqual(toggleHandRequest(asGuest()), { destination: '/app/hand.raise', body: { roomId: 'r1' } });
    assert.equal(toggleHandRequest(initialState()), null);
  });

  test('a reaction is shown on the sender\'s tile and said in words; others are ignored', () => {
    const { effects } = run(asGuest(), { type: 'reaction', roomId: 'r1', participantId: 'pAnn', emoji: '👏' });
    assert.deepEqual(effects, [{ type: 'reaction', participantId: 'pAnn', emoji: '👏', text: 'Ann reacted with applause.' }]);
    const own = run(asGuest(), { type: 'reaction', roomId: 'r1', participantId: 'pBob', emoji: '🎉' });
    assert.equal(own.effects[0].participantId, 'self');
    assert.equal(own.effects[0].text, 'You reacted with party.');
    assert.deepEqual(run(asGuest(), { type: 'reaction', roomId: 'r1', participantId: 'pAnn', emoji: '<b>' }).effects, []);
    assert.deepEqual(run(asGuest(), { type: 'reaction', roomId: 'r1', participantId: 'stranger', emoji: '👏' }).effects, []);
    assert.deepEqual(reactionRequest(asGuest(), '👍'), { destination: '/app/reaction.send', body: { roomId: 'r1', emoji: '👍' } });
    assert.equal(reactionRequest(asGuest(), 'x'), null);
    assert.equal(REACTIONS.length, 8);
  });
});

// ---- the session carries them out -------------------------------------------------------------

function hostingSession({ self = GUEST } = {}) {
  const sent = [];
  const notices = [];
  const errors = [];
  const stream = cameraStream('audio', 'video');
  const s = new RoomSession({
    transport: { send: (destination, body) => sent.push({ destination, body }) },
    acquireMedia: async () => ({ stream, mode: 'full', media: { audio: true, video: true }, notice: '' }),
    createLink: () => ({ close() {}, receiveDescription() {}, receiveCandidate() {}, updateIceServers() {} }),
    listener: { notice: n => notices.push(n), error: e => errors.push(e) },
    log: recordingLog(),
    setTimer: () => {},
    clientToken: 'browser-token-1',
  });
  const to = destination => sent.filter(m => m.destination === destination).map(m => m.body);
  return { s, sent, to, notices, errors, stream, self };
}

async function seated(ctx, extra = {}) {
  ctx.s.connected();
  await ctx.s.joinRoom({ roomId: 'r1', displayName: ctx.self.displayName });
  ctx.s.handleEvent(joined({ self: ctx.self, participants: ctx.self === HOST ? [GUEST] : [HOST], ...extra }));
  return ctx;
}

describe('RoomSession with hosts', () => {
  test('a join carries the browser\'s client token', async () => {
    const ctx = await seated(hostingSession());
    assert.equal(ctx.to('/app/room.join')[0].clientToken, 'browser-token-1');
  });

  test('muted by a host turns the microphone track off and tells the room; no unmute while the hosts hold it', async () => {
    const ctx = await seated(hostingSession());
    ctx.s.handleEvent({ type: 'muted-by-host', roomId: 'r1', by: { participantId: 'pAnn', displayName: 'Ann' }, mayUnmute: false });
    const [mic] = ctx.stream.getAudioTracks();
    assert.equal(mic.enabled, false);
    assert.deepEqual(ctx.to('/app/media.state').at(-1), { audioMuted: true, videoMuted: false, sharing: false });
    assert.equal(ctx.notices.at(-1).kind, 'muted');

    ctx.s.controls.setMuted('audio', false);
    assert.equal(mic.enabled, false, 'the page keeps the hosts\' decision');
    ctx.s.handleEvent({ type: 'unmute-requested', roomId: 'r1', by: { participantId: 'pAnn', displayName: 'Ann' } });
    ctx.s.controls.setMuted('audio', false);
    assert.equal(mic.enabled, true);
  });

  test('a stopped camera is switched off here', async () => {
    const ctx = await seated(hostingSession());
    ctx.s.handleEvent({ type: 'media-stopped-by-host', roomId: 'r1', kind: 'camera', by: { displayName: 'Ann' } });
    assert.equal(ctx.stream.getVideoTracks()[0].enabled, false);
    assert.equal(ctx.s.local.videoMuted, true);
  });

  test('a host\'s actions go out as host requests; a guest\'s do not', async () => {
    const host = await seated(hostingSession({ self: HOST }));
    assert.equal(host.s.hostAction('remove', { participantId: 'pBob' }), true);
    assert.deepEqual(host.to('/app/host.remove'), [{ roomId: 'r1', participantId: 'pBob' }]);
    const guest = await seated(hostingSession());
    assert.equal(guest.s.hostAction('lock', { locked: true }), false);
    assert.deepEqual(guest.to('/app/host.lock'), []);
    guest.s.toggleHand();
    guest.s.react('👍');
    assert.deepEqual(guest.to('/app/hand.raise'), [{ roomId: 'r1' }]);
    assert.deepEqual(guest.to('/app/reaction.send'), [{ roomId: 'r1', emoji: '👍' }]);
  });

  test('leaving the waiting room withdraws the knock and releases the camera', async () => {
    const ctx = hostingSession();
    ctx.s.connected();
    await ctx.s.joinRoom({ roomId: 'r1', displayName: 'Bob' });
    ctx.s.handleEvent({ type: 'waiting', roomId: 'r1', roomName: 'Standup', knockId: 'k1' });
    assert.equal(ctx.s.state.phase, 'waiting');

    ctx.s.leaveRoom();

    assert.deepEqual(ctx.to('/app/room.leave'), [{}]);
    assert.equal(ctx.s.state.phase, 'lobby');
    assert.equal(ctx.s.local, null);
    assert.equal(ctx.stream.getVideoTracks()[0].readyState, 'ended');
  });

  test('a dropped connection while waiting gives the wait up', async () => {
    const ctx = hostingSession();
    ctx.s.connected();
    await ctx.s.joinRoom({ roomId: 'r1', displayName: 'Bob' });
    ctx.s.handleEvent({ type: 'waiting', roomId: 'r1', roomName: 'Standup', knockId: 'k1' });

    ctx.s.connectionInterrupted();

    assert.equal(ctx.s.state.phase, 'lobby');
    assert.equal(ctx.s.local, null);
  });
});
