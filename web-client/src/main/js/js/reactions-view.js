/**
 * Emoji reactions: a row of buttons in the control bar, the emoji shown over the sender's tile for a
 * few seconds, and each reaction said in words in a live region for screen readers.
 */

import { element } from './dom.js';
import { REACTIONS } from './reactions-state.js';

/** How long a reaction stays over a tile. */
export const REACTION_SHOWN_MS = 4000;

export class ReactionsView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {HTMLElement} options.controls the control bar, where the buttons go
   * @param {HTMLElement} options.announcerParent where the (visually hidden) live region goes
   * @param {(participantId: string) => HTMLElement|null} options.findTile ('self' for one's own)
   * @param {{react(emoji: string): void}} options.actions
   * @param {(fn: Function, ms: number) => unknown} [options.setTimer]
   */
  constructor({ doc, controls, announcerParent, findTile, actions, setTimer = (fn, ms) => setTimeout(fn, ms) }) {
    this.doc = doc;
    this.findTile = findTile;
    this.setTimer = setTimer;
    const group = element(doc, 'div', { className: 'reactions', attrs: { id: 'reactions', role: 'group', 'aria-label': 'Reactions' } });
    for (const [emoji, words] of REACTIONS) {
      const button = element(doc, 'button', {
        className: 'reaction-button', text: emoji,
        attrs: { type: 'button', 'data-emoji': emoji, 'aria-label': `React with ${words}`, title: words },
      });
      button.addEventListener('click', () => actions.react(emoji));
      group.append(button);
    }
    controls.append(group);
    this.announcer = element(doc, 'div', {
      className: 'visually-hidden', attrs: { id: 'reaction-announcer', role: 'status', 'aria-live': 'polite' },
    });
    announcerParent.append(this.announcer);
  }

  /** Shows a reaction over the tile for REACTION_SHOWN_MS and announces it. */
  show({ participantId, emoji, text }) {
    this.announcer.textContent = text;
    const tile = this.findTile(participantId);
    if (!tile) return;
    const shown = element(this.doc, 'span', { className: 'tile-reaction', text: emoji, attrs: { 'aria-hidden': 'true' } });
    tile.append(shown);
    this.setTimer(() => shown.remove(), REACTION_SHOWN_MS);
  }
}
