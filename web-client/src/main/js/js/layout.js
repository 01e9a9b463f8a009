/**
 * Where the tiles go, as pure functions of what is on screen: the grid that gives every tile the
 * largest size for its count and aspect ratio in the space available, and which tile takes the stage
 * (a pinned tile, then a screen share, then the active speaker in the speaker layout). The room view
 * measures the area and applies the numbers; node tests check the rules.
 */

/** Camera tiles are 16:9 like Meet and Jitsi; the video is letterboxed inside when it is not. */
export const TILE_ASPECT = 16 / 9;
/** Space between tiles, in CSS pixels. */
export const TILE_GAP = 8;

/**
 * The grid for `count` tiles of `aspect` (width / height) in a width x height area: the number of
 * columns whose tiles come out largest, and that size. Tiles never overflow the area.
 * @returns {{columns: number, rows: number, tileWidth: number, tileHeight: number}}
 */
export function bestGrid({ count, width, height, aspect = TILE_ASPECT, gap = TILE_GAP }) {
  if (!(count > 0) || !(width > 0) || !(height > 0)) return { columns: 0, rows: 0, tileWidth: 0, tileHeight: 0 };
  let best = { columns: 1, rows: count, tileWidth: 0, tileHeight: 0 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    const tileWidth = Math.min(cellWidth, cellHeight * aspect);
    if (tileWidth > best.tileWidth + 0.01) {
      best = { columns, rows, tileWidth, tileHeight: tileWidth / aspect };
    }
  }
  const tileWidth = Math.floor(best.tileWidth);
  return { columns: best.columns, rows: best.rows, tileWidth, tileHeight: Math.floor(tileWidth / aspect) };
}

/**
 * The layout of the call:
 * - `grid`: every tile in the best grid, unless something takes the stage;
 * - `speaker`: the active speaker (or the last one) on the stage, everyone else in the strip.
 * A pinned tile takes the stage in either; so does a screen share, which is pinned implicitly while
 * it lasts (the newest share wins when several people share).
 *
 * @param {object} options
 * @param {string[]} options.tiles tile keys in display order ('self', participant ids, '<id>:screen')
 * @param {'grid'|'speaker'} options.mode
 * @param {string|null} options.pinned a tile key the user pinned
 * @param {string[]} options.screens keys of screen tiles, oldest first
 * @param {string|null} options.speaker the tile key of the active (or most recent) speaker
 * @returns {{stage: string|null, strip: string[], grid: string[]}}
 */
export function arrangeTiles({ tiles, mode = 'grid', pinned = null, screens = [], speaker = null }) {
  const present = new Set(tiles);
  let stage = null;
  if (pinned && present.has(pinned)) stage = pinned;
  else {
    const share = [...screens].reverse().find(key => present.has(key));
    if (share) stage = share;
    else if (mode === 'speaker' && tiles.length > 1) {
      // Nobody spoke yet: the first other participant, never one's own preview.
      stage = speaker && present.has(speaker) && speaker !== 'self' ? speaker : tiles.find(key => key !== 'self') ?? null;
    }
  }
  if (!stage) return { stage: null, strip: [], grid: [...tiles] };
  return { stage, strip: tiles.filter(key => key !== stage), grid: [] };
}

/**
 * The strip's tile size: as many tiles as fit side by side (or stacked, when the strip is a column),
 * between `min` and `max` wide; beyond what fits at `min` the strip scrolls.
 * @returns {{tileWidth: number, tileHeight: number}}
 */
export function stripTileSize({
  count, length, thickness, vertical = false, aspect = TILE_ASPECT, gap = TILE_GAP, min = 96, max = 240,
}) {
  if (!(count > 0) || !(length > 0) || !(thickness > 0)) return { tileWidth: 0, tileHeight: 0 };
  const along = (length - gap * (count - 1)) / count;
  const fits = vertical ? Math.min(thickness, along * aspect) : Math.min(along, thickness * aspect);
  const tileWidth = Math.min(Math.max(fits, Math.min(min, vertical ? thickness : thickness * aspect)), max);
  const width = Math.floor(tileWidth);
  return { tileWidth: width, tileHeight: Math.floor(width / aspect) };
}
