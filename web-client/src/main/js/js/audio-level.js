/**
 * Active speaker detection. The math is pure and node-tested: the RMS level of a block of samples in
 * dBFS, exponential smoothing with a time constant of about 100 ms, and a detector with hysteresis
 * (on above −50 dBFS, off only after the smoothed level stayed under −56 dBFS for a hold time), so a
 * highlight does not flicker between words. AudioLevelMonitor feeds it: in the call from WebRTC's own
 * levels, on the pre-join screen from a WebAudio analyser.
 */

/** Above this smoothed level a participant starts speaking. */
export const SPEAKING_ON_DBFS = -50;
/** Below this smoothed level (for HOLD_MS) a speaking participant stops speaking. */
export const SPEAKING_OFF_DBFS = -56;
/** Time constant of the smoothing. */
export const SMOOTHING_MS = 100;
/** How long the level must stay low before the highlight goes. */
export const HOLD_MS = 400;
/** The floor reported for silence (log of zero). */
export const SILENCE_DBFS = -100;

/** @param {ArrayLike<number>} samples time-domain samples in [-1, 1] @returns {number} dBFS, ≥ SILENCE_DBFS */
export function rmsDbfs(samples) {
  if (!samples || samples.length === 0) return SILENCE_DBFS;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return SILENCE_DBFS;
  return Math.max(SILENCE_DBFS, 20 * Math.log10(rms));
}

/** Where a level shows on a 0…1 meter: −60 dBFS and below is empty, 0 dBFS full. */
export function meterLevel(dbfs) {
  if (!Number.isFinite(dbfs)) return 0;
  return Math.min(1, Math.max(0, (dbfs + 60) / 60));
}

/** One step of exponential smoothing of a dB level over `elapsedMs`. */
export function smoothLevel(previous, current, elapsedMs, timeConstantMs = SMOOTHING_MS) {
  if (previous == null || !Number.isFinite(previous)) return current;
  const dt = Math.max(0, elapsedMs);
  const alpha = timeConstantMs <= 0 ? 1 : 1 - Math.exp(-dt / timeConstantMs);
  return previous + alpha * (current - previous);
}

/** Pure speaking state: feed it raw levels with the time since the previous one. */
export class SpeakingDetector {
  constructor({ onDbfs = SPEAKING_ON_DBFS, offDbfs = SPEAKING_OFF_DBFS, holdMs = HOLD_MS, smoothingMs = SMOOTHING_MS } = {}) {
    this.onDbfs = onDbfs;
    this.offDbfs = offDbfs;
    this.holdMs = holdMs;
    this.smoothingMs = smoothingMs;
    this.level = null;
    this.speaking = false;
    this.quietFor = 0;
  }

  /** @returns {boolean} whether the participant is speaking after this level */
  update(dbfs, elapsedMs) {
    this.level = smoothLevel(this.level, dbfs, elapsedMs, this.smoothingMs);
    if (!this.speaking) {
      if (this.level >= this.onDbfs) {
        this.speaking = true;
        this.quietFor = 0;
      }
    } else if (this.level < this.offDbfs) {
      this.quietFor += Math.max(0, elapsedMs);
      if (this.quietFor >= this.holdMs) this.speaking = false;
    } else {
      this.quietFor = 0;
    }
    return this.speaking;
  }
}

/**
 * Reports speaking changes per key (a participant id). A track is read by the reader that
 * `readerFor(key, track)` gives (levels from WebRTC, webrtc-audio-level.js) or, where it gives none
 * (the pre-join microphone), by a WebAudio analyser. A reader with `webAudioAfterMs` (the own
 * microphone, which only a sender's statistics measure) is helped by an analyser once it has had
 * nothing to read for that long (alone in the room), until it reads again. The AudioContext is made
 * on the first analyser and closed with the last: an open one keeps a real-time audio thread busy in
 * every tab.
 * Everything browser-specific is injected so it can be driven by fakes.
 */
