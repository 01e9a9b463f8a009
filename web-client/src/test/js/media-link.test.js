import { test } from 'node:test';
import assert from 'node:assert/strict';

import { MediaLink, candidateInit, descriptionInit, iceTransportPolicyFrom } from '../../main/js/js/media-link.js';
import { FakeRTCPeerConnection, parseSdp } from './support/fake-webrtc.js';
import { cameraStream } from './support/fake-media.js';
import { Network, linkPair, quiesce, recordingLog, waitFor } from './support/link-harness.js';

const stable = (...ends) => ends.every(end => end.pc.signalingState === 'stable');

/** Publisher offers (impolite), viewer answers (polite): the mesh backend's plan. */
function meshPair(options = {}) {
  const stream = options.stream ?? cameraStream('audio', 'video');
  const pair = linkPair({
    a: { direction: 'send', youOffer: true, polite: false, localStream: stream },
    b: { direction: 'receive', youOffer: false, polite: true },
    ...options,
  });
  return { ...pair, stream };
}

async function negotiated(pair) {
  await waitFor(
    () => stable(pair.a, pair.b) && pair.a.pc.currentRemoteDescription && pair.b.pc.currentLocalDescription,
    { what: 'first negotiation' },
  );
  await quiesce();
}

test('the offering publisher sends its tracks and the answering viewer receives them', async () => {
  const pair = meshPair();
  await negotiated(pair);

  const offers = pair.network.sentBy('a', 'sdp');
  const answers = pair.network.sentBy('b', 'sdp');
  assert.deepEqual(offers.map(m => m.payload.type), ['offer']);
  assert.deepEqual(answers.map(m => m.payload.type), ['answer']);
  // Sendonly transceivers carry the local tracks; nothing comes back.
  assert.deepEqual(
    parseSdp(offers[0].payload.sdp).media.map(m => `${m.kind} ${m.direction}`),
    ['audio sendonly', 'video sendonly'],
  );
  assert.deepEqual(pair.a.pc.transceivers.map(t => t.sender.track), pair.stream.getTracks());
  assert.deepEqual(pair.b.remoteTracks.map(t => t.kind), ['audio', 'video']);
  assert.equal(pair.a.remoteTracks.length, 0);
  // Candidates crossed in both directions and were applied after the descriptions.
  assert.ok(pair.a.pc.addedCandidates.length >= 1);
  assert.ok(pair.b.pc.addedCandidates.length >= 1);
  assert.deepEqual(pair.a.log.warnings, []);
  assert.deepEqual(pair.b.log.warnings, []);
});

test('every peer connection is created with the ICE servers it was given', () => {
  const iceServers = [{ urls: ['turn:127.0.0.1:3478'], username: 'u', credential: 'p' }];
  const pair = meshPair({ iceServers });
  assert.deepEqual(pair.a.pc.config, { iceServers });
  assert.deepEqual(pair.b.pc.config, { iceServers });
});

test('a link refuses to exist without ICE servers', () => {
  assert.throws(
    () =>
      new MediaLink({
        linkId: 'l1',
        direction: 'receive',
        youOffer: false,
        polite: true,
        transport: { sendDescription() {}, sendCandidate() {} },
        createPeerConnection: config => new FakeRTCPeerConnection(config),
      }),
    /iceServers are required/,
  );
});

