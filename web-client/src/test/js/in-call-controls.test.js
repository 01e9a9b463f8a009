import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { RoomSession } from '../../main/js/js/room-session.js';
import { MediaLink } from '../../main/js/js/media-link.js';
import { canShare, initialShareState, shareTransition } from '../../main/js/js/share-state.js';
import {
  AudioLevelMonitor, SpeakingDetector, rmsDbfs, smoothLevel, SILENCE_DBFS,
} from '../../main/js/js/audio-level.js';
import { FakeStream, FakeTrack, ManualTimer, cameraStream } from './support/fake-media.js';
import { recordingLog } from './support/link-harness.js';

// ---- share state machine --------------------------------------------------------------------

const types = effects => effects.map(e => (e.with ? `${e.type}:${e.with}` : e.type));

describe('share state', () => {
  test('only a participant who publishes can share', () => {
    assert.equal(canShare('full'), true);
    assert.equal(canShare('audio-only'), true);
    assert.equal(canShare('video-only'), true);
    assert.equal(canShare('receive-only'), false);
    assert.deepEqual(shareTransition(initialShareState('receive-only'), 'start').effects, []);
  });

  test('with a camera the share is an extra sender next to the camera, removed on stop', () => {
    let step = shareTransition(initialShareState('full'), 'start');
    assert.deepEqual(types(step.effects), ['pick']);
    step = shareTransition(step.state, 'picked');
    assert.deepEqual(types(step.effects), ['add-share-sender', 'announce']);
    step = shareTransition(step.state, 'stop');
    assert.deepEqual(types(step.effects), ['remove-share-sender', 'stop-screen', 'announce']);
  });

  test('audio-only adds a share sender and removes it when the browser ends the share', () => {
    let step = shareTransition(shareTransition(initialShareState('audio-only'), 'start').state, 'picked');
    assert.deepEqual(types(step.effects), ['add-share-sender', 'announce']);
    step = shareTransition(step.state, 'ended');
    assert.deepEqual(types(step.effects), ['remove-share-sender', 'stop-screen', 'announce']);
    assert.deepEqual(step.state, initialShareState('audio-only'));
  });

  test('a cancelled picker leaves the state exactly as it was, with nothing to do', () => {
    for (const mode of ['full', 'audio-only']) {
      const before = initialShareState(mode);
      const step = shareTransition(shareTransition(before, 'start').state, 'cancelled');
      assert.deepEqual(step.state, before);
      assert.deepEqual(step.effects, []);
    }
  });

  test('a second start while picking or sharing, and a stop while not sharing, do nothing', () => {
    const picking = shareTransition(initialShareState('full'), 'start').state;
    assert.deepEqual(shareTransition(picking, 'start').effects, []);
    const sharing = shareTransition(picking, 'picked').state;
    assert.deepEqual(shareTransition(sharing, 'start').effects, []);
    assert.deepEqual(shareTransition(initialShareState('full'), 'stop').effects, []);
    assert.deepEqual(shareTransition(initialShareState('full'), 'ended').effects, []);
  });
});

// ---- level detection ------------------------------------------------------------------------

const sine = (amplitude, n = 1024) => Float32Array.from({ length: n }, (_, i) => amplitude * Math.sin(i / 5));

