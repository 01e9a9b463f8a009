import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { FirstDrawHold, joinLinksDescribed } from '../../main/js/js/first-draw-hold.js';

const inRoom = (participants, links) => ({ phase: 'in-room', participants, links });
const bob = { participantId: 'pBob', sendsAudio: true, sendsVideo: false };
const fromBob = { linkId: 'l1', direction: 'receive', publisherId: 'pBob' };
const up = { linkId: 'up', direction: 'send', publisherId: 'pAnn' };

describe('the room\'s first drawing and the join\'s links', () => {
  test('the links are under way once each has described itself and every publisher is received', () => {
    assert.equal(joinLinksDescribed(inRoom([bob], []), () => true), false, 'Bob is not received yet');
    assert.equal(joinLinksDescribed(inRoom([bob], [up, fromBob]), id => id === 'up'), false, 'Bob\'s link has not answered');
    assert.equal(joinLinksDescribed(inRoom([bob], [up, fromBob]), () => true), true);
    assert.equal(joinLinksDescribed({ phase: 'lobby', participants: [bob], links: [] }, () => false), true, 'left: nothing to wait for');
  });

  test('the limit of an earlier join does not end a later join\'s hold', () => {
    const timers = [];
    let released = 0;
    const hold = new FirstDrawHold({ setTimer: fn => timers.push(fn), ready: () => false, release: () => { released += 1; } });
    hold.begin();
    hold.begin();
    timers[0]();
    assert.equal(hold.holding(), true);
    assert.equal(released, 0);
    timers[1]();
    assert.equal(hold.holding(), false);
    assert.equal(released, 1);
  });
});
