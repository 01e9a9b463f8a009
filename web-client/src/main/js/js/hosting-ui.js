/**
 * Builds the views of hosts, the waiting room, raised hands and reactions into the page, and routes
 * their clicks to the room session. main.js calls render(state) after every change and hands on the
 * session's notices and reactions.
 */

import { ModerationView } from './moderation-view.js';
import { HandsView } from './hands-view.js';
import { ReactionsView } from './reactions-view.js';
import { WaitingRoomView } from './waiting-room-view.js';

/**
 * @param {object} options
 * @param {Document} options.doc
 * @param {{main: HTMLElement, roomView: HTMLElement, sidebar: HTMLElement, controls: HTMLElement,
 *   tiles: HTMLElement, selfTile: HTMLElement, mediaNotice: HTMLElement, toggleAudio: HTMLButtonElement}} options.elements
 * @param {() => import('./room-session.js').RoomSession} options.session
 */
export function createHostingViews({ doc, elements, session }) {
  const escape = globalThis.CSS?.escape ?? (id => String(id).replace(/["\\]/g, '\\$&'));
  const findTile = id => (id === 'self'
    ? elements.selfTile
    : elements.tiles.querySelector(`.tile[data-participant-id="${escape(id)}"]`));
  // Notices of what a host did go right under the room's own notice, above the tiles.
  const notices = doc.createElement('div');
  elements.mediaNotice.insertAdjacentElement('afterend', notices);
  const moderation = new ModerationView({
    doc,
    sidebar: elements.sidebar,
    notices,
    findTile,
    toggleAudio: elements.toggleAudio,
    actions: {
      host: (action, options) => session().hostAction(action, options),
      unmute: () => session().controls.setMuted('audio', false),
    },
  });
  const hands = new HandsView({
    doc,
    controls: elements.controls,
    sidebar: elements.sidebar,
    findTile,
    actions: {
      toggleHand: () => session().toggleHand(),
      lowerHand: participantId => (participantId === session().state.self?.participantId
        ? session().toggleHand()
        : session().hostAction('lower-hand', { participantId })),
    },
  });
  const reactions = new ReactionsView({
    doc, controls: elements.controls, announcerParent: elements.roomView, findTile,
    actions: { react: emoji => session().react(emoji) },
  });
  const waiting = new WaitingRoomView({ doc, parent: elements.main, actions: { cancel: () => session().leaveRoom() } });
  return {
    render(state) {
      waiting.render(state);
      moderation.render(state);
      hands.render(state);
      if (state.phase !== 'in-room') moderation.clearNotice();
    },
    notice: notice => moderation.showNotice(notice),
    reaction: reaction => reactions.show(reaction),
  };
}
