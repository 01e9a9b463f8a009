/**
 * The signaling connection as the room session sees it: connecting, connected, reconnecting (the
 * transport retries; the server keeps the seat for a grace period) or lost. Each change returns the
 * room state to go on with and the effects for room-session.js to carry out, in the reducer's terms.
 */

import { leaveLocally } from './membership-state.js';
import { reconnectedForRejoin, resumeRequest } from './reconnect-state.js';

/** If no `rooms` answer came this long after connecting, ask once more. */
export const ROOMS_RETRY_MS = 3000;

const send = (destination, body) => ({ type: 'send', destination, body });

export class SessionConnection {
  /**
   * @param {object} options
   * @param {(destination: string, body: object) => boolean} options.send for the room-list retry
   * @param {() => boolean} options.roomListLoaded
   * @param {(fn: Function, ms: number) => unknown} options.setTimer
   */
  constructor({ send: sendNow, roomListLoaded, setTimer }) {
    this.sendNow = sendNow;
    this.roomListLoaded = roomListLoaded;
    this.setTimer = setTimer;
    /** 'connecting' | 'connected' | 'reconnecting' | 'lost' */
    this.status = 'connecting';
    /** The seat to release once connected again, when leave was pressed while reconnecting. */
    this.pendingRelease = null;
  }

  /** Connected, first or again: resume a kept seat, release one left offline, ask for the room list. */
  connected(state) {
    this.status = 'connected';
    const next = reconnectedForRejoin(state);
    const effects = [];
    const resume = resumeRequest(next);
    if (resume) effects.push(send('/app/room.resume', resume));
    if (this.pendingRelease) {
      effects.push(send('/app/room.release', this.pendingRelease));
      this.pendingRelease = null;
    }
    effects.push(send('/app/lobby.rooms', {}));
    // The reply is addressed to a queue subscribed a moment earlier; ask again if it got lost.
    this.setTimer(() => {
      if (this.status === 'connected' && !this.roomListLoaded()) this.sendNow('/app/lobby.rooms', {});
    }, ROOMS_RETRY_MS);
    return { state: next, effects };
  }

  /**
   * The connection dropped and the transport is retrying. In a room the seat is kept by the server
   * for a while: media keeps flowing on the open peer connections, and connected() resumes the seat.
   * A join in flight, or a wait in a waiting room, cannot be resumed and is given up.
   */
  interrupted(state) {
    this.status = 'reconnecting';
    let next = state;
    const effects = [];
    if (state.phase === 'in-room') {
      next = { ...state, reconnecting: true };
    } else if (state.phase === 'joining' || state.phase === 'waiting') {
      // Neither a join in flight nor a knock survives the connection: the server forgets them.
      const left = leaveLocally(state);
      next = left.state;
      effects.push(...left.effects, { type: 'join-failed' });
    }
    return { state: { ...next, pendingCreate: null }, effects };
  }

  /** The server drops our seat within seconds; nothing negotiated from here on can work. */
  lost(state) {
    this.status = 'lost';
    const { state: next, effects } = leaveLocally(state);
    return { state: { ...next, pendingCreate: null }, effects: [...effects, { type: 'left' }] };
  }

  /**
   * What leaving the room takes: room.leave, or, offline, releasing the seat once connected again
   * instead of after the grace period.
   */
  leave(state) {
    const seat = resumeRequest(state);
    if (seat && this.status !== 'connected') {
      this.pendingRelease = seat;
      return [];
    }
    return [send('/app/room.leave', {})];
  }
}
