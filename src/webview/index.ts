// The preview's script in the webview (bundled to media/preview.js). It shows the renderer's fragment that the
// extension sends, keeps scroll, pan and zoom across updates and reloads, highlights the element under the
// editor's cursor, and posts back clicks (reveal), the Problems button and PNG exports. See src/protocol/webview-messages.ts.
import { activatable, findByKey, keyOf, listenForActivation } from './activation.js';
import { MapCards } from './map-cards.js';
import { MapControls } from './map-controls.js';
import { MapFilter } from './map-filter.js';
import { isFiltering } from '../model/work-filter.js';
import type { DiagnosticCounts, FromWebviewMessage, PreviewState, ToWebviewMessage, UpdateMessage } from '../protocol/webview-messages.js';
import { parsePreviewState } from './preview-state.js';
import { copyPng } from './clipboard-png.js';
import { rasterize } from './rasterize.js';
import { problemsShortText, problemsText, shellIds } from './shell.js';
import { fitHeader } from './header-fit.js';

interface VsCodeApi {
    postMessage(message: FromWebviewMessage): void;
    getState(): unknown;
    setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: FromWebviewMessage) => vscode.postMessage(message);

function shellElement(id: string): HTMLElement {
    const element = document.getElementById(id);
    if (!element) throw new Error(`The preview's shell has no #${id}`);
    return element;
}
const title = shellElement(shellIds.title);
const viewInfo = shellElement(shellIds.viewInfo);
const problems = shellElement(shellIds.problems);
const content = shellElement(shellIds.content);

const restored = parsePreviewState(vscode.getState());
let state: PreviewState = restored ?? { zoom: 1, pan: { x: 0, y: 0 }, scroll: { x: 0, y: 0 } };
/** The canvas on screen (undefined: the map); absent until the first update. */
let shown: { canvas?: string; html: string } | undefined;
let highlighted: string | undefined;

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function save(): void {
    // Dragging the map or scrolling changes the state on every frame; the host needs it only now and then.
    saveTimer ??= setTimeout(() => {
        saveTimer = undefined;
        vscode.setState(state);
    }, 100);
}

function saveNow(): void {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    vscode.setState(state);
}

const map = new MapControls(content, shellElement(shellIds.mapTools), transform => {
    state = { ...state, zoom: transform.zoom, pan: transform.pan };
    save();
});
if (restored && restored.canvas === undefined) map.restore(restored);
const cards = new MapCards(content, () => map.command('fit'), (expanded, open) => {
    state = { ...state, expanded };
    if (expanded.length === 0) delete state.expanded;
    saveNow();
    post(open === undefined ? { type: 'expand', cards: expanded } : { type: 'expand', cards: expanded, open });
}, restored ?? {}, focus => {
    state = { ...state, focus };
    if (focus === undefined) delete state.focus;
    saveNow();
});

let diagnostics: DiagnosticCounts = { errors: 0, warnings: 0, infos: 0 };
function byId<T extends HTMLElement>(id: string, type: { new(): T }): T {
    const element = shellElement(id);
    if (!(element instanceof type)) throw new Error(`The preview's shell has a #${id} of the wrong kind`);
    return element;
}
let fitNextMap = false;
const filter = new MapFilter({
    root: shellElement(shellIds.filter),
    toggle: byId(shellIds.filterToggle, HTMLButtonElement),
    input: byId(shellIds.filterInput, HTMLInputElement),
    clear: byId(shellIds.filterClear, HTMLButtonElement),
    note: shellElement(shellIds.filterNote)
}, (query, workFilter) => {
    // Where the whole map was panned to says nothing of where the filtered one is: the next map is fitted.
    fitNextMap = true;
    state = { ...state, filter: query };
    if (!query) delete state.filter;
    saveNow();
    post({ type: 'filter', filter: workFilter });
}, restored?.filter);

