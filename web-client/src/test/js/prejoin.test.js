import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { PrejoinPreview, canPickSpeaker, deviceAdvice, loadPreferences, savePreferences } from '../../main/js/js/prejoin.js';
import { withDevices } from '../../main/js/js/local-media.js';
import { meterLevel } from '../../main/js/js/audio-level.js';
import { FakeStream, FakeTrack } from './support/fake-media.js';
import { MemoryStorage } from './support/fake-transport.js';

const failing = name => Object.assign(new Error(name), { name });

describe('pre-join choices', () => {
  test('are remembered across visits, with defaults for a first one and a broken store', () => {
    const storage = new MemoryStorage();
    assert.deepEqual(loadPreferences(storage), {
      displayName: '', joinMuted: false, joinCameraOff: false, audioDevice: null, videoDevice: null, speakerDevice: null,
    });
    savePreferences(storage, { displayName: ' Ann ', joinMuted: true, joinCameraOff: false, audioDevice: 'mic-2', videoDevice: null, speakerDevice: 'out-1' });
    const back = loadPreferences(storage);
    assert.equal(back.displayName, 'Ann');
    assert.equal(back.joinMuted, true);
    assert.equal(back.audioDevice, 'mic-2');
    assert.equal(back.speakerDevice, 'out-1');
    assert.equal(loadPreferences(new MemoryStorage({ 'chatforyou.preferences': '{broken' })).joinMuted, false);
    assert.equal(loadPreferences(new MemoryStorage({ 'chatforyou.displayName': 'Bob' })).displayName, 'Bob', 'the name kept by earlier versions');
  });

  test('chosen devices are asked for as ideal, so a device that went away falls back', () => {
    assert.deepEqual(withDevices({ audio: true, video: { width: { ideal: 640 } } }, { audio: 'mic-2', video: 'cam-1' }),
      { audio: { deviceId: { ideal: 'mic-2' } }, video: { width: { ideal: 640 }, deviceId: { ideal: 'cam-1' } } });
    assert.deepEqual(withDevices({ audio: true }, {}), { audio: true });
  });

  test('the speaker picker exists only where setSinkId does', () => {
    assert.equal(canPickSpeaker({ setSinkId() {} }), true);
    assert.equal(canPickSpeaker({}), false);
  });

  test('the meter maps -60…0 dBFS onto 0…1', () => {
    assert.equal(meterLevel(-100), 0);
    assert.equal(meterLevel(-30), 0.5);
    assert.equal(meterLevel(0), 1);
    assert.equal(meterLevel(-Infinity), 0);
  });
});

describe('what a refused or missing device means', () => {
  test('a blocked camera says where to allow it and that one can join anyway', () => {
    const advice = deviceAdvice({ mode: 'audio-only', failures: ['NotAllowedError'] });
    assert.equal(advice.kind, 'denied');
    assert.match(advice.text, /blocked the camera/);
    assert.match(advice.text, /address bar/);
    assert.match(advice.text, /Try again/);
  });

  test('missing, busy, refused both, and a page without HTTPS each get their own advice', () => {
    assert.equal(deviceAdvice({ mode: 'receive-only', failures: ['NotFoundError', 'NotFoundError', 'NotFoundError'] }).kind, 'missing');
    assert.match(deviceAdvice({ mode: 'receive-only', failures: ['NotAllowedError'] }).text, /camera and microphone/);
    assert.equal(deviceAdvice({ mode: 'audio-only', failures: ['NotReadableError'] }).kind, 'busy');
    assert.equal(deviceAdvice({ mode: 'receive-only', failures: [] }, { secureContext: false, hasGetUserMedia: false }).kind, 'insecure');
    assert.equal(deviceAdvice({ mode: 'full', failures: [] }), null);
  });
});

describe('preview', () => {
  test('acquires with the chosen devices, replaces the previous stream, and hands the stream to the join', async () => {
    const asked = [];
    const streams = [];
    const preview = new PrejoinPreview({
      getUserMedia: async constraints => {
        asked.push(constraints);
        const stream = new FakeStream([new FakeTrack('audio'), new FakeTrack('video')]);
        streams.push(stream);
        return stream;
      },
    });
    await preview.start({ video: 'cam-2' });
    assert.deepEqual(asked[0].video.deviceId, { ideal: 'cam-2' });
    await preview.start({ video: 'cam-1' });
    assert.equal(streams[0].getTracks()[0].readyState, 'ended', 'the old preview stops');
    const handed = preview.handOver();
    assert.equal(handed.stream, streams[1]);
    preview.stop();
    assert.equal(streams[1].getTracks()[0].readyState, 'live', 'what was handed over is the room\'s now');
  });

  test('a refused camera falls back to the microphone and keeps the failures for the advice', async () => {
    const preview = new PrejoinPreview({
      getUserMedia: async c => {
        if (c.video) throw failing('NotAllowedError');
        return new FakeStream([new FakeTrack('audio')]);
      },
    });
    const local = await preview.start();
    assert.equal(local.mode, 'audio-only');
    assert.equal(deviceAdvice(local).kind, 'denied');
  });

  test('a slower, older acquisition does not replace a newer one', async () => {
    let release;
    const slow = new Promise(resolve => { release = resolve; });
    let calls = 0;
    const preview = new PrejoinPreview({
      getUserMedia: async () => {
        calls += 1;
        if (calls === 1) await slow;
        return new FakeStream([new FakeTrack('audio'), new FakeTrack('video')]);
      },
    });
    const first = preview.start();
    const second = await preview.start();
    release();
    await first;
    assert.equal(preview.local, second);
  });
});
