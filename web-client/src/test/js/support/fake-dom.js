/**
 * A minimal document for rendering tests. It implements only what the views use, and it refuses
 * every way of parsing a string as markup, so a view that tried would fail the test loudly.
 */

class FakeText {
  constructor(data) {
    this.nodeType = 3;
    this.data = String(data);
    this.parentNode = null;
  }

  get textContent() {
    return this.data;
  }

  remove() {
    this.parentNode?.removeChild(this);
  }
}

const MARKUP_SINKS = ['innerHTML', 'outerHTML'];

export class FakeElement {
  constructor(tagName, ownerDocument) {
    this.nodeType = 1;
    this.tagName = tagName.toUpperCase();
    this.ownerDocument = ownerDocument;
    this.childNodes = [];
    this.parentNode = null;
    this.attributes = new Map();
    this.listeners = new Map();
    this.hidden = false;
    this.className = '';
    this.value = '';
    /** Inline styles the views set (tile sizes). */
    this.style = {};
    /** Layout figures a test sets to stand for the browser's measurement. */
    this.clientWidth = 0;
    this.clientHeight = 0;
    this.scrollTop = 0;
    this.scrollHeight = 0;
    for (const sink of MARKUP_SINKS) {
      Object.defineProperty(this, sink, {
        get() {
          throw new Error(`${sink} read on <${tagName}>`);
        },
        set() {
          throw new Error(`${sink} written on <${tagName}>: user text must never be parsed as HTML`);
        },
      });
    }
  }

  insertAdjacentHTML() {
    throw new Error('insertAdjacentHTML used: user text must never be parsed as HTML');
  }

  get children() {
    return this.childNodes.filter(node => node.nodeType === 1);
  }

  /** A select's choices. */
  get options() {
    return this.children.filter(node => node.tagName === 'OPTION');
  }

  get classList() {
    const names = () => this.className.split(/\s+/).filter(Boolean);
    return {
      contains: name => names().includes(name),
      add: name => {
        if (!names().includes(name)) this.className = [...names(), name].join(' ');
      },
      remove: name => {
        this.className = names().filter(n => n !== name).join(' ');
      },
    };
  }

  get textContent() {
    return this.childNodes.map(node => node.textContent).join('');
  }

  set textContent(value) {
    for (const node of this.childNodes) node.parentNode = null;
    this.childNodes = [];
    const text = String(value ?? '');
    if (text !== '') this.#adopt(new FakeText(text));
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  hasAttribute(name) {
    return this.attributes.has(name);
  }

  removeAttribute(name) {
    this.attributes.delete(name);
  }

  append(...nodes) {
    for (const node of nodes) {
      this.#adopt(typeof node === 'string' ? new FakeText(node) : node);
    }
  }

  appendChild(node) {
    this.#adopt(node);
    return node;
  }

  replaceChildren(...nodes) {
    for (const node of this.childNodes) node.parentNode = null;
    this.childNodes = [];
    this.append(...nodes);
  }

  removeChild(node) {
    this.childNodes = this.childNodes.filter(n => n !== node);
    node.parentNode = null;
    return node;
  }

  remove() {
    this.parentNode?.removeChild(this);
  }

  addEventListener(type, listener) {
    const list = this.listeners.get(type) ?? [];
    list.push(listener);
    this.listeners.set(type, list);
  }

  /** Calls the listeners of one event type with a minimal event object. */
  dispatch(type, init = {}) {
    const event = { type, target: this, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...init };
    for (const listener of this.listeners.get(type) ?? []) listener(event);
    return event;
  }

  focus() {
    this.ownerDocument.activeElement = this;
  }

  contains(node) {
    for (let n = node; n; n = n.parentNode) if (n === this) return true;
    return false;
  }

  closest(selector) {
    // Only the `tag.class` and `.class` forms the views use.
    const [tag, cls] = selector.includes('.') ? selector.split('.') : [selector, null];
    for (let n = this; n && n.nodeType === 1; n = n.parentNode) {
      if ((!tag || n.tagName === tag.toUpperCase()) && (!cls || n.classList.contains(cls))) return n;
    }
    return null;
  }

  /** Every element below this one, depth first. */
  descendants() {
    return this.children.flatMap(child => [child, ...child.descendants()]);
  }

  /** Test convenience: elements below this one whose class list has `name`. */
  byClass(name) {
    return this.descendants().filter(node => node.classList.contains(name));
  }

  #adopt(node) {
    if (node.parentNode) node.parentNode.removeChild(node);
    node.parentNode = this;
    this.childNodes.push(node);
  }
}

export class FakeDocument {
  constructor() {
    this.created = [];
    this.activeElement = null;
  }

  createElement(tagName) {
    const node = new FakeElement(tagName, this);
    this.created.push(node);
    return node;
  }

  createElementNS(namespace, tagName) {
    const node = new FakeElement(tagName, this);
    node.namespaceURI = namespace;
    this.created.push(node);
    return node;
  }

  createTextNode(data) {
    return new FakeText(data);
  }
}
