import type { RevealMessage } from '../protocol/webview-messages.js';

// Clicking (or pressing Enter or Space on) an item or a box of the rendered view asks the extension to reveal
// where it is written. Items are located by the renderer's data-uri / data-line / data-character attributes.

/** The item under `target`, else its box: the innermost element the renderer located. */
export function activatable(target: EventTarget | null): Element | undefined {
    if (!(target instanceof Element)) return undefined;
    return target.closest('[data-element][data-uri]') ?? target.closest('[data-box][data-uri]') ?? undefined;
}

function position(value: string | null): number | undefined {
    if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
    return Number(value);
}

/** The reveal message for an element, or undefined when its location attributes are missing or malformed. */
export function revealMessageOf(element: Element): RevealMessage | undefined {
    const uri = element.getAttribute('data-uri');
    const line = position(element.getAttribute('data-line'));
    const character = position(element.getAttribute('data-character'));
    if (!uri || line === undefined || character === undefined) return undefined;
    return { type: 'reveal', uri, line, character };
}

/** The element's key for focus and highlight: its `data-element`, else `box:<name>`. */
export function keyOf(element: Element): string | undefined {
    const item = element.getAttribute('data-element');
    if (item) return item;
    const box = element.getAttribute('data-box');
    return box ? `box:${box}` : undefined;
}

export function findByKey(root: ParentNode, key: string): Element[] {
    const [attribute, value] = key.startsWith('box:') ? ['data-box', key.slice(4)] : ['data-element', key];
    // Compared as strings rather than put into a selector: keys come from the user's IDs.
    return [...root.querySelectorAll(`[${attribute}]`)].filter(element => element.getAttribute(attribute) === value);
}

/** Listens on the content root: click, Enter and Space reveal; links never navigate the webview. */
export function listenForActivation(root: HTMLElement, post: (message: RevealMessage) => void): void {
    const activate = (target: EventTarget | null): boolean => {
        const element = activatable(target);
        const message = element && revealMessageOf(element);
        if (message) post(message);
        return message !== undefined;
    };
    root.addEventListener('click', event => {
        if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
        if (event.button === 0) activate(event.target);
    });
    root.addEventListener('keydown', event => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        // Only the focused item itself: Enter on a box does not reveal the item last clicked in it.
        const target = event.target;
        if (!(target instanceof Element) || activatable(target) !== target) return;
        if (activate(target)) event.preventDefault();
    });
}
