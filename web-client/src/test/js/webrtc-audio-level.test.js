import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AudioLevelMonitor, SILENCE_DBFS } from '../../main/js/js/audio-level.js';
import {
  linearToDbfs, OWN_LEVEL_WEBAUDIO_AFTER_MS, receiverLevel, senderLevel, STALE_AFTER_MS, STATS_INTERVAL_MS,
} from '../../main/js/js/webrtc-audio-level.js';
import { FakeStream, FakeTrack, ManualTimer } from './support/fake-media.js';

const settled = () => new Promise(resolve => setTimeout(resolve, 0));
const near = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);

/** A getStats() answer: a Map of entries, as the browser's RTCStatsReport. */
const report = (...entries) => new Map(entries.map((entry, i) => [`s${i}`, entry]));

describe('levels read from WebRTC', () => {
  test("WebRTC's linear level in dBFS: 1 is 0, 0.01 is -40, nothing is the silence floor", () => {
    near(linearToDbfs(1), 0);
    near(linearToDbfs(0.01), -40);
    assert.equal(linearToDbfs(0), SILENCE_DBFS);
    assert.equal(linearToDbfs(undefined), SILENCE_DBFS);
    assert.equal(linearToDbfs(1e-9), SILENCE_DBFS);
  });

  test("a received track's level is the one its last packet carried, and silence once packets stop", () => {
    let clock = 0;
    let found = null;
    const sources = [{ source: 1111, timestamp: 10, audioLevel: 0.1 }];
    const read = receiverLevel(() => found, { now: () => clock });
    assert.equal(read(), null, 'no receiver yet');
    found = { getSynchronizationSources: () => sources };
    near(read(), -20);
    clock += STALE_AFTER_MS - 1;
    near(read(), -20);
    sources[0] = { source: 1111, timestamp: 20, audioLevel: 0.01 };
    clock += 1;
    near(read(), -40);
    clock += STALE_AFTER_MS;
    assert.equal(read(), SILENCE_DBFS, 'the same packet for a second: the sender stopped');
    sources.length = 0;
    assert.equal(read(), SILENCE_DBFS, 'no source at all is silence too');
  });

  test('packets without a level: the receiver statistics give it instead', async () => {
    let clock = 0;
    let asked = 0;
    const receiver = {
      getSynchronizationSources: () => [{ source: 1, timestamp: 5 }],
      getStats: async () => {
        asked++;
        return report({ type: 'codec' }, { type: 'inbound-rtp', kind: 'audio', audioLevel: 0.1 });
      },
    };
    const read = receiverLevel(() => receiver, { now: () => clock });
    assert.equal(read(), null, 'nothing read before the first answer');
    await settled();
    near(read(), -20);
    assert.equal(asked, 1, 'asked again only after the interval');
    clock += STATS_INTERVAL_MS;
    read();
    await settled();
    assert.equal(asked, 2);
  });

  test("the own microphone's level comes from the statistics of a sender carrying it, one request at a time", async () => {
    let clock = 0;
    let sender = null;
    let asked = 0;
    let answer = null;
    const read = senderLevel(() => sender, { now: () => clock });
    assert.equal(read(), null, 'no link sends the microphone yet');
    sender = {
      getStats: () => {
        asked++;
        return new Promise(resolve => {
          answer = resolve;
        });
      },
    };
    assert.equal(read(), null);
    await settled();
    clock += STATS_INTERVAL_MS * 3;
    assert.equal(read(), null, 'still the first request');
    assert.equal(asked, 1);
    answer(report({ type: 'media-source', kind: 'audio', audioLevel: 0.01 }));
    await settled();
    near(read(), -40);
    await settled();
    assert.equal(asked, 2, 'the interval had passed, so this read asked again');

    sender = { getStats: () => Promise.reject(new Error('closed')) };
    clock += STATS_INTERVAL_MS;
    answer(report({ type: 'media-source', kind: 'audio', audioLevel: 0.01 }));
    await settled();
    clock += STATS_INTERVAL_MS;
    read();
    await settled();
    assert.equal(read(), null, 'a closed link gives no level; the next request looks for a sender again');
  });
});

describe('the monitor in the call', () => {
  /** An AudioContext stand-in whose analysers read a fixed level, counting what is opened and closed. */
  function fakeAudio() {
    const audio = { opened: 0, closed: 0 };
    audio.createContext = () => {
      audio.opened++;
      return {
        createMediaStreamSource: () => ({ connect() {}, disconnect() {} }),
        createAnalyser: () => ({ fftSize: 0, getFloatTimeDomainData: buffer => buffer.fill(0.1) }),
        close: async () => {
          audio.closed++;
        },
      };
    };
    return audio;
  }

  test('only the pre-join microphone opens an AudioContext; it is closed when that goes, the call reads WebRTC', () => {
    const timer = new ManualTimer();
    const audio = fakeAudio();
    const changes = [];
    const inCall = new Map();
    const monitor = new AudioLevelMonitor({
      createContext: audio.createContext,
      createStream: track => new FakeStream([track]),
      readerFor: (key, track) => (key === 'prejoin' ? null : () => inCall.get(track) ?? null),
      onChange: (key, speaking) => changes.push([key, speaking]),
      ...timer.options(),
    });
    const microphone = new FakeTrack('audio');
    monitor.watch('prejoin', microphone);
    assert.equal(audio.opened, 1);

    const self = new FakeTrack('audio');
    const bob = new FakeTrack('audio');
    monitor.watch('self', self);
    monitor.watch('bob', bob);
    monitor.watch('prejoin', null);
    assert.deepEqual([audio.opened, audio.closed], [1, 1], 'joined: the context is closed, none other opened');

    inCall.set(bob, -20);
    timer.advance(500);
    assert.deepEqual(changes, [['bob', true]], 'the own level is not known yet, so self stays as it was');
    inCall.set(self, -20);
    self.enabled = false;
    timer.advance(500);
    assert.deepEqual(changes, [['bob', true]], 'a muted microphone is silent whatever its sender reads');
    monitor.clear();
    assert.equal(timer.tick, null);
    assert.deepEqual([audio.opened, audio.closed], [1, 1]);
  });

  test('alone in the room the own microphone is measured with WebAudio, until a sender carries it', () => {
    const timer = new ManualTimer();
    const audio = fakeAudio();
    const changes = [];
    let sent = null;
    const own = () => sent;
    own.webAudioAfterMs = OWN_LEVEL_WEBAUDIO_AFTER_MS;
    const monitor = new AudioLevelMonitor({
      createContext: audio.createContext,
      createStream: track => new FakeStream([track]),
      readerFor: () => own,
      onChange: (key, speaking) => changes.push([key, speaking]),
      ...timer.options(),
    });
    monitor.watch('self', new FakeTrack('audio'));
    timer.advance(OWN_LEVEL_WEBAUDIO_AFTER_MS - 50);
    assert.deepEqual([audio.opened, changes], [0, []], 'not during the moments a join takes to open its links');
    timer.advance(500);
    assert.equal(audio.opened, 1);
    assert.deepEqual(changes, [['self', true]], 'the analyser reads -20 dBFS');

    sent = -90;
    timer.advance(1000);
    assert.deepEqual([audio.opened, audio.closed], [1, 1], 'a sender reads it now: the context is closed');
    assert.deepEqual(changes, [['self', true], ['self', false]]);
  });
});
