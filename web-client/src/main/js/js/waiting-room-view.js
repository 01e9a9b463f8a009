/** The screen of a newcomer waiting in a room's waiting room, with a way to give up. */

import { element, setVisible } from './dom.js';

export class WaitingRoomView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {HTMLElement} options.parent where the screen goes
   * @param {{cancel(): void}} options.actions
   */
  constructor({ doc, parent, actions }) {
    this.section = element(doc, 'section', {
      className: 'card waiting-screen', attrs: { id: 'waiting-view', 'aria-labelledby': 'waiting-heading' },
    });
    const heading = element(doc, 'h2', { text: 'Waiting to be let in', attrs: { id: 'waiting-heading' } });
    const text = element(doc, 'p', { attrs: { role: 'status' } });
    this.roomName = element(doc, 'strong', { attrs: { id: 'waiting-room-name' } });
    text.append('A host of ', this.roomName, ' will let you in soon.');
    const cancel = element(doc, 'button', { text: 'Cancel', attrs: { type: 'button', id: 'waiting-cancel' } });
    cancel.addEventListener('click', () => actions.cancel());
    this.section.append(heading, text, cancel);
    setVisible(this.section, false);
    parent.append(this.section);
  }

  render(state) {
    const waiting = state.phase === 'waiting';
    setVisible(this.section, waiting);
    if (waiting && this.roomName.textContent !== state.waiting.roomName) this.roomName.textContent = state.waiting.roomName;
  }
}
