/**
 * The page's media-server notice: shown while the room's media server is away, and once shown, kept
 * for at least MIN_SHOWN_MS. A room whose media moves to another server at once (the server it was on
 * died) gets `media-server` false and true within moments; the notice still says why video blinked.
 */

export const MIN_SHOWN_MS = 4000;

export class MediaServerNotice {
  /**
   * @param {{hidden: boolean}} element the notice
   * @param {{now?: () => number, setTimer?: Function, clearTimer?: Function}} [clock] injected in tests
   */
  constructor(element, { now = () => Date.now(), setTimer = setTimeout, clearTimer = clearTimeout } = {}) {
    this.element = element;
    this.now = now;
    // Called without a receiver: the browser's setTimeout throws "Illegal invocation" when called as a method.
    this.setTimer = (fn, ms) => setTimer(fn, ms);
    this.clearTimer = timer => clearTimer(timer);
    this.shownAt = null;
    this.hideTimer = null;
  }

  /** @param {boolean} away whether the room's media server is away now */
  update(away) {
    if (away) {
      this.#cancelHide();
      if (this.element.hidden) {
        this.element.hidden = false;
        this.shownAt = this.now();
      }
      return;
    }
    if (this.element.hidden || this.hideTimer !== null) return;
    const left = MIN_SHOWN_MS - (this.now() - this.shownAt);
    if (left <= 0) {
      this.#hide();
    } else {
      this.hideTimer = this.setTimer(() => {
        this.hideTimer = null;
        this.#hide();
      }, left);
    }
  }

  #hide() {
    this.element.hidden = true;
    this.shownAt = null;
  }

  #cancelHide() {
    if (this.hideTimer !== null) {
      this.clearTimer(this.hideTimer);
      this.hideTimer = null;
    }
  }
}
