/**
 * The room's participant list: oneself first, then everyone else in order of arrival, each item's
 * text exactly the name; "(you)" and the mute marks come from CSS on its attributes.
 */

import { applyMediaFlags, element, syncKeyed } from './dom.js';

export function buildParticipantItem(doc, participant, isSelf) {
  const root = element(doc, 'li', {
    className: isSelf ? 'participant self' : 'participant',
    attrs: { 'data-participant-id': participant.participantId },
  });
  if (isSelf) root.setAttribute('data-self', 'true');
  const parts = { root };
  updateParticipantItem(parts, participant);
  return parts;
}

export function updateParticipantItem(parts, participant) {
  if (parts.root.textContent !== participant.displayName) parts.root.textContent = participant.displayName;
  applyMediaFlags(parts.root, participant);
}

export class ParticipantListView {
  /** @param {{doc: Document, list: HTMLElement}} options */
  constructor({ doc, list }) {
    this.doc = doc;
    this.list = list;
    /** participantId -> participant list item parts */
    this.people = new Map();
  }

  render(self, participants) {
    const selfId = self.participantId;
    syncKeyed({
      container: this.list,
      map: this.people,
      items: [self, ...participants],
      keyOf: p => p.participantId,
      create: p => buildParticipantItem(this.doc, p, p.participantId === selfId),
      update: updateParticipantItem,
    });
  }

  clear() {
    for (const parts of this.people.values()) parts.root.remove();
    this.people.clear();
  }
}
