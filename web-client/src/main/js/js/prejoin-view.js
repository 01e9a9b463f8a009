/**
 * The pre-join screen: the room's name, the camera preview, the microphone level, the camera,
 * microphone and speaker pickers, "join muted" and "join with the camera off", the name, a password
 * for a locked room, and what to do about a refused or missing device (prejoin.js). Text only
 * through textContent (see dom.js).
 */

import { fillDevicePicker } from './call-controls-view.js';
import { initialOf, setVisible } from './dom.js';

export class PrejoinView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {object} options.elements the pre-join screen's DOM nodes, by role
   * @param {boolean} [options.canPickSpeaker]
   * @param {{join(form: {displayName: string, password: string|null, muted: {audio: boolean, video: boolean}}): void,
   *   back(): void, retry(): void, pickDevice(kind: 'audio'|'video', deviceId: string): void,
   *   pickSpeaker(deviceId: string): void, preferencesChanged(p: object): void}} options.actions
   */
  constructor({ doc, elements, actions, canPickSpeaker = false }) {
    this.doc = doc;
    this.el = elements;
    this.actions = actions;
    this.canPickSpeaker = canPickSpeaker;
    this.room = null;
    const e = elements;
    e.form.addEventListener('submit', event => {
      event.preventDefault();
      actions.join({
        displayName: e.name.value,
        password: this.room?.locked && e.password.value !== '' ? e.password.value : null,
        muted: { audio: e.muted.checked, video: e.cameraOff.checked },
      });
    });
    e.back.addEventListener('click', () => actions.back());
    e.retry.addEventListener('click', () => actions.retry());
    e.camera.addEventListener('change', () => actions.pickDevice('video', e.camera.value));
    e.mic.addEventListener('change', () => actions.pickDevice('audio', e.mic.value));
    e.speaker.addEventListener('change', () => actions.pickSpeaker(e.speaker.value));
    const changed = () => {
      e.avatar.textContent = initialOf(e.name.value);
      actions.preferencesChanged(this.preferences());
    };
    for (const node of [e.name, e.muted, e.cameraOff]) node.addEventListener('change', changed);
    e.name.addEventListener('input', () => {
      e.avatar.textContent = initialOf(e.name.value);
    });
    e.cameraOff.addEventListener('change', () => this.#renderPreviewState());
    setVisible(e.speakerLabel, canPickSpeaker);
    setVisible(e.speaker, canPickSpeaker);
  }

  /** The choices as they stand, to remember. */
  preferences() {
    const e = this.el;
    return {
      displayName: e.name.value.trim(),
      joinMuted: Boolean(e.muted.checked),
      joinCameraOff: Boolean(e.cameraOff.checked),
    };
  }

  /** Shows the screen for `room` ({name, locked, participants, capacity}), with the remembered choices. */
  show(room, preferences) {
    const e = this.el;
    const first = this.room?.roomId !== room.roomId;
    this.room = room;
    e.roomName.textContent = room.name;
    const count = room.participants ?? 0;
    e.roomStatus.textContent = count === 0 ? 'Nobody is in the call yet.'
      : `${count} ${count === 1 ? 'person is' : 'people are'} in the call (${count} of ${room.capacity} seats taken).`;
    setVisible(e.passwordRow, Boolean(room.locked));
    if (first) {
      e.name.value ||= preferences.displayName ?? '';
      e.muted.checked = Boolean(preferences.joinMuted);
      e.cameraOff.checked = Boolean(preferences.joinCameraOff);
      e.password.value = '';
      e.avatar.textContent = initialOf(e.name.value);
    }
    setVisible(e.view, true);
  }

  hide() {
    setVisible(this.el.view, false);
    this.el.video.srcObject = null;
    this.room = null;
  }

  setJoining(joining) {
    this.el.join.disabled = joining;
    this.el.join.textContent = joining ? 'Joining…' : 'Join now';
  }

  /**
   * The preview: the acquired stream (the own microphone never played back) and, when something is
   * missing, what to do about it.
   * @param {{stream: MediaStream|null}|null} local
   * @param {{kind: string, text: string}|null} advice
   */
  setLocal(local, advice) {
    const e = this.el;
    this.local = local;
    e.video.muted = true;
    const stream = local?.stream ?? null;
    if (e.video.srcObject !== stream) {
      e.video.srcObject = stream;
      if (stream) e.video.play?.()?.catch?.(() => {});
    }
    e.adviceText.textContent = advice?.text ?? '';
    e.advice.setAttribute('data-kind', advice?.kind ?? '');
    setVisible(e.advice, Boolean(advice));
    setVisible(e.meterRow ?? e.meter, Boolean(stream?.getAudioTracks().length));
    this.#renderPreviewState();
  }

  /** The microphone level, 0…1. */
  setLevel(level) {
    this.el.meter.value = Math.round(level * 100) / 100;
  }

  setDevices(devices, current = {}) {
    const e = this.el;
    fillDevicePicker(this.doc, e.camera, e.cameraNone, devices, 'videoinput', 'Camera', current.video, { needsInUse: false });
    fillDevicePicker(this.doc, e.mic, e.micNone, devices, 'audioinput', 'Microphone', current.audio, { needsInUse: false });
    // Before joining any camera or microphone may be chosen, even while only one is listed.
    e.camera.disabled = e.camera.options.length === 0;
    e.mic.disabled = e.mic.options.length === 0;
    if (this.canPickSpeaker) {
      const count = fillDevicePicker(this.doc, e.speaker, null, devices, 'audiooutput', 'Speaker', current.speaker ?? 'default', { needsInUse: false });
      e.speaker.disabled = count < 2;
      setVisible(e.speaker, count > 0);
      setVisible(e.speakerLabel, count > 0);
    }
  }

  #renderPreviewState() {
    const e = this.el;
    const hasVideo = Boolean(this.local?.stream?.getVideoTracks().length);
    const off = e.cameraOff.checked;
    e.tile.setAttribute('data-has-video', hasVideo && !off ? 'true' : 'false');
    for (const track of this.local?.stream?.getVideoTracks() ?? []) track.enabled = !off;
  }
}
