/**
 * Audio levels read from WebRTC itself, for the active speaker in the call: no WebAudio, whose
 * real-time audio thread (and the audio service's stream behind it) costs every tab CPU for as long
 * as a context is open. A received track's level comes from its receiver's 'inbound-rtp' statistics,
 * the own microphone's from the 'media-source' statistics of a sender carrying it. The level is the
 * mean power since the previous read (the growth of totalAudioEnergy over that of totalSamplesDuration):
 * a level sampled at one instant, as a packet's RFC 6464 level, misses a short sound between two reads.
 * Each reader returns a level in dBFS, or null while there is nothing to read (no sender yet).
 */
import { SILENCE_DBFS } from './audio-level.js';

/** Statistics are asked for at most this often; between answers the last level stands. */
export const STATS_INTERVAL_MS = 200;

/** WebRTC's linear 0…1 audio level (1 is 0 dBov) in dBFS, ≥ SILENCE_DBFS. */
export function linearToDbfs(level) {
  if (!Number.isFinite(level) || level <= 0) return SILENCE_DBFS;
  return Math.max(SILENCE_DBFS, 20 * Math.log10(Math.min(1, level)));
}

/** A mean power (the square of linear levels) in dBFS, ≥ SILENCE_DBFS. */
export function powerToDbfs(power) {
  if (!Number.isFinite(power) || power <= 0) return SILENCE_DBFS;
  return Math.max(SILENCE_DBFS, 10 * Math.log10(Math.min(1, power)));
}

/** The first audio entry of this type in a getStats() report, or undefined. */
function entryIn(report, type) {
  for (const entry of report?.values?.() ?? []) {
    if (entry.type === type && (entry.kind === 'audio' || entry.kind === undefined)) return entry;
  }
  return undefined;
}

const hasEnergy = entry => Number.isFinite(entry?.totalAudioEnergy) && Number.isFinite(entry?.totalSamplesDuration);

/**
 * The level between two reads of the same source: its mean power over the samples in between, silence
 * when none came. Without counters to compare (the first read, a new source, a browser without them)
 * the entry's own audioLevel, or null when it has none either.
 */
export function levelBetween(previous, entry) {
  if (hasEnergy(previous) && hasEnergy(entry)) {
    const duration = entry.totalSamplesDuration - previous.totalSamplesDuration;
    const energy = entry.totalAudioEnergy - previous.totalAudioEnergy;
    if (duration <= 0 && energy === 0) return SILENCE_DBFS;
    if (duration > 0 && energy >= 0) return powerToDbfs(energy / duration);
  }
  return entry?.audioLevel === undefined ? null : linearToDbfs(entry.audioLevel);
}

/**
 * Reads getStats() of whatever `target()` returns at most every STATS_INTERVAL_MS, one request at a
 * time, and answers with the last level read (null before the first, or while there is no target).
 * `target()` is asked on every request: a renegotiation or a resume may replace the receiver or sender.
 */
function statsReader(target, type, now) {
  let level = null;
  let askedAt = -Infinity;
  let inFlight = false;
  let previous = null; // {from, entry} of the last answer
  return () => {
    const t = now();
    if (!inFlight && t - askedAt >= STATS_INTERVAL_MS) {
      const from = target();
      if (!from?.getStats) {
        level = null;
        previous = null;
        return null;
      }
      askedAt = t;
      inFlight = true;
      Promise.resolve().then(() => from.getStats()).then(report => {
        const entry = entryIn(report, type);
        level = entry === undefined ? null : levelBetween(previous?.from === from ? previous.entry : null, entry);
        previous = entry === undefined ? null : { from, entry };
      }, () => {
        level = null; // its link closed; the next request looks again
        previous = null;
      }).finally(() => {
        inFlight = false;
      });
    }
    return level;
  };
}

/** The level of a received audio track; `receiver()` finds its RTCRtpReceiver (null while there is none). */
export function receiverLevel(receiver, { now = () => Date.now() } = {}) {
  return statsReader(receiver, 'inbound-rtp', now);
}

/** Alone in the room no sender carries the own microphone; after this long WebAudio measures it. */
export const OWN_LEVEL_WEBAUDIO_AFTER_MS = 3000;

/**
 * The level of the own microphone, from a sender that carries it; `sender()` finds one (or null).
 * Its `webAudioAfterMs` tells the monitor when to measure the track itself instead: not during a
 * join, whose links bring senders within moments, only when there are none for a while.
 */
export function senderLevel(sender, { now = () => Date.now() } = {}) {
  const read = statsReader(sender, 'media-source', now);
  read.webAudioAfterMs = OWN_LEVEL_WEBAUDIO_AFTER_MS;
  return read;
}
