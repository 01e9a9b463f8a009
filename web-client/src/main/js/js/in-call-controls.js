/**
 * The own media during a call: the camera and microphone acquired for the join (local-media.js),
 * mute and camera off, screen share (the pure share-state.js machine carried out on every
 * publishing link) and switching devices. Works on the publishing links it is handed; the room
 * learns of every change through `announce` (/app/media.state).
 *
 * `local` is {stream, mode, media, notice, audioMuted, videoMuted, sharing, screenStream}, or null
 * outside a room.
 */

import { stopStream } from './local-media.js';
import { initialShareState, shareTransition } from './share-state.js';

export class InCallControls {
  /**
   * @param {object} options
   * @param {() => Promise<object>} options.acquireMedia acquireLocalMedia, bound
   * @param {() => object[]} options.sendLinks the open publishing MediaLinks
   * @param {() => boolean} options.inRoom
   * @param {(flags: {audioMuted: boolean, videoMuted: boolean, sharing: boolean}) => void} options.announce
   * @param {() => boolean} [options.mayUnmute] false while the room's hosts hold the microphone
   * @param {(local: object|null) => void} [options.onChange]
   * @param {(code: string, message: string) => void} [options.onError]
   * @param {((constraints: object) => Promise<MediaStream>)|null} [options.getDisplayMedia] for sharing
   * @param {((constraints: object) => Promise<MediaStream>)|null} [options.getUserMedia] for switching devices
   * @param {{warn: Function}} [options.log]
   */
  constructor({
    acquireMedia,
    sendLinks,
    inRoom,
    announce,
    mayUnmute = () => true,
    onChange = () => {},
    onError = () => {},
    getDisplayMedia = null,
    getUserMedia = null,
    log = console,
  }) {
    this.acquireMedia = acquireMedia;
    this.sendLinks = sendLinks;
    this.inRoom = inRoom;
    this.announce = announce;
    this.mayUnmute = mayUnmute;
    this.onChange = onChange;
    this.onError = onError;
    /** Without them the share and device controls do nothing. */
    this.getDisplayMedia = getDisplayMedia;
    this.getUserMedia = getUserMedia;
    this.log = log;
    this.local = null;
    /** What the own video senders carry (share-state.js), and the screen being shared. */
    this.share = initialShareState('receive-only');
    this.screen = null;
  }

  /** Camera and microphone for a join; a failure to acquire joins receive-only. */
  async acquire() {
    try {
      return await this.acquireMedia();
    } catch (err) {
      this.log.warn('media acquisition failed', err);
      return { stream: null, mode: 'receive-only', media: { audio: false, video: false }, notice: '' };
    }
  }

  /**
   * Takes acquired media as the own media of the room being joined, not sharing; muted where the
   * pre-join screen asked (the tracks are disabled before any link exists, so nothing leaks).
   */
  adopt(local, { audioMuted = false, videoMuted = false } = {}) {
    this.release();
    const stream = local.stream ?? null;
    const hasAudio = Boolean(stream?.getAudioTracks().length);
    const hasVideo = Boolean(stream?.getVideoTracks().length);
    for (const track of stream?.getAudioTracks() ?? []) track.enabled = !audioMuted;
    for (const track of stream?.getVideoTracks() ?? []) track.enabled = !videoMuted;
    this.local = {
      ...local, audioMuted: hasAudio && audioMuted, videoMuted: hasVideo && videoMuted, sharing: false, screenStream: null,
    };
    this.share = initialShareState(local.mode);
    this.onChange(this.local);
  }

  /** Tells the room the media state the join started with, when it is not the default. */
  announceInitialState() {
    if (this.local && (this.local.audioMuted || this.local.videoMuted)) this.#announceMediaState();
  }

  /**
   * After a resume (a reload): the seat's media state as the room knows it, applied to the tracks of
   * the fresh camera and microphone so that a reload keeps a muted microphone muted.
   */
  restoreState({ audioMuted = false, videoMuted = false, sharing = false }) {
    if (!this.local) return;
    const stream = this.local.stream;
    const want = {
      audioMuted: Boolean(audioMuted) && Boolean(stream?.getAudioTracks().length),
      videoMuted: Boolean(videoMuted) && Boolean(stream?.getVideoTracks().length),
    };
    const same = this.local.audioMuted === want.audioMuted && this.local.videoMuted === want.videoMuted;
    if (same && !sharing) return;
    if (!stream) {
      this.#announceMediaState();
      return;
    }
    for (const track of this.local.stream.getAudioTracks()) track.enabled = !want.audioMuted;
    for (const track of this.local.stream.getVideoTracks()) track.enabled = !want.videoMuted;
    this.local = { ...this.local, ...want };
    this.onChange(this.local);
    // A share does not survive a reload: the room learns it stopped.
    this.#announceMediaState();
  }

  /** Stops the camera, microphone and any screen: the room was left. */
  release() {
    stopStream(this.screen?.stream);
    this.screen = null;
    this.share = initialShareState('receive-only');
    if (!this.local) return;
    stopStream(this.local.stream);
    this.local = null;
    this.onChange(null);
  }

