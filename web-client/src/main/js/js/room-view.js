/**
 * The room screen: its header (name and occupancy), composed with the tiles (tile-view.js), the
 * participant list (participant-list-view.js), the chat (chat-view.js) and the control bar
 * (call-controls-view.js). Every name and message is set with textContent (see dom.js).
 */

import { TilesView } from './tile-view.js';
import { ParticipantListView } from './participant-list-view.js';
import { ChatView } from './chat-view.js';
import { CallControlsView } from './call-controls-view.js';

export class RoomView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {object} options.elements the room's DOM nodes, by role
   * @param {(tracks: MediaStreamTrack[]) => MediaStream} options.createStream
   * @param {{leave(): void, sendChat(text: string): boolean, toggle(kind: 'audio'|'video'): void,
   *   share?(): void, switchDevice?(kind: 'audio'|'video', deviceId: string): void,
   *   canShare?(): boolean}} options.actions
   */
  constructor({ doc, elements, createStream, actions }) {
    this.el = elements;
    this.local = null;
    this.tiles = new TilesView({ doc, elements, createStream });
    this.people = new ParticipantListView({ doc, list: elements.participantList });
    this.chat = new ChatView({ doc, elements, send: text => actions.sendChat(text) });
    this.controls = new CallControlsView({ doc, elements, actions });
  }

  render(state) {
    if (state.phase !== 'in-room') {
      this.tiles.clear();
      this.chat.clear();
      this.people.clear();
      return;
    }
    const e = this.el;
    e.roomTitle.textContent = state.room.name;
    e.roomOccupancy.textContent = `${state.participants.length + 1}/${state.room.capacity}`;
    this.tiles.renderSelf(state.self);
    this.people.render(state.self, state.participants);
    this.tiles.render(state.participants);
    this.chat.render(state.chat, state.self.participantId);
    this.#renderLocal();
  }

  /** @param {{stream: MediaStream|null, notice: string, audioMuted: boolean, videoMuted: boolean}|null} local */
  setLocalMedia(local) {
    this.local = local;
    this.tiles.setLocalMedia(local);
    this.#renderLocal();
  }

  /** Highlights the tile of a participant ('self' for the own tile) while they speak. */
  setSpeaking(participantId, speaking) {
    this.tiles.setSpeaking(participantId, speaking);
  }

  /** Fills the microphone and camera pickers (see CallControlsView.setDevices). */
  setDevices(devices, current = {}) {
    this.controls.setDevices(devices, current);
  }

  setRemoteTracks(publisherId, tracks) {
    this.tiles.setRemoteTracks(publisherId, tracks);
  }

  #renderLocal() {
    this.tiles.renderLocal(this.local);
    this.controls.render(this.local);
  }
}
