/**
 * The only way the sidebar builds markup: createElement, text nodes and setAttribute. There is no
 * innerHTML (or insertAdjacentHTML, outerHTML, document.write) anywhere in src/ui, so text from users
 * is never parsed as HTML (DESIGN.md §6).
 */
import { displayText } from './escape';

export interface Props {
  className?: string;
  /** Shown as text (textContent), never as HTML. */
  text?: string;
  attrs?: Record<string, string>;
}

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) element.setAttribute(name, displayText(value));
  if (props.text !== undefined) element.textContent = displayText(props.text);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.appendChild(typeof child === 'string' ? document.createTextNode(displayText(child)) : child);
  }
  return element;
}

/** Sets an element's text (textContent: never HTML). */
export function setText(element: Element, text: string): void {
  element.textContent = displayText(text);
}

/** Empties an element and puts the given nodes in it. */
export function replaceChildren(element: Element, nodes: Node[]): void {
  while (element.firstChild) element.removeChild(element.firstChild);
  for (const node of nodes) element.appendChild(node);
}

/** An element of the static shell, by id, of the expected kind; a missing one is a build bug. */
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`Sidebar markup is missing #${id}.`);
  return element;
}

export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}
