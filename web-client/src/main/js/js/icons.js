/**
 * The page's icons, drawn from a few SVG shapes built node by node (never parsed from markup). Every
 * icon is decorative (aria-hidden): the control or badge that carries it has a text label.
 */

const SVG = 'http://www.w3.org/2000/svg';

const slash = ['line', { x1: 3, y1: 3, x2: 21, y2: 21 }];
const mic = [
  ['rect', { x: 9, y: 2.5, width: 6, height: 11, rx: 3 }],
  ['path', { d: 'M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M8.5 21h7' }],
];
const camera = [
  ['rect', { x: 2.5, y: 6, width: 13, height: 12, rx: 2 }],
  ['path', { d: 'M15.5 10.5l6-3.5v10l-6-3.5z' }],
];

const SHAPES = Object.freeze({
  mic,
  'mic-off': [...mic, slash],
  camera,
  'camera-off': [...camera, slash],
  screen: [
    ['rect', { x: 2.5, y: 4, width: 19, height: 13, rx: 1.5 }],
    ['path', { d: 'M8 21h8M12 17v4M12 13.5V7.5M9 10l3-3 3 3' }],
  ],
  chat: [['path', { d: 'M4 5h16v11H9l-5 4z' }]],
  people: [
    ['circle', { cx: 9, cy: 8, r: 3.5 }],
    ['path', { d: 'M2.5 20c.5-4 3-6 6.5-6s6 2 6.5 6M16 4.8a3.5 3.5 0 0 1 0 6.5M18 14.5c2 .8 3.2 2.6 3.5 5.5' }],
  ],
  grid: [
    ['rect', { x: 3, y: 3, width: 8, height: 8, rx: 1 }],
    ['rect', { x: 13, y: 3, width: 8, height: 8, rx: 1 }],
    ['rect', { x: 3, y: 13, width: 8, height: 8, rx: 1 }],
    ['rect', { x: 13, y: 13, width: 8, height: 8, rx: 1 }],
  ],
  speaker: [
    ['rect', { x: 3, y: 3, width: 18, height: 12, rx: 1 }],
    ['rect', { x: 3, y: 17, width: 5, height: 4, rx: 1 }],
    ['rect', { x: 9.5, y: 17, width: 5, height: 4, rx: 1 }],
    ['rect', { x: 16, y: 17, width: 5, height: 4, rx: 1 }],
  ],
  link: [['path', { d: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1' }]],
  settings: [
    ['circle', { cx: 12, cy: 12, r: 3 }],
    ['path', { d: 'M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1' }],
  ],
  help: [
    ['circle', { cx: 12, cy: 12, r: 9.5 }],
    ['path', { d: 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 1-1 1.7v.5M12 17v.5' }],
  ],
  leave: [['path', { d: 'M3 14.5c5-5 13-5 18 0l-2.5 2.5-3-1.5v-2.5a10 10 0 0 0-7 0v2.5l-3 1.5z' }]],
  pin: [['path', { d: 'M9 3h6l-1 6 3 3v2H7v-2l3-3zM12 14v7' }]],
  fullscreen: [['path', { d: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5' }]],
  more: [
    ['circle', { cx: 12, cy: 5.5, r: 1.5 }],
    ['circle', { cx: 12, cy: 12, r: 1.5 }],
    ['circle', { cx: 12, cy: 18.5, r: 1.5 }],
  ],
  close: [['path', { d: 'M6 6l12 12M18 6L6 18' }]],
});

export const ICON_NAMES = Object.freeze(Object.keys(SHAPES));

/** A decorative <svg> icon; unknown names give an empty one. */
export function icon(doc, name) {
  const svg = doc.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', class: `icon icon-${name}`, 'aria-hidden': 'true', focusable: 'false' })) {
    svg.setAttribute(k, v);
  }
  for (const [tag, attrs] of SHAPES[name] ?? []) {
    const shape = doc.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, String(v));
    svg.appendChild(shape);
  }
  return svg;
}

const buttonParts = new WeakMap();

/** Gives a button an icon and a text label (the label is its text, so it is its accessible name). */
export function labelButton(doc, button, iconName, label) {
  let parts = buttonParts.get(button);
  if (!parts) {
    const text = doc.createElement('span');
    text.className = 'button-label';
    parts = { svg: null, name: null, text };
    buttonParts.set(button, parts);
  }
  if (parts.name !== iconName) {
    parts.svg = icon(doc, iconName);
    parts.name = iconName;
    button.replaceChildren(parts.svg, parts.text);
  }
  if (parts.text.textContent !== label) parts.text.textContent = label;
}