test('the end that does not offer first waits for the offer, even when it has media to send', async () => {
  // An SFU-style link: the receiving end offers, the publishing end answers with its tracks.
  const stream = cameraStream('audio', 'video');
  const network = new Network();
  network.pause();
  const pair = linkPair({
    network,
    a: { direction: 'send', youOffer: false, polite: true, localStream: stream },
    b: { direction: 'receive', youOffer: true, polite: false },
  });
  await quiesce();
  // negotiationneeded fired on the publisher (it added tracks) but it must not offer first.
  assert.deepEqual(network.sentBy('a'), []);
  assert.deepEqual(network.sentBy('b', 'sdp').map(m => m.payload.type), ['offer']);
  assert.deepEqual(
    parseSdp(network.sentBy('b', 'sdp')[0].payload.sdp).media.map(m => `${m.kind} ${m.direction}`),
    ['audio recvonly', 'video recvonly'],
  );

  network.resume();
  await negotiated(pair);
  // The addTrack senders were adopted by the offer's m-lines: no extra m-line, no second round.
  assert.equal(pair.a.pc.transceivers.length, 2);
  assert.deepEqual(network.sentBy('a', 'sdp').map(m => m.payload.type), ['answer']);
  assert.deepEqual(
    parseSdp(network.sentBy('a', 'sdp')[0].payload.sdp).media.map(m => m.direction),
    ['sendonly', 'sendonly'],
  );
  assert.deepEqual(pair.b.remoteTracks.map(t => t.kind), ['audio', 'video']);
  assert.deepEqual(pair.a.log.warnings, []);
  assert.deepEqual(pair.b.log.warnings, []);
});

test('an audio-only publisher sends one sendonly m-line', async () => {
  const pair = meshPair({ stream: cameraStream('audio') });
  await negotiated(pair);
  assert.deepEqual(
    parseSdp(pair.network.sentBy('a', 'sdp')[0].payload.sdp).media.map(m => `${m.kind} ${m.direction}`),
    ['audio sendonly'],
  );
  assert.deepEqual(pair.b.remoteTracks.map(t => t.kind), ['audio']);
});

test('glare: the polite end rolls back and answers, the impolite end ignores the colliding offer', async () => {
  const pair = meshPair();
  await negotiated(pair);
  const { network, a, b } = pair;
  const sentBefore = network.sent.length;

  // Both ends decide to renegotiate at once; their offers cross on the wire.
  network.pause();
  a.pc.restartIce();
  b.pc.restartIce();
  await waitFor(() => a.pc.signalingState === 'have-local-offer' && b.pc.signalingState === 'have-local-offer', {
    what: 'both ends to have offered',
  });
  await quiesce();
  const glareOfferOfB = network.sent.slice(sentBefore).find(m => m.from === 'b' && m.kind === 'sdp');
  assert.equal(glareOfferOfB.payload.type, 'offer');
  const ignoredUfrag = parseSdp(glareOfferOfB.payload.sdp).ufrag;

  network.resume();
  await waitFor(() => stable(a, b) && !a.pc.iceRestartPending && !b.pc.iceRestartPending, {
    what: 'both renegotiations to finish',
  });
  await quiesce();

  // Only the polite end rolled back; the impolite end kept its offer and got an answer to it.
  assert.equal(b.pc.calls.filter(c => c.type === 'rollback').length, 1);
  assert.equal(a.pc.calls.filter(c => c.type === 'rollback').length, 0);
  assert.equal(a.link.ignoreOffer, false, 'a later answer clears ignoreOffer');
  const after = network.sent.slice(sentBefore).filter(m => m.kind === 'sdp');
  assert.deepEqual(
    after.map(m => `${m.from}:${m.payload.type}`),
    // a offers, b's crossing offer is ignored, b answers a, then b gets its own turn.
    ['a:offer', 'b:offer', 'b:answer', 'b:offer', 'a:answer'],
  );
  // Candidates of the ignored offer never reached the impolite end's connection.
  assert.ok(a.pc.addedCandidates.every(c => !c.candidate.startsWith(`candidate:${ignoredUfrag} `)));
  // No refused description or candidate anywhere.
  assert.deepEqual(a.log.warnings, []);
  assert.deepEqual(b.log.warnings, []);
  // Media still flows one way only: still exactly the two tracks.
  assert.deepEqual(b.remoteTracks.map(t => t.kind), ['audio', 'video']);
});

