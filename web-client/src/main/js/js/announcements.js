/**
 * What a screen reader is told about changes in the call, through one aria-live region: who joined
 * and who left, who started or stopped sharing. Pure diffing; Announcer writes the text.
 */

/**
 * @param {{participantId: string, displayName: string, sharing?: boolean}[]} before
 * @param {{participantId: string, displayName: string, sharing?: boolean}[]} after
 * @returns {string[]} in the order they happened to the list
 */
export function membershipAnnouncements(before, after) {
  const was = new Map(before.map(p => [p.participantId, p]));
  const is = new Map(after.map(p => [p.participantId, p]));
  const lines = [];
  for (const p of after) {
    const old = was.get(p.participantId);
    if (!old) lines.push(`${p.displayName} joined`);
    else if (!old.sharing && p.sharing) lines.push(`${p.displayName} is sharing their screen`);
    else if (old.sharing && !p.sharing) lines.push(`${p.displayName} stopped sharing`);
  }
  for (const p of before) if (!is.has(p.participantId)) lines.push(`${p.displayName} left`);
  return lines;
}

/** Appends announcements to a live region, keeping only the last few so it never grows. */
export class Announcer {
  constructor({ doc, region, keep = 3 }) {
    this.doc = doc;
    this.region = region;
    this.keep = keep;
  }

  say(text) {
    if (!this.region || !text) return;
    const line = this.doc.createElement('p');
    line.textContent = text;
    this.region.append(line);
    while (this.region.children.length > this.keep) this.region.children[0].remove();
  }
}