describe('audio level', () => {
  test('RMS in dBFS: full-scale square is 0, silence is the floor, a 0.01 square is -40', () => {
    assert.equal(rmsDbfs(new Float32Array(256).fill(1)), 0);
    assert.equal(rmsDbfs(new Float32Array(256)), SILENCE_DBFS);
    assert.equal(rmsDbfs([]), SILENCE_DBFS);
    assert.ok(Math.abs(rmsDbfs(new Float32Array(256).fill(0.01)) + 40) < 1e-4);
    assert.ok(Math.abs(rmsDbfs(sine(1, 10000)) + 3.01) < 0.05);
  });

  test('smoothing moves about 63% of the way in one time constant', () => {
    assert.equal(smoothLevel(null, -30, 50), -30);
    const after = smoothLevel(-100, 0, 100, 100);
    assert.ok(Math.abs(after - -100 * Math.exp(-1)) < 1e-9);
    assert.equal(smoothLevel(-60, -20, 0), -60);
  });

  test('a short click does not light the tile; sustained speech above -50 dBFS does', () => {
    const d = new SpeakingDetector();
    for (let i = 0; i < 10; i++) d.update(-90, 50);
    assert.equal(d.update(-20, 10), false); // 10 ms of loud moves the smoothed level only a little
    for (let i = 0; i < 10; i++) d.update(-30, 50);
    assert.equal(d.speaking, true);
  });

  test('hysteresis: short pauses and levels between the thresholds keep the highlight', () => {
    const d = new SpeakingDetector();
    for (let i = 0; i < 10; i++) d.update(-30, 50);
    assert.equal(d.speaking, true);
    const flips = [];
    // Between words: level dips below on-threshold but above off-threshold, then a brief silence.
    for (const level of [-53, -54, -52, -53, -90, -90, -30, -30, -53]) {
      const was = d.speaking;
      if (d.update(level, 50) !== was) flips.push(level);
    }
    assert.deepEqual(flips, []);
    // Sustained silence ends it, once.
    for (let i = 0; i < 40; i++) {
      const was = d.speaking;
      if (d.update(-90, 50) !== was) flips.push(i);
    }
    assert.equal(flips.length, 1);
    assert.equal(d.speaking, false);
  });

  test('the monitor reports speaking changes per participant and forgets unwatched tracks', () => {
    const levels = new Map();
    const context = {
      createMediaStreamSource: stream => ({ track: stream.getTracks()[0], connect() {}, disconnect() {} }),
      createAnalyser() {
        const analyser = {
          fftSize: 0,
          connect() {},
          getFloatTimeDomainData: buffer => buffer.fill(levels.get(analyser.source.track) ?? 0),
        };
        return analyser;
      },
    };
    const realCreateAnalyser = context.createAnalyser;
    const realSource = context.createMediaStreamSource;
    context.createMediaStreamSource = stream => {
      const source = realSource(stream);
      source.connect = analyser => {
        analyser.source = source;
      };
      return source;
    };
    context.createAnalyser = realCreateAnalyser;
    const changes = [];
    const timer = new ManualTimer();
    const monitor = new AudioLevelMonitor({
      createContext: () => context,
      createStream: track => new FakeStream([track]),
      onChange: (key, speaking) => changes.push([key, speaking]),
      ...timer.options(),
    });
    const bob = new FakeTrack('audio');
    const ann = new FakeTrack('audio');
    monitor.watch('bob', bob);
    monitor.watch('self', ann);
    monitor.watch('video', new FakeTrack('video')); // ignored
    levels.set(bob, 0.1); // -20 dBFS
    levels.set(ann, 0.0001); // -80 dBFS
    timer.advance(500);
    assert.deepEqual(changes, [['bob', true]]);
    monitor.watch('bob', null);
    assert.deepEqual(changes, [['bob', true], ['bob', false]]);
    monitor.clear();
    assert.equal(timer.tick, null);
  });
});

// ---- RoomSession: sharing and device switching with fakes -------------------------------------

class FakeTransport {
  constructor() {
    this.sent = [];
  }

  send(destination, body) {
    this.sent.push({ destination, body: JSON.parse(JSON.stringify(body)) });
    return true;
  }

  to(destination) {
    return this.sent.filter(m => m.destination === destination).map(m => m.body);
  }
}

/** A link that records what RoomSession asks of its senders. */
class SenderLink {
  constructor(options) {
    this.options = options;
    this.linkId = options.linkId;
    this.direction = options.direction;
    this.closed = false;
    this.pc = {};
    this.sending = {};
    for (const track of options.localStream?.getTracks() ?? []) this.sending[track.kind] = track;
    this.share = null;
  }