/** A filter that keeps nothing: said in words, with a way back, rather than an empty map. */
function showNothingMatches(): void {
    const words = document.createElement('code');
    words.textContent = filter.query;
    const sentence = document.createElement('p');
    sentence.append('Nothing matches ', words);
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Clear the filter';
    clear.addEventListener('click', () => filter.clear());
    const empty = document.createElement('div');
    empty.className = 'filter-empty';
    empty.setAttribute('role', 'status');
    empty.append(sentence, clear);
    content.replaceChildren(empty);
}

function showDiagnostics(counts: DiagnosticCounts): void {
    diagnostics = counts;
    const text = problemsText(counts);
    problems.textContent = text;
    problems.setAttribute('aria-label', `${text}: show the Problems panel`);
    problems.title = `${text}: show the Problems panel`;
    problems.classList.toggle('has-errors', counts.errors > 0);
    problems.classList.toggle('has-warnings', counts.errors === 0 && counts.warnings > 0);
}

/**
 * The header is one line: the shell's title, then the view's counts and its legend (a disclosure), moved from the
 * view's own header, which the shell's style hides with the title, kind and ID it repeats.
 */
/** The header on one line, nothing cut mid-word (header-fit.ts): after each update and when the panel is resized. */
function fitHeaderLine(): void {
    fitHeader(title.parentElement!, title, viewInfo.querySelector<HTMLElement>('.view-summary') ?? undefined,
        { element: problems, long: problemsText(diagnostics), short: problemsShortText(diagnostics) });
}

function moveViewInfo(): void {
    const header = content.querySelector('.strategy-view > .view-header');
    const parts = header ? [...header.querySelectorAll<HTMLElement>(':scope > .view-summary, :scope > .view-legend')] : [];
    for (const part of parts) if (part.classList.contains('view-summary')) part.title = part.textContent ?? '';
    viewInfo.replaceChildren(...parts);
    // The view's title (a canvas's declaration) was a link to where it is written: the shell's title is that link now.
    const source = header?.querySelector('.view-title[data-element][data-uri]');
    for (const name of ['data-element', 'data-uri', 'data-line', 'data-character']) {
        const value = source?.getAttribute(name);
        if (value === null || value === undefined) title.removeAttribute(name);
        else title.setAttribute(name, value);
    }
    if (source) {
        title.tabIndex = 0;
        title.setAttribute('role', 'button');
    } else {
        title.removeAttribute('tabindex');
        title.removeAttribute('role');
    }
}

