import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { TILE_ASPECT, arrangeTiles, bestGrid, stripTileSize } from '../../main/js/js/layout.js';
import { CallLayoutView } from '../../main/js/js/call-layout-view.js';
import { TilesView } from '../../main/js/js/tile-view.js';
import { FakeDocument } from './support/fake-dom.js';
import { FakeStream, FakeTrack } from './support/fake-media.js';

describe('best grid', () => {
  test('one tile fills the area as far as its aspect ratio allows', () => {
    const g = bestGrid({ count: 1, width: 1600, height: 900, gap: 0 });
    assert.deepEqual(g, { columns: 1, rows: 1, tileWidth: 1600, tileHeight: 900 });
    const tall = bestGrid({ count: 1, width: 400, height: 900, gap: 0 });
    assert.equal(tall.tileWidth, 400, 'limited by the width on a tall area');
  });

  test('the column count that gives the largest tiles wins, for wide and tall areas', () => {
    assert.equal(bestGrid({ count: 4, width: 1600, height: 900 }).columns, 2);
    assert.equal(bestGrid({ count: 3, width: 1600, height: 500 }).columns, 3, 'a wide, low area takes a row');
    assert.equal(bestGrid({ count: 3, width: 360, height: 560 }).columns, 1, 'a phone takes a column');
    assert.equal(bestGrid({ count: 6, width: 1600, height: 600 }).columns, 3);
    assert.equal(bestGrid({ count: 6, width: 1200, height: 800 }).columns, 2, 'two wide columns beat three narrow ones');
  });

  test('tiles never overflow the area, and are as large as any other column count allows', () => {
    for (const [width, height] of [[1280, 720], [800, 600], [360, 540], [1920, 400]]) {
      for (let count = 1; count <= 12; count++) {
        const gap = 8;
        const g = bestGrid({ count, width, height, gap });
        assert.ok(g.columns * g.tileWidth + (g.columns - 1) * gap <= width + 0.5, `${count} in ${width}x${height}: width`);
        assert.ok(g.rows * g.tileHeight + (g.rows - 1) * gap <= height + 0.5, `${count} in ${width}x${height}: height`);
        assert.ok(g.columns * g.rows >= count);
        for (let columns = 1; columns <= count; columns++) {
          const rows = Math.ceil(count / columns);
          const w = Math.min((width - gap * (columns - 1)) / columns, ((height - gap * (rows - 1)) / rows) * TILE_ASPECT);
          assert.ok(Math.floor(w) <= g.tileWidth + 1, `${columns} columns would not give larger tiles`);
        }
      }
    }
  });

  test('resizing recomputes: a smaller area gives smaller tiles, nothing for an empty one', () => {
    const big = bestGrid({ count: 3, width: 1280, height: 720 });
    const small = bestGrid({ count: 3, width: 640, height: 480 });
    assert.ok(small.tileWidth < big.tileWidth);
    assert.equal(bestGrid({ count: 3, width: 0, height: 480 }).tileWidth, 0);
    assert.equal(bestGrid({ count: 0, width: 640, height: 480 }).columns, 0);
  });
});

describe('stage and strip', () => {
  const tiles = ['self', 'pAnn', 'pBob', 'pBob:screen'];

  test('the grid has every tile when nothing takes the stage', () => {
    assert.deepEqual(arrangeTiles({ tiles: ['self', 'pAnn'], mode: 'grid' }), { stage: null, strip: [], grid: ['self', 'pAnn'] });
  });

  test('a screen share takes the stage with the sharer\'s camera in the strip', () => {
    const a = arrangeTiles({ tiles, mode: 'grid', screens: ['pBob:screen'] });
    assert.equal(a.stage, 'pBob:screen');
    assert.deepEqual(a.strip, ['self', 'pAnn', 'pBob']);
  });

  test('a pinned tile wins over a share; the newest of several shares wins', () => {
    assert.equal(arrangeTiles({ tiles, pinned: 'pAnn', screens: ['pBob:screen'] }).stage, 'pAnn');
    assert.equal(arrangeTiles({ tiles: [...tiles, 'self:screen'], screens: ['pBob:screen', 'self:screen'] }).stage, 'self:screen');
    assert.equal(arrangeTiles({ tiles, pinned: 'gone', screens: [] }).stage, null, 'a pin of a tile that left is ignored');
  });

  test('the speaker layout puts the last speaker on the stage, never one\'s own preview', () => {
    const t = ['self', 'pAnn', 'pBob'];
    assert.equal(arrangeTiles({ tiles: t, mode: 'speaker', speaker: 'pBob' }).stage, 'pBob');
    assert.equal(arrangeTiles({ tiles: t, mode: 'speaker', speaker: null }).stage, 'pAnn');
    assert.equal(arrangeTiles({ tiles: t, mode: 'speaker', speaker: 'self' }).stage, 'pAnn');
    assert.equal(arrangeTiles({ tiles: ['self'], mode: 'speaker' }).stage, null, 'alone, the grid shows oneself');
  });

  test('strip tiles fit side by side within their bounds', () => {
    const s = stripTileSize({ count: 3, length: 1200, thickness: 120 });
    assert.equal(s.tileHeight, Math.floor(s.tileWidth / TILE_ASPECT));
    assert.ok(s.tileHeight <= 120);
    const many = stripTileSize({ count: 20, length: 360, thickness: 90 });
    assert.ok(many.tileWidth >= 96 || many.tileWidth === Math.floor(90 * TILE_ASPECT), 'beyond what fits the strip scrolls');
  });
});