  async replaceTrack(kind, track) {
    if (!(kind in this.sending)) return false;
    this.sending[kind] = track;
    return true;
  }

  addShareTrack(track) {
    this.share = track;
  }

  removeShareTrack() {
    this.share = null;
  }

  receiveDescription() {}

  receiveCandidate() {}

  updateIceServers() {}

  close() {
    this.closed = true;
  }
}

const SELF = { participantId: 'pAnn', displayName: 'Ann', sendsAudio: true, sendsVideo: true };
const joinedEvent = {
  type: 'joined',
  room: { roomId: 'r1', name: 'Standup', participants: 1, capacity: 6 },
  self: SELF,
  participants: [],
  chat: [],
  iceServers: [],
};
const linkOpen = (linkId, direction = 'send') => ({
  type: 'link-open', linkId, publisherId: 'pAnn', peerId: 'pBob', direction, youOffer: true, polite: false,
});

function notAllowed() {
  const err = new Error('Permission denied');
  err.name = 'NotAllowedError';
  return err;
}

async function sharingSession({ kinds = ['audio', 'video'], getDisplayMedia, getUserMedia } = {}) {
  const transport = new FakeTransport();
  const links = [];
  const errors = [];
  const local = [];
  const stream = cameraStream(...kinds);
  const mode = kinds.length === 2 ? 'full' : kinds.includes('audio') ? 'audio-only' : kinds.length ? 'video-only' : 'receive-only';
  const s = new RoomSession({
    transport,
    acquireMedia: async () => ({
      stream: kinds.length ? stream : null, mode, media: { audio: kinds.includes('audio'), video: kinds.includes('video') }, notice: '',
    }),
    createLink: options => {
      const link = new SenderLink(options);
      links.push(link);
      return link;
    },
    listener: { error: e => errors.push(e), localMediaChanged: l => local.push(l) },
    log: recordingLog(),
    setTimer: () => {},
    getDisplayMedia,
    getUserMedia,
  });
  s.connected();
  await s.joinRoom({ roomId: 'r1', displayName: 'Ann' });
  s.handleEvent(joinedEvent);
  s.handleEvent(linkOpen('l1'));
  s.handleEvent(linkOpen('l2'));
  s.handleEvent(linkOpen('l3', 'receive'));
  return { s, transport, links, errors, stream, local };
}

