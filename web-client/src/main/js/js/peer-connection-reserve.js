/**
 * Peer connections made while the page waits (the pre-join screen, a call in progress), so that the
 * links of a join do not each pay for RTCPeerConnection's constructor and its DTLS certificate
 * while the user watches. A reserved connection has never negotiated nor gathered candidates:
 * take() gives it the link's configuration (its ICE servers, the diagnostic relay-only policy).
 */

const defaultCreate = config => new RTCPeerConnection(config);

const defaultWhenIdle = callback =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 500 }) : setTimeout(callback, 0);

/** At most this many connections wait unused, whatever the room's size: more are made on demand. */
export const MOST_RESERVED = 8;

/**
 * How many connections a page should have ready on a screen. On the pre-join screen, two per
 * participant already in the room (mesh links one each way; an SFU needs one per publisher and one
 * to publish on), at least one; in a call one, for the next link (a newcomer, a share); elsewhere none.
 */
export function reserveSizeFor(screen, participantsInRoom = 0) {
  if (screen === 'prejoin' || screen === 'waiting') return Math.min(MOST_RESERVED, Math.max(1, 2 * participantsInRoom));
  if (screen === 'room') return 1;
  return 0;
}

export class PeerConnectionReserve {
  /**
   * @param {object} [options]
   * @param {(config: RTCConfiguration) => RTCPeerConnection} [options.create]
   * @param {(callback: () => void) => void} [options.whenIdle] runs one refill step when the page is idle
   * @param {{warn: Function}} [options.log]
   */
  constructor({ create = defaultCreate, whenIdle = defaultWhenIdle, log = console } = {}) {
    this.create = create;
    this.whenIdle = whenIdle;
    this.log = log;
    this.ready = [];
    this.wanted = 0;
    this.refilling = false;
    this.refused = false;
    /** How many links got a connection made ahead of need. */
    this.taken = 0;
  }

  /**
   * Keeps at least {@code count} unused connections ready, made one per idle moment so that no task
   * grows long. A smaller count keeps those already made (the join's links take them a moment after
   * the room shows); 0 closes them all.
   */
  keep(count) {
    this.wanted = this.refused ? 0 : Math.max(0, Math.min(MOST_RESERVED, count));
    if (this.wanted === 0) {
      this.ready.splice(0).forEach(pc => this.#discard(pc));
    }
    this.#refill();
  }

  /** A connection for a new link: a reserved one given this configuration, or a new one. */
  take(config) {
    const reserved = this.ready.shift();
    const pc = reserved && this.#reconfigured(reserved, config) ? reserved : this.create(config);
    this.#refill();
    return pc;
  }

  /** How many connections wait unused. */
  get size() {
    return this.ready.length;
  }

  #refill() {
    if (this.refilling || this.ready.length >= this.wanted) return;
    this.refilling = true;
    this.whenIdle(() => {
      this.refilling = false;
      if (this.ready.length >= this.wanted) return;
      try {
        this.ready.push(this.create({ iceServers: [] }));
      } catch (err) {
        this.log.warn('no peer connection could be made ahead of need', err);
        return; // the links make their own
      }
      this.#refill();
    });
  }

  #reconfigured(pc, config) {
    try {
      pc.setConfiguration(config);
      this.taken += 1;
      return true;
    } catch (err) {
      // A browser that cannot reconfigure one cannot reconfigure the others: stop reserving.
      this.log.warn('a reserved peer connection refused the link\'s configuration; none are made ahead any more', err);
      this.#discard(pc);
      this.refused = true;
      this.keep(0);
      return false;
    }
  }

  #discard(pc) {
    try {
      pc.close();
    } catch {
      // already closed
    }
  }
}
