/**
 * Applies layout.js to the call area: which tile is on the stage and which are in the strip or the
 * grid, and every tile's size, recomputed whenever tiles come or go, the layout or pin changes, or
 * the area is resized. Also pins and full screen, the actions of every tile's menu.
 */

import { TILE_GAP, arrangeTiles, bestGrid, stripTileSize } from './layout.js';

/** Below this tile width the badges show icons only. */
const SMALL_TILE_PX = 260;
/** Strip height on the stage layout, as a share of the call area (bounded). */
const STRIP_SHARE = 0.2;

export class CallLayoutView {
  /**
   * @param {object} options
   * @param {{tiles: HTMLElement, stage: HTMLElement, strip: HTMLElement}} options.elements the call
   *   area, its stage and its strip (which is the grid when nothing is on the stage)
   * @param {import('./tile-view.js').TilesView} [options.tilesView] set later with attach()
   * @param {(node: HTMLElement) => void} [options.requestFullscreen]
   * @param {(mode: string) => void} [options.onModeChange]
   */
  constructor({ elements, requestFullscreen = node => node.requestFullscreen?.(), onModeChange = () => {} }) {
    this.el = elements;
    this.tilesView = null;
    this.requestFullscreen = requestFullscreen;
    this.onModeChange = onModeChange;
    /** 'grid' | 'speaker' */
    this.mode = 'grid';
    this.pinned = null;
    /** The tile key of the last participant who spoke (never 'self'). */
    this.speaker = null;
    this.arrangement = { stage: null, strip: [], grid: [] };
  }

  attach(tilesView) {
    this.tilesView = tilesView;
  }

  /** The actions every tile's menu offers. */
  tileActions() {
    return [
      {
        id: 'pin',
        label: tile => (this.pinned === tile.key ? 'Unpin' : 'Pin to the stage'),
        run: tile => this.togglePin(tile.key),
      },
      {
        id: 'fullscreen',
        label: () => 'Full screen',
        run: tile => this.requestFullscreen(tile.root),
      },
    ];
  }

  setMode(mode) {
    if (mode !== 'grid' && mode !== 'speaker') return;
    if (this.mode === mode) return;
    this.mode = mode;
    this.onModeChange(mode);
    this.update();
  }

  toggleMode() {
    this.setMode(this.mode === 'grid' ? 'speaker' : 'grid');
  }

  togglePin(key) {
    this.pinned = this.pinned === key ? null : key;
    this.tilesView?.setPinned(this.pinned);
    this.update();
  }

  /** A participant started speaking: in the speaker layout they take the stage. */
  spoke(key) {
    if (key === 'self' || this.speaker === key) return;
    this.speaker = key;
    if (this.mode === 'speaker') this.update();
  }

  clear() {
    this.pinned = null;
    this.speaker = null;
    this.arrangement = { stage: null, strip: [], grid: [] };
    this.el.tiles.setAttribute('data-layout', 'grid');
  }

  /** Places every tile and sizes it for the area as it is now. */
  update() {
    const view = this.tilesView;
    if (!view) return;
    const tiles = view.keys();
    if (this.pinned && !tiles.includes(this.pinned)) {
      this.pinned = null;
      view.setPinned(null);
    }
    this.arrangement = arrangeTiles({ tiles, mode: this.mode, pinned: this.pinned, screens: view.screens(), speaker: this.speaker });
    const { stage, strip, grid } = this.arrangement;
    const e = this.el;
    e.tiles.setAttribute('data-layout', stage ? 'stage' : 'grid');
    e.tiles.setAttribute('data-count', String(tiles.length));
    e.tiles.setAttribute('data-stage', stage ?? '');
    const width = e.tiles.clientWidth;
    const height = e.tiles.clientHeight;
    if (stage) {
      const stageRoot = view.rootOf(stage);
      if (stageRoot && stageRoot.parentNode !== e.stage) e.stage.append(stageRoot);
      for (const key of strip) this.#place(view.rootOf(key), e.strip);
      this.#order(strip);
      const stripHeight = strip.length === 0 ? 0 : Math.max(72, Math.min(180, Math.round(height * STRIP_SHARE)));
      const size = stripTileSize({ count: strip.length, length: width, thickness: stripHeight });
      for (const key of strip) this.#size(view.rootOf(key), size.tileWidth, size.tileHeight);
      if (stageRoot) {
        stageRoot.style.width = '';
        stageRoot.style.height = '';
        stageRoot.setAttribute('data-size', 'large');
      }
    } else {
      for (const key of grid) this.#place(view.rootOf(key), e.strip);
      this.#order(grid);
      const size = bestGrid({ count: grid.length, width, height, gap: TILE_GAP });
      for (const key of grid) this.#size(view.rootOf(key), size.tileWidth, size.tileHeight);
    }
  }

  #place(root, container) {
    if (root && root.parentNode !== container) container.append(root);
  }

  /** Keeps the strip's children in the keys' order, moving only what is out of place. */
  #order(keys) {
    const roots = keys.map(key => this.tilesView.rootOf(key)).filter(Boolean);
    const children = [...this.el.strip.children];
    if (children.length === roots.length && children.every((node, i) => node === roots[i])) return;
    this.el.strip.append(...roots);
  }

  #size(root, width, height) {
    if (!root) return;
    if (width > 0 && height > 0) {
      root.style.width = `${width}px`;
      root.style.height = `${height}px`;
    }
    root.setAttribute('data-size', width > 0 && width < SMALL_TILE_PX ? 'small' : 'large');
  }
}
