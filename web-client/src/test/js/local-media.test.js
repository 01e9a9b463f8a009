import { test } from 'node:test';
import assert from 'node:assert/strict';

import { NOTICES, acquireLocalMedia, stopStream } from '../../main/js/js/local-media.js';
import { cameraStream } from './support/fake-media.js';
import { recordingLog } from './support/link-harness.js';

function failure(name) {
  const err = new Error(name);
  err.name = name;
  return err;
}

/**
 * A getUserMedia that grants exactly the kinds in `available` and fails otherwise with `error`,
 * recording what was asked.
 */
function devices({ available, error = 'NotFoundError' }) {
  const calls = [];
  const getUserMedia = async constraints => {
    calls.push(constraints);
    const wanted = ['audio', 'video'].filter(kind => constraints[kind]);
    if (wanted.every(kind => available.includes(kind))) return cameraStream(...wanted);
    throw failure(error);
  };
  return { calls, getUserMedia };
}

test('camera and microphone: sends both, no notice', async () => {
  const { calls, getUserMedia } = devices({ available: ['audio', 'video'] });
  const local = await acquireLocalMedia({ getUserMedia });
  assert.equal(local.mode, 'full');
  assert.deepEqual(local.media, { audio: true, video: true });
  assert.equal(local.notice, '');
  assert.equal(calls.length, 1);
  assert.ok(calls[0].audio && calls[0].video);
  assert.deepEqual(local.stream.getTracks().map(t => t.kind), ['audio', 'video']);
});

test('camera denied: falls back to the microphone alone and says so', async () => {
  const { calls, getUserMedia } = devices({ available: ['audio'], error: 'NotAllowedError' });
  const local = await acquireLocalMedia({ getUserMedia, log: recordingLog() });
  assert.equal(local.mode, 'audio-only');
  assert.deepEqual(local.media, { audio: true, video: false });
  assert.equal(local.notice, NOTICES.audioOnly);
  assert.deepEqual(local.stream.getTracks().map(t => t.kind), ['audio']);
  assert.equal(calls.length, 2);
  assert.ok(calls[1].audio && !calls[1].video, 'the second attempt asks for no camera');
  assert.deepEqual(local.failures, ['NotAllowedError']);
});

for (const error of ['NotFoundError', 'OverconstrainedError', 'NotReadableError']) {
  test(`camera failing with ${error}: audio-only`, async () => {
    const { getUserMedia } = devices({ available: ['audio'], error });
    const local = await acquireLocalMedia({ getUserMedia });
    assert.equal(local.mode, 'audio-only');
    assert.deepEqual(local.media, { audio: true, video: false });
  });
}

test('no camera and no microphone: receive-only with the clear notice and no invented tracks', async () => {
  const { calls, getUserMedia } = devices({ available: [] });
  const local = await acquireLocalMedia({ getUserMedia });
  assert.equal(local.mode, 'receive-only');
  assert.equal(local.stream, null);
  assert.deepEqual(local.media, { audio: false, video: false });
  assert.equal(
    local.notice,
    'No camera or microphone: you can see and hear others, but they cannot see or hear you',
  );
  assert.ok(calls.length >= 2, 'audio-only was tried before giving up');
});

test('a camera without a microphone still publishes video', async () => {
  const { getUserMedia } = devices({ available: ['video'] });
  const local = await acquireLocalMedia({ getUserMedia });
  assert.equal(local.mode, 'video-only');
  assert.deepEqual(local.media, { audio: false, video: true });
  assert.equal(local.notice, NOTICES.videoOnly);
});

test('a page without getUserMedia (plain http) joins receive-only and says why', async () => {
  const local = await acquireLocalMedia({ getUserMedia: undefined, secureContext: false });
  assert.equal(local.mode, 'receive-only');
  assert.equal(local.stream, null);
  assert.ok(local.notice.startsWith(NOTICES.receiveOnly));
  assert.match(local.notice, /HTTPS/);
});

test('an unexpected error still degrades instead of keeping the user out', async () => {
  const log = recordingLog();
  const local = await acquireLocalMedia({
    getUserMedia: async () => {
      throw failure('AbortError');
    },
    log,
  });
  assert.equal(local.mode, 'receive-only');
  assert.ok(log.warnings.length > 0, 'the unexpected error is logged');
});

test('stopStream stops every track and accepts no stream', () => {
  const stream = cameraStream('audio', 'video');
  stopStream(stream);
  assert.ok(stream.getTracks().every(t => t.readyState === 'ended'));
  stopStream(null);
});
