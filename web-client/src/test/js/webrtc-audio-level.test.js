import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AudioLevelMonitor, SILENCE_DBFS, SpeakingDetector } from '../../main/js/js/audio-level.js';
import {
  levelBetween, linearToDbfs, OWN_LEVEL_WEBAUDIO_AFTER_MS, powerToDbfs, receiverLevel, senderLevel, STATS_INTERVAL_MS,
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

  test('a received track reads as the mean power since the previous read: a short sound in between counts', async () => {
    let clock = 0;
    let found = null;
    let stats = { audioLevel: 0.0005, totalAudioEnergy: 1, totalSamplesDuration: 10 };
    let asked = 0;
    const receiverWith = () => ({
      getStats: async () => {
        asked++;
        return report({ type: 'codec' }, { type: 'inbound-rtp', kind: 'audio', ...stats });
      },
    });
    const read = receiverLevel(() => found, { now: () => clock });
    const readAfter = async ms => {
      clock += ms;
      read();
      await settled();
      return read();
    };
    assert.equal(read(), null, 'no receiver yet');
    found = receiverWith();
    assert.equal(read(), null, 'nothing read before the first answer');
    await settled();
    near(read(), linearToDbfs(0.0005)); // nothing to compare with yet: the level at that instant

    // A beep came and went between two reads: the level at the read is quiet, the energy is not.
    stats = { audioLevel: 0.0005, totalAudioEnergy: 1.002, totalSamplesDuration: 10.2 };
    near(await readAfter(STATS_INTERVAL_MS - 1), linearToDbfs(0.0005));
    assert.equal(asked, 1, 'not asked again before the interval');
    near(await readAfter(1), -20);
    assert.equal(asked, 2);

    stats = { ...stats, totalSamplesDuration: 10.4 };
    assert.equal(await readAfter(STATS_INTERVAL_MS), SILENCE_DBFS, 'samples without energy are silence');
    assert.equal(await readAfter(STATS_INTERVAL_MS), SILENCE_DBFS, 'no samples at all: nothing arrived');

    found = receiverWith(); // renegotiated: another receiver, whose counters are not the old one's
    stats = { audioLevel: 0.01, totalAudioEnergy: 0.5, totalSamplesDuration: 3 };
    near(await readAfter(STATS_INTERVAL_MS), -40);
    found = null;
    assert.equal(await readAfter(STATS_INTERVAL_MS), null, 'no receiver, no level');
  });

  test('between two reads: mean power, the entry level without counters, null without either', () => {
    const at = (energy, duration, audioLevel) => ({ totalAudioEnergy: energy, totalSamplesDuration: duration, audioLevel });
    near(levelBetween(at(0, 0), at(0.01, 1)), -20);
    near(levelBetween(null, at(0.01, 1, 0.1)), -20, 'no earlier read: the level at this one');
    near(levelBetween(at(2, 2), at(1, 3, 0.01)), -40, 'counters that went back: the level at this one');
    near(levelBetween({ audioLevel: 0.5 }, { audioLevel: 0.1 }), -20, 'a browser without the counters');
    assert.equal(levelBetween(at(1, 1), at(1, 1)), SILENCE_DBFS);
    assert.equal(levelBetween(null, { type: 'inbound-rtp' }), null);
    assert.equal(powerToDbfs(0), SILENCE_DBFS);
    near(powerToDbfs(1e-4), -40);
  });

  test("the fake microphone's short beeps light the speaker, though a read at one instant finds them quiet", () => {
    // Measured in Chromium: a beep every ~500 ms, ~0.0005 at most instants, the energy of a beep ~0.2.
    const detector = new SpeakingDetector();
    let previous = { totalAudioEnergy: 0, totalSamplesDuration: 0 };
    let speaking = false;
    for (let windowStart = 0; windowStart < 2000 && !speaking; windowStart += STATS_INTERVAL_MS) {
      const beeps = Math.floor((windowStart + STATS_INTERVAL_MS) / 500) - Math.floor(windowStart / 500);
      const next = {
        audioLevel: 0.0005,
        totalAudioEnergy: previous.totalAudioEnergy + 0.2 * beeps + 5e-8,
        totalSamplesDuration: previous.totalSamplesDuration + STATS_INTERVAL_MS / 1000,
      };
      const level = levelBetween(previous, next);
      for (let t = 0; t < STATS_INTERVAL_MS; t += 50) speaking = detector.update(level, 50);
      previous = next;
    }
    assert.ok(speaking);
    const instant = new SpeakingDetector();
    for (let t = 0; t < 2000; t += 50) instant.update(linearToDbfs(0.0005), 50);
    assert.equal(instant.speaking, false, 'the level at the instants of the reads alone never lights it');
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