test('glare on the very first offer: candidates of the ignored offer are dropped, not queued', async () => {
  // Both ends offer before either has a remote description, so nothing could take those candidates.
  const network = new Network();
  network.pause();
  const stream = cameraStream('audio', 'video');
  const { a, b } = linkPair({
    network,
    a: { direction: 'send', youOffer: true, polite: false, localStream: stream },
    b: { direction: 'receive', youOffer: true, polite: true },
  });
  await waitFor(() => a.pc.signalingState === 'have-local-offer' && b.pc.signalingState === 'have-local-offer', {
    what: 'both first offers',
  });
  await waitFor(() => network.queue.some(m => m.from === 'b' && m.kind === 'ice'), { what: "b's candidate" });
  const ignoredUfrag = parseSdp(network.sentBy('b', 'sdp')[0].payload.sdp).ufrag;

  network.resume();
  await waitFor(() => stable(a, b) && b.pc.transceivers.every(t => t.mid !== null), { what: 'negotiation to settle' });
  await quiesce();
  assert.equal(a.link.pendingCandidates.length, 0);
  assert.ok(a.pc.addedCandidates.every(c => !c.candidate.startsWith(`candidate:${ignoredUfrag} `)));
  assert.deepEqual(a.log.warnings, [], 'no stale candidate was applied to a later description');
  assert.deepEqual(b.log.warnings, []);
  assert.deepEqual(b.remoteTracks.map(t => t.kind), ['audio', 'video']);
});

test('candidates that arrive before the offer are queued and applied after it', async () => {
  const network = new Network();
  network.pause();
  const pair = meshPair({ network });
  await waitFor(() => network.queue.some(m => m.kind === 'ice'), { what: "the offerer's candidate" });

  // Deliver the candidate first, as a relay that reorders would.
  const [candidate] = network.take(m => m.from === 'a' && m.kind === 'ice');
  await network.deliver(candidate);
  assert.equal(pair.b.link.pendingCandidates.length, 1);
  assert.equal(pair.b.pc.addedCandidates.length, 0);
  assert.equal(pair.b.pc.remoteDescription, null);

  network.resume();
  await negotiated(pair);
  assert.equal(pair.b.link.pendingCandidates.length, 0);
  assert.deepEqual(pair.b.pc.addedCandidates.map(c => c.candidate), [candidate.payload.candidate]);
  assert.deepEqual(pair.b.log.warnings, []);
});

test('close() is idempotent and later signals for the link are ignored', async () => {
  const pair = meshPair();
  await negotiated(pair);
  const { a, b, network } = pair;
  const offer = network.sentBy('a', 'sdp')[0].payload;
  const candidate = network.sentBy('a', 'ice')[0].payload;

  b.link.close();
  b.link.close();
  assert.equal(b.pc.closeCalls, 1);
  assert.equal(b.link.closed, true);
  assert.equal(b.link.connectionState, 'closed');

  const callsBefore = b.pc.calls.length;
  const sentBefore = network.sent.length;
  await b.link.receiveDescription(offer);
  await b.link.receiveCandidate(candidate);
  b.pc.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate: { candidate: 'candidate:x 1 udp', toJSON: () => ({}) } }));
  await quiesce();
  assert.equal(b.pc.calls.length, callsBefore, 'no description applied after close');
  assert.equal(network.sent.length, sentBefore, 'nothing sent after close');
  assert.deepEqual(b.log.warnings, []);
  a.link.close();
});

test('closing while an offer is being answered sends no answer', async () => {
  const network = new Network();
  network.pause();
  const pair = meshPair({ network });
  await waitFor(() => network.queue.some(m => m.kind === 'sdp'), { what: 'the offer' });
  const [offer] = network.take(m => m.kind === 'sdp');
  const handled = network.deliver(offer);
  pair.b.link.close(); // while setRemoteDescription is still pending
  await handled;
  await quiesce();
  assert.deepEqual(network.sentBy('b'), []);
});

test('a remote track arriving after close is not reported', async () => {
  const remote = [];
  const link = new MediaLink({
    linkId: 'l2',
    direction: 'receive',
    youOffer: false,
    polite: true,
    iceServers: [],
    transport: { sendDescription() {}, sendCandidate() {} },
    onRemoteTrack: track => remote.push(track),
    createPeerConnection: config => new FakeRTCPeerConnection(config),
    log: recordingLog(),
  });
  link.close();
  link.pc.dispatchEvent(Object.assign(new Event('track'), { track: { kind: 'audio' }, streams: [] }));
  assert.deepEqual(remote, []);
});

