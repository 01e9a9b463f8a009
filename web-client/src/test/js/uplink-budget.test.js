import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  CAMERA_UPLINK_BUDGET_BPS, MIN_CAMERA_COPY_BPS, cameraEncodingFor,
} from '../../main/js/js/uplink-budget.js';
import { MediaLinks } from '../../main/js/js/media-links.js';
import { MediaLink } from '../../main/js/js/media-link.js';
import { FakeRTCPeerConnection } from './support/fake-webrtc.js';
import { cameraStream } from './support/fake-media.js';
import { Network, linkPair, quiesce, recordingLog, waitFor } from './support/link-harness.js';

const UNCAPPED = { maxBitrate: null, scaleResolutionDownBy: 1 };
const videoSender = end => end.pc.transceivers.find(t => t.kind === 'video').sender;
const audioSender = end => end.pc.transceivers.find(t => t.kind === 'audio').sender;

test('one copy of the camera is sent as the browser decides', () => {
  assert.deepEqual(cameraEncodingFor(0), UNCAPPED);
  assert.deepEqual(cameraEncodingFor(1), UNCAPPED);
});

test('two copies share the camera budget at full size', () => {
  assert.deepEqual(cameraEncodingFor(2), { maxBitrate: CAMERA_UPLINK_BUDGET_BPS / 2, scaleResolutionDownBy: 1 });
});

test('from three copies on, each is sent at half the width and height, never below the floor', () => {
  assert.deepEqual(cameraEncodingFor(3), { maxBitrate: CAMERA_UPLINK_BUDGET_BPS / 3, scaleResolutionDownBy: 2 });
  assert.deepEqual(cameraEncodingFor(7), { maxBitrate: Math.max(MIN_CAMERA_COPY_BPS, Math.floor(CAMERA_UPLINK_BUDGET_BPS / 7)), scaleResolutionDownBy: 2 });
  assert.equal(cameraEncodingFor(50).maxBitrate, MIN_CAMERA_COPY_BPS);
});

function publisherPair({ youOffer, cameraEncoding, network = new Network() }) {
  return linkPair({
    network,
    a: { direction: 'send', youOffer, polite: !youOffer, localStream: cameraStream('audio', 'video'), cameraEncoding },
    b: { direction: 'receive', youOffer: !youOffer, polite: youOffer },
  });
}

async function negotiated(pair) {
  await waitFor(() => pair.a.pc.signalingState === 'stable' && pair.a.pc.currentRemoteDescription
    && pair.b.pc.signalingState === 'stable' && pair.b.pc.currentLocalDescription, { what: 'first negotiation' });
  await quiesce();
}

test('an offering publisher puts the capped camera copy in its first offer, and leaves the microphone alone', async () => {
  const pair = publisherPair({ youOffer: true, cameraEncoding: cameraEncodingFor(3) });
  await negotiated(pair);
  assert.deepEqual(videoSender(pair.a).getParameters().encodings,
    [{ active: true, maxBitrate: CAMERA_UPLINK_BUDGET_BPS / 3, scaleResolutionDownBy: 2 }]);
  assert.deepEqual(videoSender(pair.a).parameterChanges, [], 'nothing to change after the offer');
  assert.deepEqual(audioSender(pair.a).getParameters().encodings, [{ active: true }]);
  assert.deepEqual(pair.a.log.warnings, []);
});

test('a single copy is offered without any encoding of ours', async () => {
  const pair = publisherPair({ youOffer: true, cameraEncoding: cameraEncodingFor(1) });
  await negotiated(pair);
  assert.equal(videoSender(pair.a).encodings, null);
});

test('a sent copy is capped when viewers come, and the cap lifted when they go', async () => {
  const pair = publisherPair({ youOffer: true, cameraEncoding: cameraEncodingFor(1) });
  await negotiated(pair);
  await pair.a.link.setCameraEncoding(cameraEncodingFor(3));
  await pair.a.link.setCameraEncoding(cameraEncodingFor(1));
  assert.deepEqual(videoSender(pair.a).parameterChanges, [
    [{ active: true, maxBitrate: CAMERA_UPLINK_BUDGET_BPS / 3, scaleResolutionDownBy: 2 }],
    [{ active: true, scaleResolutionDownBy: 1 }],
  ]);
  assert.deepEqual(pair.a.log.warnings, []);
});

test('an answering publisher (an SFU offers) applies a cap set before negotiation once it is negotiated', async () => {
  const network = new Network();
  network.pause();
  const pair = publisherPair({ youOffer: false, cameraEncoding: null, network });
  await pair.a.link.setCameraEncoding(cameraEncodingFor(2));
  assert.deepEqual(videoSender(pair.a).parameterChanges, [], 'no encodings to change before the offer');
  network.resume();
  await negotiated(pair);
  await waitFor(() => videoSender(pair.a).parameterChanges.length === 1, { what: 'the cap applied' });
  assert.deepEqual(videoSender(pair.a).getParameters().encodings,
    [{ active: true, maxBitrate: CAMERA_UPLINK_BUDGET_BPS / 2, scaleResolutionDownBy: 1 }]);
  assert.deepEqual(pair.a.log.warnings, []);
});

test('a page shares its camera uplink among its open send links, and a closed one gives its share back', async () => {
  const created = [];
  const links = new MediaLinks({
    createLink: options => {
      const link = new MediaLink({ ...options, createPeerConnection: config => new FakeRTCPeerConnection(config), log: recordingLog() });
      created.push(link);
      return link;
    },
    send: () => true,
    isPlanned: () => true,
    log: recordingLog(),
  });
  const stream = cameraStream('audio', 'video');
  const send = linkId => ({ linkId, publisherId: 'pAnn', direction: 'send', youOffer: true, polite: false });
  const capOf = link => {
    const [encoding] = link.pc.transceivers.find(t => t.kind === 'video').sender.getParameters().encodings;
    return { maxBitrate: encoding.maxBitrate ?? null, scaleResolutionDownBy: encoding.scaleResolutionDownBy ?? 1 };
  };
  links.open(send('l1'), { iceServers: [], localStream: stream });
  links.open(send('l2'), { iceServers: [], localStream: stream });
  links.open({ linkId: 'r1', publisherId: 'pBob', direction: 'receive', youOffer: false, polite: true }, { iceServers: [], localStream: stream });
  links.open(send('l3'), { iceServers: [], localStream: stream });
  await quiesce();
  // The third send link offered capped; the first two were re-capped (the first had no encodings of
  // ours, so the fake has none to change until negotiated: its cap waits in the link).
  assert.deepEqual(created[3].pc.transceivers.find(t => t.kind === 'video').sender.encodings,
    [{ active: true, maxBitrate: CAMERA_UPLINK_BUDGET_BPS / 3, scaleResolutionDownBy: 2 }]);
  assert.deepEqual(capOf(created[1]), cameraEncodingFor(3));
  assert.deepEqual(created[0].cameraEncoding, cameraEncodingFor(3));
  assert.equal(created[2].cameraEncoding, null, 'a receive link sends no camera');

  links.close('l3');
  await quiesce();
  assert.deepEqual(capOf(created[1]), cameraEncodingFor(2));
  assert.deepEqual(created[0].cameraEncoding, cameraEncodingFor(2));
});
