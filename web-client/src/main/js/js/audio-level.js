/**
 * Active speaker detection. The math is pure and node-tested: the RMS level of a block of samples in
 * dBFS, exponential smoothing with a time constant of about 100 ms, and a detector with hysteresis
 * (on above −50 dBFS, off only after the smoothed level stayed under −56 dBFS for a hold time), so a
 * highlight does not flicker between words. AudioLevelMonitor feeds it from WebAudio analysers.
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
 * Measures audio tracks with WebAudio and reports speaking changes per key (a participant id).
 * Everything browser-specific is injected so it can be driven by fakes.
 */
export class AudioLevelMonitor {
  /**
   * @param {object} options
   * @param {() => AudioContext} options.createContext
   * @param {(track: MediaStreamTrack) => MediaStream} options.createStream
   * @param {(key: string, speaking: boolean) => void} options.onChange
   * @param {(key: string, level: number) => void} [options.onLevel] every sample's smoothed level on a
   *   0…1 meter (meterLevel), for the pre-join screen's microphone meter
   * @param {number} [options.intervalMs]
   * @param {() => number} [options.now]
   * @param {(fn: Function, ms: number) => any} [options.setInterval]
   * @param {(handle: any) => void} [options.clearInterval]
   */
  constructor({ createContext = () => new globalThis.AudioContext(), createStream, onChange, onLevel = null, intervalMs = 50, now = () => Date.now(),
    setInterval: every = (fn, ms) => setInterval(fn, ms), clearInterval: stop = h => clearInterval(h) }) {
    this.createContext = createContext;
    this.createStream = createStream;
    this.onChange = onChange;
    this.onLevel = onLevel;
    this.intervalMs = intervalMs;
    this.now = now;
    this.every = every;
    this.stop = stop;
    this.context = null;
    /** key -> {track, source, analyser, buffer, detector, at} */
    this.watched = new Map();
    this.timer = null;
  }

  /** Watches this audio track for `key`, replacing any other one; null stops watching. */
  watch(key, track) {
    const current = this.watched.get(key);
    if (current?.track === track) return;
    if (current) this.#unwatch(key);
    if (!track || track.kind !== 'audio' || track.readyState === 'ended') return;
    try {
      this.context ??= this.createContext();
      this.context.resume?.()?.catch?.(() => {});
      const source = this.context.createMediaStreamSource(this.createStream(track));
      const analyser = this.context.createAnalyser();
      analyser.fftSize = 1024;
      source.connect(analyser);
      this.watched.set(key, {
        track, source, analyser, buffer: new Float32Array(analyser.fftSize),
        detector: new SpeakingDetector(), at: this.now(),
      });
    } catch {
      return; // no WebAudio: no highlight, everything else works
    }
    this.timer ??= this.every(() => this.#sample(), this.intervalMs);
  }

  /** Stops watching everything. */
  clear() {
    for (const key of [...this.watched.keys()]) this.#unwatch(key);
  }

  #unwatch(key) {
    const entry = this.watched.get(key);
    if (!entry) return;
    this.watched.delete(key);
    try {
      entry.source.disconnect();
    } catch {
      // already gone
    }
    if (entry.detector.speaking) this.onChange(key, false);
    if (this.watched.size === 0 && this.timer != null) {
      this.stop(this.timer);
      this.timer = null;
    }
  }

  #sample() {
    const now = this.now();
    for (const [key, entry] of this.watched) {
      entry.analyser.getFloatTimeDomainData(entry.buffer);
      const level = entry.track.enabled === false ? -Infinity : rmsDbfs(entry.buffer);
      const was = entry.detector.speaking;
      const is = entry.detector.update(Number.isFinite(level) ? level : -100, now - entry.at);
      entry.at = now;
      if (is !== was) this.onChange(key, is);
      this.onLevel?.(key, meterLevel(entry.detector.level));
    }
  }
}