describe('call layout view', () => {
  function setup() {
    const doc = new FakeDocument();
    const el = Object.fromEntries(['tiles', 'stage', 'strip', 'selfTile', 'selfName', 'selfStatus', 'selfPlaceholderName', 'selfAvatar']
      .map(id => [id, doc.createElement('div')]));
    el.localVideo = doc.createElement('video');
    el.tiles.append(el.stage, el.strip);
    el.strip.append(el.selfTile);
    el.tiles.clientWidth = 1280;
    el.tiles.clientHeight = 720;
    const layout = new CallLayoutView({ elements: el });
    const tiles = new TilesView({ doc, elements: el, createStream: t => new FakeStream(t), tileActions: layout.tileActions(), onTilesChanged: () => layout.update() });
    layout.attach(tiles);
    tiles.renderSelf({ participantId: 'pSelf', displayName: 'Me' });
    return { doc, el, layout, tiles };
  }
  const bob = { participantId: 'pBob', displayName: 'Bob', sendsAudio: true, sendsVideo: true, sharing: false };

  test('tiles get the best grid size, and a new size after a resize', () => {
    const { el, layout, tiles } = setup();
    tiles.render([bob, { ...bob, participantId: 'pCid', displayName: 'Cid' }]);
    const wide = el.selfTile.style.width;
    assert.equal(wide, `${bestGrid({ count: 3, width: 1280, height: 720 }).tileWidth}px`);
    el.tiles.clientWidth = 600;
    el.tiles.clientHeight = 800;
    layout.update();
    assert.equal(el.selfTile.style.width, `${bestGrid({ count: 3, width: 600, height: 800 }).tileWidth}px`);
    assert.notEqual(el.selfTile.style.width, wide);
  });

  test('a received screen goes on the stage and the sharer\'s camera stays in the strip', () => {
    const { el, tiles } = setup();
    tiles.render([{ ...bob, sharing: true }]);
    const camera = new FakeTrack('video');
    const audio = new FakeTrack('audio');
    const screen = new FakeTrack('video');
    tiles.setRemoteTracks('pBob', [audio, camera, screen], [screen]);
    assert.equal(el.tiles.getAttribute('data-layout'), 'stage');
    const [onStage] = el.stage.children;
    assert.equal(onStage.getAttribute('data-tile-key'), 'pBob:screen');
    assert.equal(onStage.getAttribute('data-kind'), 'screen');
    assert.deepEqual(onStage.byClass('tile-name').map(n => n.textContent), ['Bob (screen)']);
    assert.deepEqual(el.strip.children.map(n => n.getAttribute('data-tile-key')), ['self', 'pBob']);
    screen.end();
    tiles.setRemoteTracks('pBob', [audio, camera], []);
    assert.equal(el.tiles.getAttribute('data-layout'), 'grid', 'the stage goes with the share');
    assert.equal(el.stage.children.length, 0);
  });

  test('the tile menu pins a tile to the stage and unpins it', () => {
    const { el, layout, tiles } = setup();
    tiles.render([bob]);
    const bobsTile = tiles.rootOf('pBob');
    const [menuButton] = bobsTile.byClass('tile-menu-button');
    menuButton.dispatch('click');
    const [menu] = bobsTile.byClass('tile-menu');
    assert.equal(menu.hidden, false);
    const pin = menu.descendants().find(n => n.getAttribute('data-action') === 'pin');
    assert.equal(pin.textContent, 'Pin to the stage');
    pin.dispatch('click');
    assert.equal(layout.pinned, 'pBob');
    assert.equal(el.stage.children[0], bobsTile);
    assert.equal(bobsTile.getAttribute('data-pinned'), 'true');
    layout.togglePin('pBob');
    assert.equal(el.tiles.getAttribute('data-layout'), 'grid');
  });

  test('more tile actions can be added to every tile\'s menu', () => {
    const doc = new FakeDocument();
    const el = Object.fromEntries(['tiles', 'stage', 'strip', 'selfTile', 'selfName', 'selfStatus', 'selfPlaceholderName', 'selfAvatar']
      .map(id => [id, doc.createElement('div')]));
    el.localVideo = doc.createElement('video');
    const ran = [];
    const tiles = new TilesView({
      doc, elements: el, createStream: t => new FakeStream(t),
      tileActions: [{ id: 'mute-for-all', label: () => 'Mute for everyone', available: t => t.key !== 'self', run: t => ran.push(t.participantId) }],
    });
    tiles.render([bob]);
    const root = tiles.rootOf('pBob');
    root.byClass('tile-menu-button')[0].dispatch('click');
    const item = root.byClass('tile-menu')[0].descendants().find(n => n.getAttribute('data-action') === 'mute-for-all');
    item.dispatch('click');
    assert.deepEqual(ran, ['pBob']);
    el.selfTile.byClass('tile-menu-button')[0].dispatch('click');
    assert.equal(el.selfTile.byClass('tile-menu')[0].descendants().length, 0, 'not offered where it does not apply');
  });

  test('the speaker layout follows who spoke last', () => {
    const { el, layout, tiles } = setup();
    tiles.render([bob, { ...bob, participantId: 'pCid', displayName: 'Cid' }]);
    layout.setMode('speaker');
    assert.equal(el.tiles.getAttribute('data-stage'), 'pBob');
    layout.spoke('pCid');
    assert.equal(el.tiles.getAttribute('data-stage'), 'pCid');
    layout.spoke('self');
    assert.equal(el.tiles.getAttribute('data-stage'), 'pCid');
  });
});
