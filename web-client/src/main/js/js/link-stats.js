/**
 * Connection quality from RTCPeerConnection.getStats(), as pure functions: round-trip time, packet
 * loss, jitter and bitrate between two samples of one link, and the three levels a tile shows.
 * StatsMonitor (below) samples every open link on a timer; nothing else here touches WebRTC.
 */

/** Below all of these a link is good; above any of the POOR ones it is poor; otherwise fair. */
export const THRESHOLDS = Object.freeze({
  fair: { rttMs: 250, lossPct: 2, jitterMs: 30 },
  poor: { rttMs: 500, lossPct: 8, jitterMs: 60 },
});

/** Consecutive poor uplink samples before the notice shows, and good ones before it goes. */
export const UPLINK_POOR_AFTER = 2;
export const UPLINK_OK_AFTER = 3;

/** How often the monitor samples, in milliseconds. */
export const SAMPLE_INTERVAL_MS = 2000;

const values = report => (typeof report?.values === 'function' ? [...report.values()] : Object.values(report ?? {}));

/**
 * The counters of one getStats() report that the figures are computed from.
 * @param {RTCStatsReport|Map|object} report
 * @param {'receive'|'send'} direction
 */
export function countersOf(report, direction) {
  const counters = { at: null, bytes: 0, packets: 0, lost: 0, jitterS: null, rttS: null, limitedBy: null };
  let pairRtt = null;
  let remoteRtt = null;
  for (const s of values(report)) {
    if (!s || typeof s !== 'object') continue;
    if (s.timestamp != null) counters.at = Math.max(counters.at ?? 0, s.timestamp);
    if (s.type === 'candidate-pair' && (s.nominated || s.selected || s.state === 'succeeded')
      && typeof s.currentRoundTripTime === 'number') {
      pairRtt = Math.max(pairRtt ?? 0, s.currentRoundTripTime);
    }
    if (direction === 'receive' && s.type === 'inbound-rtp') {
      counters.bytes += s.bytesReceived ?? 0;
      counters.packets += s.packetsReceived ?? 0;
      counters.lost += Math.max(0, s.packetsLost ?? 0);
      if (typeof s.jitter === 'number') counters.jitterS = Math.max(counters.jitterS ?? 0, s.jitter);
    }
    if (direction === 'send' && s.type === 'outbound-rtp') {
      counters.bytes += s.bytesSent ?? 0;
      if (s.qualityLimitationReason && s.qualityLimitationReason !== 'none') counters.limitedBy = s.qualityLimitationReason;
    }
    if (direction === 'send' && s.type === 'remote-inbound-rtp') {
      // What the other end reports about our packets: the uplink's loss and jitter.
      counters.packets += s.packetsReceived ?? 0;
      counters.lost += Math.max(0, s.packetsLost ?? 0);
      if (typeof s.jitter === 'number') counters.jitterS = Math.max(counters.jitterS ?? 0, s.jitter);
      if (typeof s.roundTripTime === 'number') remoteRtt = Math.max(remoteRtt ?? 0, s.roundTripTime);
    }
  }
  counters.rttS = pairRtt ?? remoteRtt;
  return counters;
}

/**
 * The figures between two samples of one link's counters (the first sample has no previous one:
 * bitrate and loss are then unknown).
 * @returns {{rttMs: number|null, lossPct: number|null, jitterMs: number|null, bitrateKbps: number|null, limitedBy: string|null}}
 */
export function figuresBetween(previous, current) {
  const rttMs = current.rttS == null ? null : Math.round(current.rttS * 1000);
  const jitterMs = current.jitterS == null ? null : Math.round(current.jitterS * 1000);
  let lossPct = null;
  let bitrateKbps = null;
  if (previous && previous.at != null && current.at != null && current.at > previous.at) {
    const seconds = (current.at - previous.at) / 1000;
    const bytes = current.bytes - previous.bytes;
    if (bytes >= 0) bitrateKbps = Math.round((bytes * 8) / 1000 / seconds);
    const lost = current.lost - previous.lost;
    const received = current.packets - previous.packets;
    if (lost >= 0 && received >= 0 && lost + received > 0) lossPct = Math.round((lost / (lost + received)) * 1000) / 10;
    else if (lost >= 0 && received >= 0) lossPct = 0;
  }
  return { rttMs, lossPct, jitterMs, bitrateKbps, limitedBy: current.limitedBy ?? null };
}

/** 'good', 'fair' or 'poor' for a link's figures; unknown figures count as good. */
export function qualityLevel({ rttMs = null, lossPct = null, jitterMs = null } = {}) {
  const over = limits => (rttMs ?? 0) > limits.rttMs || (lossPct ?? 0) > limits.lossPct || (jitterMs ?? 0) > limits.jitterMs;
  if (over(THRESHOLDS.poor)) return 'poor';
  if (over(THRESHOLDS.fair)) return 'fair';
  return 'good';
}

