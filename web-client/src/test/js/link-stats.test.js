import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import {
  StatsMonitor, UPLINK_POOR_AFTER, countersOf, describeFigures, figuresBetween, qualityLevel, uplinkNotice, worstOf,
} from '../../main/js/js/link-stats.js';

/** A getStats() report as Chromium gives it: a Map of stats by id. */
const report = (...stats) => new Map(stats.map((s, i) => [s.id ?? `s${i}`, s]));

const receiving = (at, { bytes, packets, lost, jitter = 0.004, rtt = 0.02 }) => report(
  { type: 'inbound-rtp', kind: 'video', timestamp: at, bytesReceived: bytes, packetsReceived: packets, packetsLost: lost, jitter },
  { type: 'inbound-rtp', kind: 'audio', timestamp: at, bytesReceived: 0, packetsReceived: 0, packetsLost: 0, jitter: 0.002 },
  { type: 'candidate-pair', nominated: true, state: 'succeeded', timestamp: at, currentRoundTripTime: rtt },
  { type: 'candidate-pair', nominated: false, state: 'waiting', timestamp: at, currentRoundTripTime: 9 },
);

describe('figures from getStats', () => {
  test('bitrate, loss, jitter and RTT between two samples of a receiving link', () => {
    const first = countersOf(receiving(1000, { bytes: 0, packets: 0, lost: 0 }), 'receive');
    const second = countersOf(receiving(3000, { bytes: 250_000, packets: 990, lost: 10 }), 'receive');
    assert.deepEqual(figuresBetween(first, second), { rttMs: 20, lossPct: 1, jitterMs: 4, bitrateKbps: 1000, limitedBy: null });
    assert.deepEqual(figuresBetween(null, first), { rttMs: 20, lossPct: null, jitterMs: 4, bitrateKbps: null, limitedBy: null },
      'the first sample knows no rate');
  });

  test('a sending link reads what the other end reports back (remote-inbound-rtp)', () => {
    const at = t => report(
      { type: 'outbound-rtp', kind: 'video', timestamp: t, bytesSent: t * 100, qualityLimitationReason: t > 1000 ? 'bandwidth' : 'none' },
      { type: 'remote-inbound-rtp', kind: 'video', timestamp: t, packetsReceived: t / 10, packetsLost: t > 1000 ? 50 : 0, jitter: 0.07, roundTripTime: 0.6 },
    );
    const f = figuresBetween(countersOf(at(1000), 'send'), countersOf(at(2000), 'send'));
    assert.equal(f.rttMs, 600, 'without a candidate pair RTT the remote report gives it');
    assert.equal(f.jitterMs, 70);
    assert.equal(f.lossPct, Math.round((50 / 150) * 1000) / 10);
    assert.equal(f.bitrateKbps, 800);
    assert.equal(f.limitedBy, 'bandwidth');
    assert.equal(qualityLevel(f), 'poor');
  });

  test('three levels by RTT, loss and jitter; unknown figures count as good', () => {
    assert.equal(qualityLevel({ rttMs: 40, lossPct: 0, jitterMs: 5 }), 'good');
    assert.equal(qualityLevel({ rttMs: 300, lossPct: 0, jitterMs: 5 }), 'fair');
    assert.equal(qualityLevel({ rttMs: 40, lossPct: 3, jitterMs: 5 }), 'fair');
    assert.equal(qualityLevel({ rttMs: 40, lossPct: 10, jitterMs: 5 }), 'poor');
    assert.equal(qualityLevel({ rttMs: 40, lossPct: 0, jitterMs: 80 }), 'poor');
    assert.equal(qualityLevel({}), 'good');
  });

  test('the tooltip names every figure, with a dash for the unknown', () => {
    assert.equal(describeFigures({ rttMs: 42, lossPct: 0.5, jitterMs: 3, bitrateKbps: 820 }), 'RTT 42 ms · loss 0.5% · jitter 3 ms · 820 kbit/s');
    assert.equal(describeFigures({ rttMs: null, lossPct: null, jitterMs: null, bitrateKbps: 2500 }), 'RTT – · loss – · jitter – · 2.5 Mbit/s');
  });

  test('a participant carried by several links shows the worst, and their bitrates add up', () => {
    const w = worstOf([{ rttMs: 10, lossPct: 0, jitterMs: 2, bitrateKbps: 300 }, { rttMs: 90, lossPct: 4, jitterMs: 1, bitrateKbps: 500 }]);
    assert.deepEqual(w, { rttMs: 90, lossPct: 4, jitterMs: 2, bitrateKbps: 800, limitedBy: null });
  });

  test('the poor-uplink notice needs consecutive poor samples, and a few good ones to go', () => {
    let n = null;
    n = uplinkNotice(n, 'poor');
    assert.equal(n.poor, UPLINK_POOR_AFTER <= 1);
    for (let i = 1; i < UPLINK_POOR_AFTER; i++) n = uplinkNotice(n, 'poor');
    assert.equal(n.poor, true);
    n = uplinkNotice(n, 'good');
    assert.equal(n.poor, true, 'one good sample does not hide it');
    n = uplinkNotice(uplinkNotice(n, 'fair'), 'good');
    assert.equal(n.poor, false);
    assert.equal(uplinkNotice({ poor: true, poorRun: 5, okRun: 0 }, null).poor, false, 'nothing sent: no notice');
  });
});

describe('stats monitor', () => {
  test('reports each publisher from its receiving links and the uplink from the sending ones', async () => {
    let t = 1000;
    const pc = make => ({ getStats: async () => make(t) });
    const poorUplink = at => report(
      { type: 'outbound-rtp', kind: 'video', timestamp: at, bytesSent: at * 10 },
      { type: 'remote-inbound-rtp', kind: 'video', timestamp: at, packetsReceived: at / 10, packetsLost: at / 50, roundTripTime: 0.7 },
    );
    let links = [
      { linkId: 'l1', direction: 'receive', publisherId: 'pBob', pc: pc(at => receiving(at, { bytes: at * 100, packets: at, lost: 0 })) },
      { linkId: 'l2', direction: 'send', publisherId: 'pAnn', pc: pc(poorUplink) },
      { linkId: 'l3', direction: 'receive', publisherId: 'pCid', pc: { getStats: async () => { throw new Error('closed'); } } },
    ];
    const quality = new Map();
    const uplinks = [];
    const monitor = new StatsMonitor({
      links: () => links,
      onQuality: (key, q) => (q ? quality.set(key, q) : quality.delete(key)),
      onUplink: u => uplinks.push(u),
      every: () => 'timer',
      stop: () => {},
    });
    await monitor.sample();
    t = 3000;
    await monitor.sample();
    assert.equal(quality.get('pBob').level, 'good');
    assert.equal(quality.get('pBob').figures.bitrateKbps, 800);
    assert.equal(quality.get('self').level, 'poor');
    assert.equal(quality.has('pCid'), false, 'a link whose stats fail reports nothing');
    assert.equal(uplinks.at(-1).poor, true);

    links = links.filter(l => l.linkId !== 'l1');
    await monitor.sample();
    assert.equal(quality.has('pBob'), false, 'a publisher whose links closed is cleared');
    monitor.stop();
    assert.equal(quality.size, 0);
  });
});
