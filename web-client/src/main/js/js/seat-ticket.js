/**
 * What a reload needs to take its seat back: the room, the participant id and the seat's resume
 * token from the last `joined`, kept in sessionStorage. That storage belongs to this one tab and goes
 * with it, so another tab never takes over the seat, and the token is never shown or sent elsewhere.
 */

const KEY = 'chatforyou.seat';

export class SeatTicket {
  /** @param {Storage|null} storage sessionStorage, or null where storage is disabled */
  constructor(storage) {
    this.storage = storage;
  }

  /** @param {{roomId: string, participantId: string, resumeToken: string, slug: string|null, displayName: string}} ticket */
  save(ticket) {
    try {
      this.storage?.setItem(KEY, JSON.stringify(ticket));
    } catch {
      // Storage full or disabled: a reload then joins anew.
    }
  }

  /** The ticket of this tab, or null. */
  load() {
    try {
      const ticket = JSON.parse(this.storage?.getItem(KEY) ?? 'null');
      const ok = ticket && ['roomId', 'participantId', 'resumeToken'].every(k => typeof ticket[k] === 'string' && ticket[k] !== '');
      return ok ? ticket : null;
    } catch {
      return null;
    }
  }

  clear() {
    try {
      this.storage?.removeItem(KEY);
    } catch {
      // see save
    }
  }
}
