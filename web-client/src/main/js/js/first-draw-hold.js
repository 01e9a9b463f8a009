/**
 * The room's first drawing waits while the join's media links make their first descriptions.
 *
 * Drawing the room for the first time is one long main-thread task (tiles built, laid out and sized:
 * 100–150 ms on a 2-core machine, docs/benchmarks.md), and every link-open, offer or answer that
 * arrives meanwhile waits behind it. The first remote frame follows those descriptions and then ICE
 * and DTLS, which run off the main thread: so the descriptions go first and the drawing overlaps
 * ICE and DTLS. The pre-join screen shows "Joining…" until then. The hold never lasts longer than
 * FIRST_DRAW_LIMIT_MS after `joined`, so a slow or failed link never keeps the room hidden.
 */

/** The longest the room's first drawing waits for the join's links (ms after `joined`). */
export const FIRST_DRAW_LIMIT_MS = 400;

/**
 * Whether the join's links are under way: every link of the room state has sent its first offer or
 * answer, and every participant already in the room who publishes has a receiving link.
 */
export function joinLinksDescribed(state, hasDescribed) {
  if (state.phase !== 'in-room') return true;
  const receivedFrom = new Set(state.links.filter(l => l.direction === 'receive').map(l => l.publisherId));
  const publishers = state.participants.filter(p => p.sendsAudio || p.sendsVideo);
  if (publishers.some(p => !receivedFrom.has(p.participantId))) return false;
  return state.links.every(link => hasDescribed(link.linkId));
}

export class FirstDrawHold {
  /**
   * @param {object} options
   * @param {(fn: Function, ms: number) => unknown} options.setTimer
   * @param {() => boolean} options.ready whether the hold may end (joinLinksDescribed on the session's state)
   * @param {() => void} options.release draws what was held
   */
  constructor({ setTimer, ready, release, limitMs = FIRST_DRAW_LIMIT_MS }) {
    this.setTimer = setTimer;
    this.ready = ready;
    this.release = release;
    this.limitMs = limitMs;
    this.active = false;
    /** Counts holds, so the limit of an earlier join never ends a later one. */
    this.generation = 0;
  }

  /** A fresh join's `joined`: the drawing waits from now on. */
  begin() {
    this.active = true;
    const generation = ++this.generation;
    this.setTimer(() => {
      if (this.active && this.generation === generation) this.#end();
    }, this.limitMs);
  }

  /** Whether a drawing asked for now must wait. */
  holding() {
    if (this.active && this.ready()) this.active = false;
    return this.active;
  }

  /** Something the hold waits for happened (a link described itself): ends it when ready. */
  check() {
    if (this.active && this.ready()) this.#end();
  }

  #end() {
    this.active = false;
    this.release();
  }
}
