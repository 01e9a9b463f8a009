/**
 * Raised hands: the raise/lower button in the control bar, a hand with its place in the queue on
 * each tile, and the queue itself in the sidebar (in order; hosts can lower a hand from there).
 */

import { element, setVisible, syncKeyed } from './dom.js';
import { handPosition } from './hands-state.js';
import { isHost } from './moderation-state.js';

const ordinal = n => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd'
  : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

export function buildQueueItem(doc, entry, lowerHand = () => {}) {
  const root = element(doc, 'li', { className: 'hand', attrs: { 'data-participant-id': entry.participantId } });
  const name = element(doc, 'span', { className: 'hand-name', text: entry.displayName });
  const lower = element(doc, 'button', { text: 'Lower', attrs: { type: 'button', 'data-hand-action': 'lower' } });
  lower.setAttribute('aria-label', `Lower ${entry.displayName}'s hand`);
  lower.addEventListener('click', () => lowerHand(entry.participantId));
  root.append(name, lower);
  return { root, name, lower };
}

export class HandsView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {HTMLElement} options.controls the control bar, where the raise button goes
   * @param {HTMLElement} options.sidebar where the queue goes
   * @param {(participantId: string) => HTMLElement|null} options.findTile ('self' for one's own)
   * @param {{toggleHand(): void, lowerHand(participantId: string): void}} options.actions
   */
  constructor({ doc, controls, sidebar, findTile, actions }) {
    this.doc = doc;
    this.findTile = findTile;
    this.actions = actions;
    /** participantId -> parts of its queue item */
    this.items = new Map();
    this.button = element(doc, 'button', { text: 'Raise hand', attrs: { type: 'button', id: 'raise-hand', 'aria-pressed': 'false' } });
    controls.append(this.button);
    this.button.addEventListener('click', () => actions.toggleHand());

    this.panel = element(doc, 'section', { className: 'card hands-panel', attrs: { id: 'hands-panel', 'aria-labelledby': 'hands-heading' } });
    const heading = element(doc, 'h3', { text: 'Raised hands', attrs: { id: 'hands-heading' } });
    this.queue = element(doc, 'ol', { className: 'hands-queue', attrs: { id: 'hands-queue' } });
    this.panel.append(heading, this.queue);
    setVisible(this.panel, false);
    sidebar.append(this.panel);
  }

  render(state) {
    const inRoom = state.phase === 'in-room';
    const hands = inRoom ? state.hands : [];
    const mine = inRoom ? handPosition(state, state.self.participantId) : 0;
    this.button.setAttribute('aria-pressed', mine > 0 ? 'true' : 'false');
    this.button.textContent = mine > 0 ? 'Lower hand' : 'Raise hand';
    const names = new Map(inRoom ? [[state.self.participantId, `${state.self.displayName} (you)`],
      ...state.participants.map(p => [p.participantId, p.displayName])] : []);
    const host = isHost(state);
    syncKeyed({
      container: this.queue,
      map: this.items,
      items: hands.filter(h => names.has(h.participantId))
        .map(h => ({ participantId: h.participantId, displayName: names.get(h.participantId) })),
      keyOf: entry => entry.participantId,
      create: entry => buildQueueItem(this.doc, entry, id => this.actions.lowerHand(id)),
      update: (parts, entry) => {
        if (parts.name.textContent !== entry.displayName) parts.name.textContent = entry.displayName;
      },
    });
    for (const [id, parts] of this.items) setVisible(parts.lower, host || id === state.self?.participantId);
    setVisible(this.panel, hands.length > 0);
    if (!inRoom) return;
    this.#badge(this.findTile('self'), mine);
    for (const participant of state.participants) {
      this.#badge(this.findTile(participant.participantId), handPosition(state, participant.participantId));
    }
  }

  #badge(tile, position) {
    if (!tile) return;
    if (!tile.handBadge) {
      tile.handBadge = element(this.doc, 'span', { className: 'tile-hand' });
      tile.append(tile.handBadge);
    }
    const badge = tile.handBadge;
    badge.textContent = position > 0 ? `✋ ${position}` : '';
    badge.setAttribute('aria-label', position > 0 ? `Hand raised, ${ordinal(position)} in line` : '');
    tile.setAttribute('data-hand', position > 0 ? String(position) : '');
    setVisible(badge, position > 0);
  }
}
