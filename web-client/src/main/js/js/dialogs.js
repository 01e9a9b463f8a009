/**
 * A modal dialog over the page: shown and hidden through the hidden attribute, closed with Escape or
 * its close button, focus moved into it and given back to where it was.
 */

export class Dialog {
  /**
   * @param {{root: HTMLElement, close?: HTMLElement|null, initialFocus?: () => HTMLElement|null, doc?: Document}} options
   */
  constructor({ root, close = null, initialFocus = null, doc = root.ownerDocument }) {
    this.root = root;
    this.doc = doc;
    this.initialFocus = initialFocus;
    this.returnFocus = null;
    close?.addEventListener('click', () => this.hide());
    root.addEventListener('keydown', event => {
      if (event.key === 'Escape') {
        event.stopPropagation?.();
        this.hide();
      }
    });
    // A click on the backdrop (outside the dialog box) closes it.
    root.addEventListener('click', event => {
      if (event.target === root) this.hide();
    });
  }

  get open() {
    return !this.root.hidden;
  }

  show() {
    this.returnFocus = this.doc?.activeElement ?? null;
    this.root.hidden = false;
    (this.initialFocus?.() ?? this.root.querySelector?.('button, select, input'))?.focus?.();
  }

  hide() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.returnFocus?.focus?.();
    this.returnFocus = null;
  }

  toggle() {
    if (this.open) this.hide();
    else this.show();
  }
}
