/** MediaStreamTrack and MediaStream stand-ins for node, where neither exists. */

let nextTrack = 0;

export class FakeTrack extends EventTarget {
  constructor(kind) {
    super();
    this.kind = kind;
    this.id = `${kind}-${++nextTrack}`;
    this.readyState = 'live';
    this.enabled = true;
  }

  stop() {
    this.readyState = 'ended';
  }

  /** What the browser does when the remote end stops sending a track. */
  end() {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

let nextStream = 0;

export class FakeStream {
  constructor(tracks = []) {
    this.id = `stream-${++nextStream}`;
    this.tracks = [...tracks];
  }

  getTracks() {
    return [...this.tracks];
  }

  getAudioTracks() {
    return this.tracks.filter(t => t.kind === 'audio');
  }

  getVideoTracks() {
    return this.tracks.filter(t => t.kind === 'video');
  }

  addTrack(track) {
    if (!this.tracks.includes(track)) this.tracks.push(track);
  }

  removeTrack(track) {
    this.tracks = this.tracks.filter(t => t !== track);
  }
}

/** A stream with the given kinds of live tracks, e.g. cameraStream('audio', 'video'). */
export function cameraStream(...kinds) {
  return new FakeStream(kinds.map(kind => new FakeTrack(kind)));
}

/** A clock and an interval timer that move only when told, for a monitor that samples on a timer. */
export class ManualTimer {
  constructor() {
    this.now = 0;
    this.tick = null;
  }

  /** The `now`, `setInterval` and `clearInterval` options of the code under test. */
  options() {
    return {
      now: () => this.now,
      setInterval: fn => {
        this.tick = fn;
        return 1;
      },
      clearInterval: () => {
        this.tick = null;
      },
    };
  }

  /** Moves the clock on by `ms`, one sampling interval at a time, sampling after each. */
  advance(ms, interval = 50) {
    for (let elapsed = 0; elapsed < ms; elapsed += interval) {
      this.now += interval;
      this.tick?.();
    }
  }
}
