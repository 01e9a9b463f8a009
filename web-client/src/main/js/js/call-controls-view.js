/**
 * The in-call control bar: mute, camera, share, the microphone and camera pickers and leave, plus
 * the notice about reduced own media. Renders in-call-controls.js's local media; clicks go to the
 * injected actions.
 */

import { element, setVisible } from './dom.js';

export class CallControlsView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {{leaveButton: HTMLElement, toggleAudio: HTMLButtonElement, toggleVideo: HTMLButtonElement,
   *   toggleShare?: HTMLButtonElement, micSelect?: HTMLSelectElement, cameraSelect?: HTMLSelectElement,
   *   mediaNotice: HTMLElement}} options.elements
   * @param {{leave(): void, toggle(kind: 'audio'|'video'): void, share?(): void,
   *   switchDevice?(kind: 'audio'|'video', deviceId: string): void, canShare?(): boolean}} options.actions
   */
  constructor({ doc, elements, actions }) {
    this.doc = doc;
    this.el = elements;
    this.actions = actions;
    const e = elements;
    e.leaveButton.addEventListener('click', () => actions.leave());
    e.toggleAudio.addEventListener('click', () => actions.toggle('audio'));
    e.toggleVideo.addEventListener('click', () => actions.toggle('video'));
    e.toggleShare?.addEventListener('click', () => actions.share?.());
    e.micSelect?.addEventListener('change', () => actions.switchDevice?.('audio', e.micSelect.value));
    e.cameraSelect?.addEventListener('change', () => actions.switchDevice?.('video', e.cameraSelect.value));
  }

  /** @param {{stream: MediaStream|null, notice: string, audioMuted: boolean, videoMuted: boolean, sharing: boolean}|null} local */
  render(local) {
    const e = this.el;
    const stream = local?.stream ?? null;
    const sendsVideo = Boolean(stream && stream.getVideoTracks().length > 0);
    const sendsAudio = Boolean(stream && stream.getAudioTracks().length > 0);
    e.mediaNotice.textContent = local?.notice ?? '';
    setVisible(e.mediaNotice, Boolean(local?.notice));

    e.toggleAudio.disabled = !sendsAudio;
    e.toggleAudio.setAttribute('aria-pressed', local?.audioMuted ? 'true' : 'false');
    e.toggleAudio.textContent = !sendsAudio ? 'No microphone' : local.audioMuted ? 'Unmute' : 'Mute';
    e.toggleVideo.disabled = !sendsVideo;
    e.toggleVideo.setAttribute('aria-pressed', local?.videoMuted ? 'true' : 'false');
    e.toggleVideo.textContent = !sendsVideo ? 'No camera' : local.videoMuted ? 'Start video' : 'Stop video';
    if (e.toggleShare) {
      // A receive-only participant publishes nothing, so there is nothing to put a screen on.
      const canShare = Boolean(local) && (this.actions.canShare?.() ?? false);
      e.toggleShare.hidden = !canShare && !local?.sharing;
      e.toggleShare.disabled = !canShare && !local?.sharing;
      e.toggleShare.setAttribute('aria-pressed', local?.sharing ? 'true' : 'false');
      e.toggleShare.textContent = local?.sharing ? 'Stop sharing' : 'Share screen';
    }
  }

  /**
   * Fills the microphone and camera choices from enumerateDevices, keeping the current choice.
   * @param {{kind: string, deviceId: string, label: string}[]} devices
   * @param {{audio?: string, video?: string}} current the deviceIds in use
   */
  setDevices(devices, current = {}) {
    const fill = (select, kind, fallback, inUse) => {
      if (!select) return;
      const options = devices.filter(d => d.kind === kind && d.deviceId);
      const wanted = options.map((d, i) => [d.deviceId, d.label || `${fallback} ${i + 1}`]);
      const have = [...select.options].map(o => [o.value, o.textContent]);
      if (JSON.stringify(have) !== JSON.stringify(wanted)) {
        select.replaceChildren(...wanted.map(([value, label]) => {
          const option = element(this.doc, 'option', { text: label });
          option.value = value;
          return option;
        }));
      }
      if (inUse && wanted.some(([value]) => value === inUse)) select.value = inUse;
      select.disabled = wanted.length < 2 || !inUse;
    };
    fill(this.el.micSelect, 'audioinput', 'Microphone', current.audio);
    fill(this.el.cameraSelect, 'videoinput', 'Camera', current.video);
  }
}