describe('RoomSession in-call controls', () => {
  test('a camera participant shares on an extra sender of every publishing link and keeps sending the camera', async () => {
    const screen = new FakeStream([new FakeTrack('video')]);
    const ctx = await sharingSession({ getDisplayMedia: async () => screen });
    const camera = ctx.stream.getVideoTracks()[0];
    assert.equal(await ctx.s.controls.startShare(), true);
    const senders = ctx.links.filter(l => l.direction === 'send');
    assert.equal(senders.length, 2);
    for (const link of senders) {
      assert.equal(link.share, screen.getTracks()[0]);
      assert.equal(link.sending.video, camera, 'the camera goes on, for the strip beside the stage');
    }
    assert.deepEqual(ctx.transport.to('/app/media.state').at(-1), { audioMuted: false, videoMuted: false, sharing: true });
    assert.equal(ctx.s.snapshot().localMedia.sharing, true);

    // A viewer who arrives while sharing gets the screen too.
    ctx.s.handleEvent(linkOpen('l4'));
    assert.equal(ctx.links.at(-1).share, screen.getTracks()[0]);

    ctx.s.controls.stopShare();
    for (const link of ctx.links.filter(l => l.direction === 'send')) {
      assert.equal(link.share, null);
      assert.equal(link.sending.video, camera);
    }
    assert.equal(screen.getTracks()[0].readyState, 'ended');
    assert.deepEqual(ctx.transport.to('/app/media.state').at(-1), { audioMuted: false, videoMuted: false, sharing: false });
  });

  test('an audio-only participant shares on an added sender that is removed when the track ends', async () => {
    const screen = new FakeStream([new FakeTrack('video')]);
    const ctx = await sharingSession({ kinds: ['audio'], getDisplayMedia: async () => screen });
    assert.equal(await ctx.s.controls.startShare(), true);
    const senders = ctx.links.filter(l => l.direction === 'send');
    for (const link of senders) assert.equal(link.share, screen.getTracks()[0]);
    screen.getTracks()[0].end(); // the browser's own "stop sharing"
    for (const link of senders) assert.equal(link.share, null);
    assert.equal(ctx.s.snapshot().localMedia.sharing, false);
    assert.equal(await ctx.s.controls.startShare(), true, 'can share again');
  });

  test('a cancelled picker changes nothing, sends nothing and shows no error', async () => {
    const ctx = await sharingSession({ getDisplayMedia: async () => { throw notAllowed(); } });
    const camera = ctx.stream.getVideoTracks()[0];
    const sentBefore = ctx.transport.sent.length;
    assert.equal(await ctx.s.controls.startShare(), false);
    assert.equal(ctx.transport.sent.length, sentBefore);
    assert.deepEqual(ctx.errors, []);
    for (const link of ctx.links.filter(l => l.direction === 'send')) assert.equal(link.sending.video, camera);
    assert.equal(ctx.s.controls.share.sharing, 'no');
  });

  test('a receive-only participant cannot share', async () => {
    let asked = 0;
    const ctx = await sharingSession({ kinds: [], getDisplayMedia: async () => { asked += 1; } });
    assert.equal(ctx.s.controls.canShare(), false);
    assert.equal(await ctx.s.controls.startShare(), false);
    assert.equal(asked, 0);
  });

  test('switching the microphone replaces it on every publishing link and keeps it muted', async () => {
    const requested = [];
    const fresh = new FakeTrack('audio');
    const ctx = await sharingSession({
      getUserMedia: async constraints => {
        requested.push(constraints);
        return new FakeStream([fresh]);
      },
    });
    const old = ctx.stream.getAudioTracks()[0];
    ctx.s.controls.setMuted('audio', true);
    assert.equal(await ctx.s.controls.switchDevice('audio', 'mic-2'), true);
    assert.deepEqual(requested, [{ audio: { deviceId: { exact: 'mic-2' } } }]);
    for (const link of ctx.links.filter(l => l.direction === 'send')) assert.equal(link.sending.audio, fresh);
    assert.equal(old.readyState, 'ended');
    assert.equal(fresh.enabled, false);
    assert.deepEqual(ctx.stream.getAudioTracks(), [fresh]);
    assert.equal(ctx.s.state.phase, 'in-room');
  });

  test('switching the camera while sharing sends the new camera at once and keeps the screen', async () => {
    const screen = new FakeStream([new FakeTrack('video')]);
    const camera2 = new FakeTrack('video');
    const ctx = await sharingSession({ getDisplayMedia: async () => screen, getUserMedia: async () => new FakeStream([camera2]) });
    await ctx.s.controls.startShare();
    assert.equal(await ctx.s.controls.switchDevice('video', 'cam-2'), true);
    const senders = ctx.links.filter(l => l.direction === 'send');
    for (const link of senders) {
      assert.equal(link.sending.video, camera2);
      assert.equal(link.share, screen.getTracks()[0]);
    }
  });

  test('joining muted or with the camera off disables the tracks before any link and tells the room once joined', async () => {
    const transport = new FakeTransport();
    const stream = cameraStream('audio', 'video');
    const s = new RoomSession({
      transport,
      acquireMedia: async () => { throw new Error('the pre-join media is used'); },
      createLink: options => new SenderLink(options),
      log: recordingLog(),
      setTimer: () => {},
    });
    s.connected();
    await s.joinRoom({
      roomId: 'r1', displayName: 'Ann', muted: { audio: true, video: true },
      local: { stream, mode: 'full', media: { audio: true, video: true }, notice: '' },
    });
    assert.equal(stream.getAudioTracks()[0].enabled, false);
    assert.equal(stream.getVideoTracks()[0].enabled, false);
    assert.deepEqual(transport.to('/app/media.state'), [], 'nothing is announced before joined');
    s.handleEvent(joinedEvent);
    assert.deepEqual(transport.to('/app/media.state'), [{ audioMuted: true, videoMuted: true, sharing: false }]);
    assert.equal(s.snapshot().localMedia.audioMuted, true);
  });

  test('a device that fails shows an error and keeps the old one', async () => {
    const ctx = await sharingSession({ getUserMedia: async () => { throw notAllowed(); } });
    const old = ctx.stream.getVideoTracks()[0];
    assert.equal(await ctx.s.controls.switchDevice('video', 'cam-x'), false);
    assert.equal(ctx.errors.length, 1);
    assert.equal(old.readyState, 'live');
    for (const link of ctx.links.filter(l => l.direction === 'send')) assert.equal(link.sending.video, old);
  });

  test('media-state and participants carry the sharing flag', async () => {
    const ctx = await sharingSession();
    ctx.s.handleEvent({ type: 'participant-joined', roomId: 'r1', participant: { participantId: 'pBob', displayName: 'Bob', sharing: true, audioMuted: true } });
    assert.equal(ctx.s.state.participants[0].sharing, true);
    assert.equal(ctx.s.state.participants[0].audioMuted, true);
    ctx.s.handleEvent({ type: 'media-state', roomId: 'r1', participantId: 'pBob', audioMuted: false, videoMuted: true, sharing: false });
    assert.deepEqual(
      { ...ctx.s.state.participants[0], participantId: undefined, displayName: undefined, sendsAudio: undefined, sendsVideo: undefined },
      { participantId: undefined, displayName: undefined, sendsAudio: undefined, sendsVideo: undefined, audioMuted: false,
        videoMuted: true, sharing: false, role: 'participant', mayUnmute: true },
    );
  });
});

