/**
 * The room's participant list: oneself first, then everyone else in order of arrival. Each item has
 * the name, "(you)" for oneself, and the media state as badges with text (see tile-view.js).
 */

import { applyMediaFlags, element, syncKeyed } from './dom.js';
import { renderBadges, statusBadges } from './tile-view.js';

export function buildParticipantItem(doc, participant, isSelf) {
  const root = element(doc, 'li', {
    className: isSelf ? 'participant self' : 'participant',
    attrs: { 'data-participant-id': participant.participantId },
  });
  const name = element(doc, 'span', { className: 'participant-name' });
  const status = element(doc, 'span', { className: 'tile-status' });
  root.append(name);
  if (isSelf) {
    root.setAttribute('data-self', 'true');
    root.append(element(doc, 'span', { className: 'you', text: '(you)' }));
  }
  root.append(status);
  const parts = { root, name, status, doc };
  updateParticipantItem(parts, participant);
  return parts;
}

export function updateParticipantItem(parts, participant, { speaking = false } = {}) {
  if (parts.name.textContent !== participant.displayName) parts.name.textContent = participant.displayName;
  applyMediaFlags(parts.root, participant);
  renderBadges(parts.doc, parts.status, statusBadges(participant, { speaking }));
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