test('descriptions and candidates leave in the protocol shapes', () => {
  assert.deepEqual(descriptionInit({ type: 'offer', sdp: 'v=0\r\n', extra: 1 }), { type: 'offer', sdp: 'v=0\r\n' });
  assert.deepEqual(candidateInit({ candidate: 'candidate:1 1 udp', sdpMid: '0', sdpMLineIndex: 0 }), {
    candidate: 'candidate:1 1 udp',
    sdpMid: '0',
    sdpMLineIndex: 0,
  });
  const json = { candidate: 'candidate:2', sdpMid: '1', sdpMLineIndex: 1, usernameFragment: 'abc' };
  assert.deepEqual(candidateInit({ toJSON: () => json }), json);
});

// ---- renewed ICE servers and the relay-only diagnostic ----------------------------------------

test('new ICE servers replace the old ones on a live peer connection, keeping the rest of its configuration', async () => {
  const oldServers = [{ urls: ['turn:127.0.0.1:3478'], username: '100:pAnn', credential: 'old' }];
  const newServers = [{ urls: ['turn:127.0.0.1:3478'], username: '200:pAnn', credential: 'new' }];
  const pair = meshPair({ iceServers: oldServers, a: { direction: 'send', youOffer: true, polite: false, localStream: cameraStream('audio', 'video'), iceTransportPolicy: 'relay' } });
  await negotiated(pair);

  pair.a.link.updateIceServers(newServers);

  assert.deepEqual(pair.a.pc.configurations, [{ iceServers: newServers, iceTransportPolicy: 'relay' }]);
  assert.deepEqual(pair.a.pc.getConfiguration().iceServers, newServers);
  // Nothing was renegotiated because of it, and the other end is untouched.
  assert.deepEqual(pair.network.sentBy('a', 'sdp').map(m => m.payload.type), ['offer']);
  assert.deepEqual(pair.b.pc.configurations, []);
  assert.deepEqual(pair.a.log.warnings, []);
});

test('a closed link ignores new ICE servers, and a refused configuration is logged, not thrown', async () => {
  const pair = meshPair();
  await negotiated(pair);
  const servers = [{ urls: ['turn:127.0.0.1:3478'], username: 'u', credential: 'p' }];

  pair.b.pc.setConfiguration = () => {
    throw Object.assign(new Error('nope'), { name: 'InvalidModificationError' });
  };
  pair.b.link.updateIceServers(servers);
  assert.equal(pair.b.log.warnings.length, 1);
  assert.match(pair.b.log.warnings[0], /new ICE servers refused/);

  pair.a.link.close();
  pair.a.link.updateIceServers(servers);
  assert.deepEqual(pair.a.pc.configurations, []);
});

test('iceTransportPolicy reaches the peer connection only when the page asked for it', () => {
  const iceServers = [{ urls: ['turn:127.0.0.1:3478'], username: 'u', credential: 'p' }];
  const relayed = meshPair({
    iceServers,
    a: { direction: 'send', youOffer: true, polite: false, localStream: cameraStream('audio', 'video'), iceTransportPolicy: 'relay' },
    b: { direction: 'receive', youOffer: false, polite: true, iceTransportPolicy: null },
  });
  assert.deepEqual(relayed.a.pc.config, { iceServers, iceTransportPolicy: 'relay' });
  assert.deepEqual(relayed.b.pc.config, { iceServers });
});

test('the iceTransportPolicy page parameter accepts relay and all, nothing else', () => {
  assert.equal(iceTransportPolicyFrom('?iceTransportPolicy=relay'), 'relay');
  assert.equal(iceTransportPolicyFrom('?x=1&iceTransportPolicy=all'), 'all');
  assert.equal(iceTransportPolicyFrom('?iceTransportPolicy=RELAY'), null);
  assert.equal(iceTransportPolicyFrom('?iceTransportPolicy=none'), null);
  assert.equal(iceTransportPolicyFrom(''), null);
  assert.equal(iceTransportPolicyFrom(undefined), null);
});