/** The worse of several figures, for a participant carried by more than one link. */
export function worstOf(figures) {
  const known = figures.filter(Boolean);
  if (known.length === 0) return null;
  const max = key => {
    const xs = known.map(f => f[key]).filter(v => v != null);
    return xs.length ? Math.max(...xs) : null;
  };
  const sum = key => {
    const xs = known.map(f => f[key]).filter(v => v != null);
    return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
  };
  return {
    rttMs: max('rttMs'),
    lossPct: max('lossPct'),
    jitterMs: max('jitterMs'),
    bitrateKbps: sum('bitrateKbps'),
    limitedBy: known.map(f => f.limitedBy).find(Boolean) ?? null,
  };
}

const LEVEL_TEXT = Object.freeze({ good: 'Good connection', fair: 'Fair connection', poor: 'Poor connection' });

/** The tooltip: "RTT 42 ms · loss 0.5% · jitter 3 ms · 820 kbit/s", unknown figures as "–". */
export function describeFigures(figures) {
  const f = figures ?? {};
  const or = (value, unit) => (value == null ? '–' : `${value}${unit}`);
  const bitrate = f.bitrateKbps == null ? '–'
    : f.bitrateKbps >= 1000 ? `${(f.bitrateKbps / 1000).toFixed(1)} Mbit/s` : `${f.bitrateKbps} kbit/s`;
  return `RTT ${or(f.rttMs, ' ms')} · loss ${or(f.lossPct, '%')} · jitter ${or(f.jitterMs, ' ms')} · ${bitrate}`;
}

export function levelText(level) {
  return LEVEL_TEXT[level] ?? LEVEL_TEXT.good;
}

/**
 * Whether one's own uplink is poor, with hysteresis so that the notice neither flickers nor shows
 * for a single bad sample. Pure: feed it each uplink level (or null when nothing is sent).
 */
export function uplinkNotice(previous, level) {
  const state = previous ?? { poor: false, poorRun: 0, okRun: 0 };
  if (level == null) return { poor: false, poorRun: 0, okRun: 0 };
  if (level === 'poor') {
    const poorRun = state.poorRun + 1;
    return { poor: state.poor || poorRun >= UPLINK_POOR_AFTER, poorRun, okRun: 0 };
  }
  const okRun = state.okRun + 1;
  return { poor: state.poor && okRun < UPLINK_OK_AFTER, poorRun: 0, okRun };
}

/**
 * Samples every open link on a timer and reports per publisher (what this tab receives from them)
 * and for the own uplink (what the send links report back).
 *
 * onQuality(key, {level, figures}) with key a publisher id, or 'self' for the uplink;
 * onUplink({poor, level, figures}) after every sample.
 */
export class StatsMonitor {
  /**
   * @param {object} options
   * @param {() => {linkId: string, direction: string, publisherId: string|null, pc: RTCPeerConnection}[]} options.links
   * @param {(key: string, quality: object|null) => void} options.onQuality
   * @param {(uplink: object) => void} [options.onUplink]
   * @param {(fn: Function, ms: number) => unknown} [options.every]
   * @param {(timer: unknown) => void} [options.stop]
   */
  constructor({ links, onQuality, onUplink = () => {}, every = (fn, ms) => setInterval(fn, ms), stop = t => clearInterval(t) }) {
    this.links = links;
    this.onQuality = onQuality;
    this.onUplink = onUplink;
    this.every = every;
    this.stopTimer = stop;
    this.timer = null;
    /** linkId -> counters of the previous sample */
    this.previous = new Map();
    this.uplink = null;
    /** Keys reported last time, so a key that went away is cleared. */
    this.reported = new Set();
    this.sampling = false;
  }

  start() {
    this.timer ??= this.every(() => this.sample(), SAMPLE_INTERVAL_MS);
  }

  stop() {
    if (this.timer != null) this.stopTimer(this.timer);
    this.timer = null;
    this.previous.clear();
    this.uplink = null;
    for (const key of this.reported) this.onQuality(key, null);
    this.reported.clear();
  }

  /** One round of getStats over every link. Resolves when reported. */
  async sample() {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const links = this.links();
      const results = await Promise.all(links.map(async link => {
        try {
          const report = await link.pc.getStats();
          return { link, counters: countersOf(report, link.direction === 'send' ? 'send' : 'receive') };
        } catch {
          return null;
        }
      }));
      const byKey = new Map();
      const seen = new Set();
      for (const result of results) {
        if (!result) continue;
        const { link, counters } = result;
        seen.add(link.linkId);
        const figures = figuresBetween(this.previous.get(link.linkId), counters);
        this.previous.set(link.linkId, counters);
        const key = link.direction === 'send' ? 'self' : link.publisherId;
        if (!key) continue;
        byKey.set(key, [...(byKey.get(key) ?? []), figures]);
      }
      for (const linkId of [...this.previous.keys()]) if (!seen.has(linkId)) this.previous.delete(linkId);
      for (const key of this.reported) if (!byKey.has(key)) this.onQuality(key, null);
      this.reported = new Set(byKey.keys());
      for (const [key, all] of byKey) {
        const figures = worstOf(all);
        this.onQuality(key, { level: qualityLevel(figures), figures });
      }
      const own = byKey.has('self') ? worstOf(byKey.get('self')) : null;
      const level = own ? qualityLevel(own) : null;
      this.uplink = uplinkNotice(this.uplink, level);
      this.onUplink({ poor: this.uplink.poor, level, figures: own });
    } finally {
      this.sampling = false;
    }
  }
}