export class AudioLevelMonitor {
  /**
   * @param {object} options
   * @param {() => AudioContext} options.createContext
   * @param {(track: MediaStreamTrack) => MediaStream} options.createStream
   * @param {(key: string, speaking: boolean) => void} options.onChange
   * @param {(key: string, track: MediaStreamTrack) => ((() => number | null) | null)} [options.readerFor]
   *   a reader of this track's level in dBFS (null while it has none; its `webAudioAfterMs`, if set, is
   *   how long that may last before an analyser helps out), or null to measure the track with WebAudio
   * @param {(key: string, level: number) => void} [options.onLevel] every sample's smoothed level on a
   *   0…1 meter (meterLevel), for the pre-join screen's microphone meter
   * @param {number} [options.intervalMs]
   * @param {() => number} [options.now]
   * @param {(fn: Function, ms: number) => any} [options.setInterval]
   * @param {(handle: any) => void} [options.clearInterval]
   */
  constructor({ createContext = () => new globalThis.AudioContext(), createStream, onChange, readerFor = () => null,
    onLevel = null, intervalMs = 50, now = () => Date.now(),
    setInterval: every = (fn, ms) => setInterval(fn, ms), clearInterval: stop = h => clearInterval(h) }) {
    this.createContext = createContext;
    this.createStream = createStream;
    this.onChange = onChange;
    this.readerFor = readerFor;
    this.onLevel = onLevel;
    this.intervalMs = intervalMs;
    this.now = now;
    this.every = every;
    this.stop = stop;
    this.context = null;
    /** key -> {track, read, analyser ({source, read}, null, or false where WebAudio failed), unreadSince, detector, at} */
    this.watched = new Map();
    this.timer = null;
  }

  /** Watches this audio track for `key`, replacing any other one; null stops watching. */
  watch(key, track) {
    const current = this.watched.get(key);
    if (current?.track === track) return;
    if (current) this.#unwatch(key);
    if (!track || track.kind !== 'audio' || track.readyState === 'ended') return;
    const read = this.readerFor(key, track);
    const analyser = read ? null : this.#analyse(track);
    if (!read && !analyser) return; // no WebAudio: no highlight, everything else works
    const now = this.now();
    this.watched.set(key, { track, read, analyser, unreadSince: now, detector: new SpeakingDetector(), at: now });
    this.timer ??= this.every(() => this.#sample(), this.intervalMs);
  }

  /** Stops watching everything. */
  clear() {
    for (const key of [...this.watched.keys()]) this.#unwatch(key);
  }

  /** The track's RMS level through a WebAudio analyser ({source, read}), or null without WebAudio. */
  #analyse(track) {
    try {
      this.context ??= this.createContext();
      this.context.resume?.()?.catch?.(() => {});
      const source = this.context.createMediaStreamSource(this.createStream(track));
      const analyser = this.context.createAnalyser();
      analyser.fftSize = 1024;
      source.connect(analyser);
      const buffer = new Float32Array(analyser.fftSize);
      return {
        source,
        read: () => {
          analyser.getFloatTimeDomainData(buffer);
          return rmsDbfs(buffer);
        },
      };
    } catch {
      this.#closeContextIfUnused();
      return null;
    }
  }

  #unwatch(key) {
    const entry = this.watched.get(key);
    if (!entry) return;
    this.watched.delete(key);
    this.#dropAnalyser(entry);
    if (entry.detector.speaking) this.onChange(key, false);
    if (this.watched.size === 0 && this.timer != null) {
      this.stop(this.timer);
      this.timer = null;
    }
  }

  #dropAnalyser(entry) {
    if (!entry.analyser) return;
    try {
      entry.analyser.source.disconnect();
    } catch {
      // already gone
    }
    entry.analyser = null;
    this.#closeContextIfUnused();
  }

  #closeContextIfUnused() {
    if (!this.context || [...this.watched.values()].some(entry => entry.analyser)) return;
    const context = this.context;
    this.context = null;
    context.close?.()?.catch?.(() => {});
  }

  #sample() {
    const now = this.now();
    for (const [key, entry] of this.watched) {
      const level = entry.track.enabled === false ? SILENCE_DBFS : this.#levelOf(entry, now);
      if (level == null) continue; // nothing to read yet (no sender carries the microphone)
      const was = entry.detector.speaking;
      const is = entry.detector.update(Number.isFinite(level) ? level : SILENCE_DBFS, now - entry.at);
      entry.at = now;
      if (is !== was) this.onChange(key, is);
      this.onLevel?.(key, meterLevel(entry.detector.level));
    }
  }

  #levelOf(entry, now) {
    if (!entry.read) return entry.analyser.read();
    const level = entry.read();
    if (level != null) {
      entry.unreadSince = now;
      this.#dropAnalyser(entry);
      return level;
    }
    const after = entry.read.webAudioAfterMs;
    if (after == null || now - entry.unreadSince < after) return null;
    entry.analyser ??= this.#analyse(entry.track) ?? false;
    return entry.analyser ? entry.analyser.read() : null;
  }
}
