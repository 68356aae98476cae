// Building the page. Every text goes in as a text node: nothing from a report, a feed or an
// answer of the API is ever parsed as HTML: no markup is ever assigned to an element here.

/**
 * An element: h('button', {type: 'button', onclick: f, class: 'primary'}, 'Save', child, ...).
 * Attributes named on* become listeners; `text` sets textContent; null/false children are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'text') {
      element.textContent = String(value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' && 'value' in element) {
      element.value = value;
    } else if (name === 'checked' || name === 'selected' || name === 'disabled' || name === 'hidden') {
      element[name] = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `element` with `children`. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (no listeners, no text parsing). */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/**
 * `text` with the spans [start, end) wrapped in <mark>: text nodes and elements only. Offsets are
 * UTF-16 code units, as the classifier gives them and as JavaScript strings count. Overlapping
 * spans are merged; spans outside the text are ignored. `label(span)` names what a span stands for.
 */
export function highlighted(text, spans, label = () => null) {
  const fragment = document.createDocumentFragment();
  const valid = spans
    .filter((span) => Number.isInteger(span.start) && Number.isInteger(span.end)
      && span.start >= 0 && span.end <= text.length && span.start < span.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const span of valid) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.labels.add(label(span));
    } else {
      merged.push({start: span.start, end: span.end, labels: new Set([label(span)])});
    }
  }
  let at = 0;
  for (const span of merged) {
    if (span.start > at) fragment.append(document.createTextNode(text.slice(at, span.start)));
    const names = [...span.labels].filter(Boolean).join(', ');
    fragment.append(h('mark', {title: names || null}, text.slice(span.start, span.end)));
    at = span.end;
  }
  if (at < text.length) fragment.append(document.createTextNode(text.slice(at)));
  return fragment;
}

/** Says `message` to screen readers and shows it briefly. */
export function announce(message) {
  const status = document.getElementById('status');
  status.textContent = message;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { status.textContent = ''; }, 6000);
}
