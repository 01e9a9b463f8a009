/**
 * Audio levels read from WebRTC itself, for the active speaker in the call: no WebAudio, whose
 * real-time audio thread (and the audio service's stream behind it) costs every tab CPU for as long
 * as a context is open. A received track's level comes from its receiver's synchronization sources, the
 * RFC 6464 level every audio packet carries, or, where a packet has none, from the receiver's
 * statistics; the own microphone's comes from the 'media-source' statistics of a sender carrying it.
 * Each reader returns a level in dBFS, or null while there is nothing to read (no sender yet).
 */
import { SILENCE_DBFS } from './audio-level.js';

/** A level that has not changed for this long is the silence of a source that stopped sending. */
export const STALE_AFTER_MS = 1000;
/** Statistics are asked for at most this often; between answers the last level stands. */
export const STATS_INTERVAL_MS = 200;

/** WebRTC's linear 0…1 audio level (1 is 0 dBov) in dBFS, ≥ SILENCE_DBFS. */
export function linearToDbfs(level) {
  if (!Number.isFinite(level) || level <= 0) return SILENCE_DBFS;
  return Math.max(SILENCE_DBFS, 20 * Math.log10(Math.min(1, level)));
}

/** The audio level of the first report entry of this type, or undefined. */
function levelIn(report, type) {
  for (const entry of report?.values?.() ?? []) {
    if (entry.type === type && (entry.kind === 'audio' || entry.kind === undefined) && entry.audioLevel !== undefined) {
      return entry.audioLevel;
    }
  }
  return undefined;
}

/**
 * Reads getStats() of whatever `target()` returns at most every STATS_INTERVAL_MS, one request at a
 * time, and answers with the last level read (null before the first, or while there is no target).
 */
function statsReader(target, type, now) {
  let level = null;
  let askedAt = -Infinity;
  let inFlight = false;
  return () => {
    const t = now();
    if (!inFlight && t - askedAt >= STATS_INTERVAL_MS) {
      const from = target();
      if (!from?.getStats) {
        level = null;
        return null;
      }
      askedAt = t;
      inFlight = true;
      Promise.resolve().then(() => from.getStats()).then(report => {
        const read = levelIn(report, type);
        level = read === undefined ? null : linearToDbfs(read);
      }, () => {
        level = null; // its link closed; the next request looks again
      }).finally(() => {
        inFlight = false;
      });
    }
    return level;
  };
}

/**
 * The level of a received audio track. `receiver()` finds its RTCRtpReceiver (null while there is
 * none); when no newer packet has come for STALE_AFTER_MS, the last one's level counts as silence.
 */
export function receiverLevel(receiver, { now = () => Date.now() } = {}) {
  const fromStats = statsReader(receiver, 'inbound-rtp', now);
  let found = null;
  let lastStamp = null;
  let stampSeenAt = 0;
  return () => {
    found ??= receiver();
    if (!found) return null;
    const sources = found.getSynchronizationSources?.();
    const source = sources?.[0];
    if (source?.audioLevel === undefined) return sources?.length === 0 ? SILENCE_DBFS : fromStats();
    const t = now();
    if (source.timestamp !== lastStamp) {
      lastStamp = source.timestamp;
      stampSeenAt = t;
    } else if (t - stampSeenAt >= STALE_AFTER_MS) {
      return SILENCE_DBFS;
    }
    return linearToDbfs(source.audioLevel);
  };
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