function bringIntoView(element: Element): void {
    if (map.attached && element.closest('.map-viewport')) {
        map.show(element);
        return;
    }
    const box = content.getBoundingClientRect();
    const target = element.getBoundingClientRect();
    if (target.top < box.top || target.bottom > box.bottom || target.left < box.left || target.right > box.right) {
        // As the editor reveals a line: to the middle, and only when it is outside the view.
        element.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
}

function applyHighlight(reveal: boolean): void {
    for (const element of [...content.querySelectorAll('.highlighted')]) element.classList.remove('highlighted');
    if (!highlighted) return;
    const elements = findByKey(content, highlighted);
    for (const element of elements) element.classList.add('highlighted');
    if (reveal && elements[0]) bringIntoView(elements[0]);
}

function focusedKey(): string | undefined {
    const focused = document.activeElement;
    if (!focused || !content.contains(focused)) return undefined;
    const element = activatable(focused);
    return element && keyOf(element);
}

function update(message: UpdateMessage): void {
    title.textContent = message.title;
    // The canvas's ID, which the view's own header showed beside its title, as a tooltip with the whole title (the line
    // may cut it). The ID first: an attribute never starts with the user's text, such as `javascript:`.
    if (message.source.canvas) title.title = `${message.source.canvas} · ${message.title}`;
    else title.removeAttribute('title');
    document.title = message.title;
    showDiagnostics(message.diagnostics);
    const canvas = message.source.canvas;
    filter.setAvailable(canvas === undefined && message.comparing !== true);
    if (message.nothingMatches === true && canvas === undefined) {
        showNothingMatches();
        // What the header showed was the last map's: the empty state has no counts, legend or zoom.
        viewInfo.replaceChildren();
        map.attach(undefined);
        shown = { canvas, html: '' };
        fitHeaderLine();
        return;
    }
    if (shown && shown.canvas === canvas && shown.html === message.html) {
        fitHeaderLine();
        return;
    }
    // The same canvas (or the map) keeps its scroll; another starts at the top, or where it was before a reload.
    const scroll = shown?.canvas === canvas ? { x: content.scrollLeft, y: content.scrollTop }
        : !shown && restored && restored.canvas === canvas ? restored.scroll
            : { x: 0, y: 0 };
    const focus = focusedKey();
    // The renderer escapes every text of the .strategy files; the CSP would block any script all the same.
    content.innerHTML = message.html;
    shown = { canvas, html: message.html };
    moveViewInfo();
    cards.apply();
    map.attach(content.querySelector<HTMLElement>('.map-viewport') ?? undefined);
    fitHeaderLine();
    if (fitNextMap && canvas === undefined) {
        fitNextMap = false;
        map.command('fit');
    }
    content.scrollTo(scroll.x, scroll.y);
    if (focus) (findByKey(content, focus)[0] as HTMLElement | SVGElement | undefined)?.focus({ preventScroll: true });
    applyHighlight(false);
    state = { ...state, uri: message.source.uri, canvas, scroll: { x: content.scrollLeft, y: content.scrollTop } };
    if (state.uri === undefined) delete state.uri;
    if (state.canvas === undefined) delete state.canvas;
    // At once: the serializer reads which canvas to bring back from this state after a window reload.
    saveNow();
}

async function answerRasterize(id: number, svg: string, scale: number, copy: boolean): Promise<void> {
    try {
        const data = await rasterize(svg, scale);
        if (copy) await copyPng(data);
        post({ type: 'png', id, data });
    } catch (error) {
        post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
    }
}

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage>) => {
    const message = event.data;
    if (typeof message !== 'object' || message === null) return;
    switch (message.type) {
        case 'update':
            if (typeof message.html === 'string') update(message);
            break;
        case 'diagnostics':
            showDiagnostics(message.diagnostics);
            fitHeaderLine();
            break;
        case 'highlight':
            highlighted = typeof message.element === 'string' ? message.element : undefined;
            applyHighlight(true);
            break;
        case 'card':
            if (typeof message.card === 'string' && typeof message.html === 'string' && shown?.canvas === undefined) {
                cards.receive(message.card, message.html);
                // The element under the editor's cursor may be one of the whole card's.
                applyHighlight(false);
            }
            break;
        case 'rasterize':
            void answerRasterize(message.id, message.svg, message.scale, message.copy === true);
            break;
    }
});

listenForActivation(content, post);
listenForActivation(title, post);
problems.addEventListener('click', () => post({ type: 'showProblems' }));
window.addEventListener('resize', fitHeaderLine);
// The changes view's button ("Compare with Revision…"): the extension renders the preview's usual view again.
content.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-action="leave-comparison"]')) post({ type: 'leaveComparison' });
});
content.addEventListener('scroll', () => {
    state = { ...state, scroll: { x: content.scrollLeft, y: content.scrollTop } };
    save();
});
document.addEventListener('keydown', event => {
    const target = event.target;
    // Keys typed into a field are the field's.
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
        || (target instanceof HTMLElement && target.isContentEditable)) return;
    if (map.key(event)) event.preventDefault();
});

// A reloaded preview asks for the map with the filter its box shows again, and its expanded cards.
post({
    type: 'ready',
    ...(isFiltering(filter.filter) ? { filter: filter.filter } : {}),
    ...(cards.cards.length > 0 ? { expanded: cards.cards } : {})
});