// ---- MediaLink senders ------------------------------------------------------------------------

class SenderPc extends EventTarget {
  constructor() {
    super();
    this.added = [];
    this.removed = [];
  }

  addTransceiver(track) {
    const sender = { track, replaceTrack: async t => { sender.track = t; } };
    this.added.push(sender);
    return { sender };
  }

  addTrack(track) {
    const sender = { track, replaceTrack: async t => { sender.track = t; } };
    this.added.push(sender);
    this.dispatchEvent(new Event('negotiationneeded-requested'));
    return sender;
  }

  removeTrack(sender) {
    this.removed.push(sender);
  }

  close() {}
}

describe('MediaLink senders', () => {
  const open = (stream, youOffer = true) => {
    const pc = new SenderPc();
    const link = new MediaLink({
      linkId: 'l1', direction: 'send', youOffer, polite: false, iceServers: [],
      transport: { sendDescription() {}, sendCandidate() {} }, localStream: stream,
      createPeerConnection: () => pc, log: recordingLog(),
    });
    return { link, pc };
  };

  test('replaceTrack swaps the track of the sender of that kind, for offerer and answerer', async () => {
    for (const youOffer of [true, false]) {
      const { link, pc } = open(cameraStream('audio', 'video'), youOffer);
      const next = new FakeTrack('video');
      assert.equal(await link.replaceTrack('video', next), true);
      assert.equal(pc.added.find(sender => sender.track?.kind === 'video').track, next);
    }
  });

  test('an audio-only link has no video sender; a share sender is added once and removed', async () => {
    const { link, pc } = open(cameraStream('audio'));
    assert.equal(await link.replaceTrack('video', new FakeTrack('video')), false);
    const share = new FakeTrack('video');
    link.addShareTrack(share, new FakeStream([share]));
    link.addShareTrack(share, new FakeStream([share]));
    assert.equal(pc.added.filter(sender => sender.track === share).length, 1);
    link.removeShareTrack();
    link.removeShareTrack();
    assert.equal(pc.removed.length, 1);
    assert.equal(pc.removed[0].track, share);
  });
});