  /** Mutes or unmutes the own microphone ('audio') or camera ('video') and tells the room. */
  setMuted(kind, muted) {
    if (!this.inRoom() || !this.local?.stream) return;
    if (kind === 'audio' && !muted && !this.mayUnmute()) return;
    const tracks = kind === 'audio' ? this.local.stream.getAudioTracks() : this.local.stream.getVideoTracks();
    if (tracks.length === 0) return;
    for (const track of tracks) track.enabled = !muted;
    this.local = { ...this.local, [kind === 'audio' ? 'audioMuted' : 'videoMuted']: Boolean(muted) };
    this.onChange(this.local);
    this.#announceMediaState();
  }

  /** Whether the share button applies: only a participant who publishes something can share. */
  canShare() {
    return this.inRoom() && Boolean(this.local) && this.share.enabled && typeof this.getDisplayMedia === 'function';
  }

  /**
   * Asks for a screen and sends it on a video sender added to every publishing link, next to the
   * camera (or as the only video of an audio-only participant). A dismissed picker
   * (NotAllowedError) changes nothing and shows nothing. Resolves true once sharing.
   */
  async startShare() {
    if (!this.canShare()) return false;
    const { state, effects } = shareTransition(this.share, 'start');
    if (!effects.some(effect => effect.type === 'pick')) return false;
    this.share = state;
    let stream = null;
    try {
      stream = await this.getDisplayMedia({ video: true, audio: false });
    } catch (err) {
      if (err?.name !== 'NotAllowedError' && err?.name !== 'AbortError') this.log.warn('screen share failed', err);
      this.#shareEvent('cancelled');
      return false;
    }
    const track = stream?.getVideoTracks?.()[0] ?? null;
    if (!track || !this.local || this.share.sharing !== 'picking') {
      stopStream(stream); // no video, or the room was left while the picker was open
      this.#shareEvent('cancelled');
      return false;
    }
    this.screen = { stream, track };
    // The browser's own "stop sharing" ends the track.
    track.addEventListener?.('ended', () => {
      if (this.screen?.track === track) this.#shareEvent('ended');
    });
    this.#shareEvent('picked');
    return true;
  }

  /** Stops sharing: the screen's sender goes from every publishing link. */
  stopShare() {
    this.#shareEvent('stop');
  }

  /** A publishing link opened while sharing sends the screen too. */
  shareOnNewLink(mediaLink) {
    if (!this.screen || this.share.sharing !== 'yes') return;
    this.#applyShare({ type: 'add-share-sender' }, [mediaLink]);
  }

  /**
   * Switches the microphone ('audio') or camera ('video') to another device without leaving: the new
   * track replaces the old one on every publishing link. Resolves true once switched.
   */
  async switchDevice(kind, deviceId) {
    if (!this.inRoom() || !this.local?.stream || typeof this.getUserMedia !== 'function') return false;
    const tracksOf = stream => (kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks());
    const old = tracksOf(this.local.stream)[0];
    if (!old || !deviceId) return false;
    const constraints = kind === 'audio'
      ? { audio: { deviceId: { exact: deviceId } } }
      : { video: { deviceId: { exact: deviceId }, width: { ideal: 640 }, height: { ideal: 480 } } };
    let fresh = null;
    try {
      fresh = tracksOf(await this.getUserMedia(constraints))[0] ?? null;
    } catch (err) {
      this.log.warn(`switching ${kind} failed`, err);
    }
    if (!fresh) {
      this.onError('device-failed', `That ${kind === 'audio' ? 'microphone' : 'camera'} cannot be used.`);
      return false;
    }
    const stream = this.local?.stream;
    if (!stream || !tracksOf(stream).includes(old)) {
      fresh.stop(); // left, or switched again meanwhile
      return false;
    }
    fresh.enabled = !(kind === 'audio' ? this.local.audioMuted : this.local.videoMuted);
    stream.removeTrack(old);
    stream.addTrack(fresh);
    await Promise.all(this.sendLinks().map(link => link.replaceTrack(kind, fresh).catch(err => {
      this.log.warn(`link ${link.linkId}: replacing ${kind} failed`, err);
    })));
    old.stop();
    if (this.local) {
      this.local = { ...this.local, devices: { ...this.local.devices, [kind]: deviceId } };
      this.onChange(this.local);
    }
    return true;
  }

  #announceMediaState() {
    if (!this.inRoom() || !this.local) return;
    this.announce({
      audioMuted: Boolean(this.local.audioMuted),
      videoMuted: Boolean(this.local.videoMuted),
      sharing: Boolean(this.local.sharing),
    });
  }

  #shareEvent(event) {
    const { state, effects } = shareTransition(this.share, event);
    this.share = state;
    for (const effect of effects) this.#applyShare(effect, this.sendLinks());
  }

  /** Carries out one share-state.js effect on the given publishing links. */
  #applyShare(effect, links) {
    const warn = what => err => this.log.warn(`${what} failed`, err);
    switch (effect.type) {
      case 'add-share-sender':
        for (const link of links) link.addShareTrack(this.screen.track, this.screen.stream);
        break;
      case 'remove-share-sender':
        for (const link of links) link.removeShareTrack();
        break;
      case 'stop-screen':
        stopStream(this.screen?.stream);
        this.screen = null;
        break;
      case 'announce':
        if (!this.local) break;
        this.local = { ...this.local, sharing: effect.sharing, screenStream: effect.sharing ? this.screen?.stream ?? null : null };
        this.onChange(this.local);
        this.#announceMediaState();
        break;
      default:
        break;
    }
  }
}
