import { test } from 'node:test';
import assert from 'node:assert/strict';

import { MediaLinks } from '../../main/js/js/media-links.js';
import { FakeTrack, cameraStream } from './support/fake-media.js';
import { recordingLog } from './support/link-harness.js';

// The peer objects by linkId, without a RoomSession; links are fakes that record what reaches them.

function links({ planned = ['l1', 'l2'], createLink } = {}) {
  const sent = [];
  const created = [];
  const remote = [];
  const opened = [];
  const failures = [];
  const log = recordingLog();
  const m = new MediaLinks({
    createLink: createLink ?? (options => {
      const link = {
        options, linkId: options.linkId, direction: options.direction, closed: false, received: [], pc: { id: options.linkId },
        connectionState: 'new',
        receiveDescription(d) { this.received.push(['sdp', d]); },
        receiveCandidate(c) { this.received.push(['ice', c]); },
        updateIceServers() {},
        close() { this.closed = true; },
      };
      created.push(link);
      return link;
    }),
    send: (destination, body) => sent.push({ destination, body }),
    isPlanned: linkId => planned.includes(linkId),
    onSendLinkOpened: link => opened.push(link.linkId),
    onRemoteMedia: (publisherId, tracks) => remote.push({ publisherId, tracks }),
    onOpenFailed: message => failures.push(message),
    log,
  });
  return { m, sent, created, remote, opened, failures, log };
}

const receiving = (linkId, publisherId = 'pBob') => ({ linkId, publisherId, peerId: publisherId, direction: 'receive', youOffer: false, polite: true });
const sending = linkId => ({ linkId, publisherId: 'pAnn', peerId: 'pBob', direction: 'send', youOffer: true, polite: false });

test('signals for a planned link wait until it opens, and reach it in arrival order before anything new', () => {
  const { m, created } = links();
  m.signal({ linkId: 'l1', kind: 'sdp', description: { type: 'offer', sdp: 'v=0\r\n' } });
  m.signal({ linkId: 'l1', kind: 'ice', candidate: { candidate: 'c1' } });
  m.signal({ linkId: 'unplanned', kind: 'ice', candidate: { candidate: 'c2' } });
  m.open(receiving('l1'), { iceServers: [], localStream: null });
  m.signal({ linkId: 'l1', kind: 'ice', candidate: { candidate: 'c3' } });
  assert.deepEqual(created[0].received.map(([kind, value]) => value.sdp ?? value.candidate), ['v=0\r\n', 'c1', 'c3']);
  assert.equal(m.pendingSignals.size, 0);
});

test('only send links get the local stream and the share hook; the transport tags signals with the linkId', () => {
  const { m, created, opened, sent } = links();
  const stream = cameraStream('audio', 'video');
  m.open(sending('l1'), { iceServers: [{ urls: ['stun:a'] }], localStream: stream });
  m.open(receiving('l2'), { iceServers: [], localStream: stream });
  assert.equal(created[0].options.localStream, stream);
  assert.deepEqual(created[0].options.iceServers, [{ urls: ['stun:a'] }]);
  assert.equal(created[1].options.localStream, null);
  assert.deepEqual(opened, ['l1']);
  assert.deepEqual(m.sendLinks().map(l => l.linkId), ['l1']);
  created[0].options.transport.sendCandidate({ candidate: 'c' });
  assert.deepEqual(sent, [{ destination: '/app/link.ice', body: { linkId: 'l1', candidate: { candidate: 'c' } } }]);
});

test('a replaced or closed link stays silent: its transport sends nothing more', () => {
  const { m, created, sent } = links();
  m.open(receiving('l1'), { iceServers: [] });
  m.open(receiving('l1'), { iceServers: [] });
  assert.equal(created[0].closed, true);
  created[0].options.transport.sendDescription({ type: 'answer', sdp: 'old' });
  m.close('l1');
  created[1].options.transport.sendDescription({ type: 'answer', sdp: 'new' });
  assert.deepEqual(sent, []);
  assert.deepEqual(m.peerConnections(), []);
  assert.equal(m.connectionStateOf('l1'), 'pending');
});

test("a publisher's tracks are told over all links that carry them, and go with the link", () => {
  const { m, created, remote } = links();
  m.open(receiving('l1'), { iceServers: [] });
  m.open(receiving('l2'), { iceServers: [] });
  const audio = new FakeTrack('audio');
  const video = new FakeTrack('video');
  created[0].options.onRemoteTrack(audio, []);
  created[1].options.onRemoteTrack(video, []);
  created[1].options.onRemoteTrack(video, []);
  assert.deepEqual(remote.at(-1), { publisherId: 'pBob', tracks: [audio, video] });
  assert.equal(m.remoteTrackCount('l2'), 1);
  m.close('l1');
  assert.deepEqual(remote.at(-1), { publisherId: 'pBob', tracks: [video] });
  assert.equal(remote.length, 3, 'a track delivered twice is told once');
});

test('a link that cannot be created is reported, and nothing is kept for it', () => {
  const { m, failures, log } = links({ createLink: () => { throw new Error('no WebRTC'); } });
  m.open(receiving('l1'), { iceServers: [] });
  assert.deepEqual(failures, ['A media connection could not be opened: no WebRTC']);
  assert.equal(log.warnings.length, 1);
  assert.deepEqual(m.peerConnections(), []);
});
