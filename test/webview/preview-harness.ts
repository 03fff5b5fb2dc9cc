// The preview webview outside VS Code: the real shell (preview-html.ts), the real script (media/preview.js) and the
// real renderer's output, served from 127.0.0.1 to Debian's Chromium, with `acquireVsCodeApi` stubbed so posted
// messages and saved state can be read back. Shared by the browser test and scripts/screenshots.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Diagnostic } from 'vscode-languageserver';
import { loadWorkspace } from '../../src/cli/load-workspace.js';
export { chromiumPath, launchChromium, skipWithoutChromium } from '../chromium.js';
import { createNonce, previewShellHtml } from '../../src/extension/preview/preview-html.js';
import { elementKey, previewView, sourceUris, viewTitle, type PreviewView } from '../../src/model/preview-view.js';
import { previewCss } from '../../src/render/preview-styles.js';
import { mapCardSvg } from '../../src/render/map/alignment-map.js';
import { renderView } from '../../src/render/render-view.js';
import type { FromWebviewMessage, PreviewState, ToWebviewMessage, UpdateMessage } from '../../src/protocol/webview-messages.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const scriptFile = path.join(root, 'media', 'preview.js');

/** One view of a fixture, rendered in every format by the real renderer, as the server answers `strategy/render`. */
export interface RenderedView {
    canvas?: string;
    view: PreviewView;
    title: string;
    uris: string[];
    fragment: string;
    html: string;
    svg: string;
    md: string;
}

/** The views of a folder and the diagnostics of its files (as `strategy check` reports them). */
export interface RenderedWorkspace {
    views: RenderedView[];
    diagnostics: Diagnostic[];
}

/** The canvases (and, for `undefined`, the alignment map) of a folder of .strategy files, relative to the repository or absolute. */
export async function renderWorkspace(folder: string, canvases: Array<string | undefined>, today = '2026-11-23'): Promise<RenderedWorkspace> {
    const { services, documents } = await loadWorkspace([path.resolve(root, folder)], today);
    const model = services.strategy.WorkspaceModel.get();
    const views: RenderedView[] = [];
    for (const canvas of canvases) {
        const view = previewView(model, canvas);
        if (!view) throw new Error(`${folder} has no canvas ${canvas}`);
        views.push({
            canvas,
            view,
            title: viewTitle(view),
            uris: sourceUris(view),
            fragment: await renderView(view, 'fragment'),
            html: await renderView(view, 'html'),
            svg: await renderView(view, 'svg'),
            md: await renderView(view, 'md')
        });
    }
    return { views, diagnostics: documents.flatMap(document => document.diagnostics ?? []) };
}

export async function renderFixture(folder: string, canvases: Array<string | undefined>, today = '2026-11-23'): Promise<RenderedView[]> {
    return (await renderWorkspace(folder, canvases, today)).views;
}

export function updateMessage(rendered: RenderedView, counts = { errors: 0, warnings: 0, infos: 0 }): UpdateMessage {
    return {
        type: 'update',
        title: rendered.title,
        html: rendered.fragment,
        diagnostics: counts,
        source: { uri: rendered.uris[0], canvas: rendered.canvas }
    };
}

/** Serves the shell at /preview, the script at /media/, and any file put in `files` at its path. */
export class PreviewServer {
    readonly files = new Map<string, { body: string; type: string }>();
    private constructor(private readonly server: Server, readonly origin: string) {}

    static async start(): Promise<PreviewServer> {
        if (!existsSync(scriptFile)) throw new Error(`${scriptFile} is missing: run \`npm run build\` first`);
        const server = createServer();
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const preview = new PreviewServer(server, origin);
        server.on('request', (request, response) => {
            const url = new URL(request.url ?? '/', origin);
            if (url.pathname === '/favicon.ico') {
                response.writeHead(204).end();
                return;
            }
            const file = preview.file(url.pathname);
            if (!file) {
                response.writeHead(404).end();
                return;
            }
            response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
        });
        return preview;
    }

    private file(pathname: string): { body: string; type: string } | undefined {
        if (pathname === '/preview') {
            // A fresh nonce per load, as each webview.html the extension sets has its own.
            const html = previewShellHtml({ cspSource: this.origin, scriptUri: `${this.origin}/media/preview.js`, css: [previewCss], nonce: createNonce() });
            return { body: html, type: 'text/html; charset=utf-8' };
        }
        if (pathname === '/media/preview.js') return { body: readFileSync(scriptFile, 'utf8'), type: 'text/javascript; charset=utf-8' };
        return this.files.get(pathname);
    }

    close(): Promise<void> {
        return new Promise(resolve => this.server.close(() => resolve()));
    }
}

/**
 * `acquireVsCodeApi` as VS Code injects it before the page's own scripts: here it records what the webview posts
 * and saves; `securitypolicyviolation` events are recorded too. A string: it runs in the page, not in Node.
 */
function vscodeStub(savedState: PreviewState | undefined): string {
    return `(() => {
  window.__posted = [];
  window.__state = undefined;
  window.__violations = [];
  const saved = ${JSON.stringify(savedState ?? null)};
  document.addEventListener('securitypolicyviolation', event => {
    window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  });
  window.acquireVsCodeApi = () => Object.freeze({
    postMessage: message => { window.__posted.push(JSON.parse(JSON.stringify(message))); },
    getState: () => window.__state ?? saved ?? undefined,
    setState: state => { window.__state = JSON.parse(JSON.stringify(state)); return state; }
  });
})();`;
}

/** The variables VS Code sets on a webview's <html> for its Dark Modern theme, and the body class it adds. */
export const darkModern: Record<string, string> = {
    'vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
    'vscode-font-size': '13px',
    'vscode-font-weight': 'normal',
    'vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
    'vscode-editor-background': '#1f1f1f',
    'vscode-editor-foreground': '#cccccc',
    'vscode-foreground': '#cccccc',
    'vscode-descriptionForeground': '#9d9d9d',
    'vscode-disabledForeground': '#cccccc80',
    'vscode-focusBorder': '#0078d4',
    'vscode-contrastBorder': '',
    'vscode-panel-border': '#2b2b2b',
    'vscode-widget-border': '#313131',
    'vscode-editorWidget-background': '#202020',
    'vscode-editorWidget-border': '#454545',
    'vscode-sideBar-background': '#181818',
    'vscode-editorGroup-border': '#ffffff17',
    'vscode-textLink-foreground': '#4daafc',
    'vscode-textLink-activeForeground': '#4daafc',
    'vscode-textPreformat-foreground': '#d0d0d0',
    'vscode-textPreformat-background': '#3c3c3c',
    'vscode-textBlockQuote-background': '#2b2b2b',
    'vscode-textCodeBlock-background': '#0a0a0a66',
    'vscode-badge-background': '#616161',
    'vscode-badge-foreground': '#f8f8f8',
    'vscode-button-background': '#0078d4',
    'vscode-button-foreground': '#ffffff',
    'vscode-button-border': '#ffffff12',
    'vscode-button-secondaryBackground': '#313131',
    'vscode-button-secondaryForeground': '#cccccc',
    'vscode-button-secondaryHoverBackground': '#3c3c3c',
    'vscode-errorForeground': '#f85149',
    'vscode-editorError-foreground': '#f14c4c',
    'vscode-editorWarning-foreground': '#cca700',
    'vscode-editorInfo-foreground': '#3794ff',
    'vscode-charts-foreground': '#cccccc',
    'vscode-charts-lines': '#cccccc80',
    'vscode-charts-red': '#f14c4c',
    'vscode-charts-blue': '#3794ff',
    'vscode-charts-yellow': '#cca700',
    'vscode-charts-orange': '#d18616',
    'vscode-charts-green': '#89d185',
    'vscode-charts-purple': '#b180d7',
    'vscode-list-hoverBackground': '#2a2d2e',
    'vscode-list-activeSelectionBackground': '#04395e',
    'vscode-editor-selectionBackground': '#264f78',
    'vscode-scrollbarSlider-background': '#79797966',
    'vscode-progressBar-background': '#0078d4',
    'vscode-input-background': '#313131',
    'vscode-input-border': '#3c3c3c',
    'vscode-inputValidation-errorBorder': '#be1100',
    'vscode-inputValidation-warningBorder': '#b89500'
};

/** What VS Code's webview host does before the page's scripts: theme class and variables (a page script, as a string). */
function themeScript(variables: Record<string, string> | undefined, bodyClass: string): string {
    return `document.addEventListener('DOMContentLoaded', () => {
  const variables = ${JSON.stringify(variables ?? {})};
  for (const [name, value] of Object.entries(variables)) if (value) document.documentElement.style.setProperty('--' + name, value);
  document.body.classList.add(${JSON.stringify(bodyClass)});
  document.body.dataset.vscodeThemeKind = ${JSON.stringify(bodyClass)};
}, { once: true, capture: true });`;
}

export interface PreviewPage {
    page: Page;
    /** Messages the webview posted, oldest first. */
    posted(): Promise<FromWebviewMessage[]>;
    state(): Promise<PreviewState | undefined>;
    violations(): Promise<Array<{ directive: string; blocked: string; sample: string }>>;
    /** Posts a message to the webview and waits until its script has handled it. */
    send(message: ToWebviewMessage): Promise<void>;
    /** Dialogs opened (and dismissed) and console errors: a script from the content would cause one. */
    dialogs: string[];
    consoleErrors: string[];
    pageErrors: string[];
}

export interface PreviewPageOptions {
    width?: number;
    height?: number;
    /** VS Code's theme: its variables, its body class, and the colour scheme Electron reports with it. */
    theme?: { variables?: Record<string, string>; bodyClass: string; colorScheme?: 'light' | 'dark' };
    savedState?: PreviewState;
    /** Browser permissions granted to the page (VS Code's webview frame allows `clipboard-write`). */
    permissions?: string[];
}

/** A page with the preview's shell loaded and its script ready (it has posted `ready`). */
export async function openPreview(browser: Browser, server: PreviewServer, options: PreviewPageOptions = {}): Promise<PreviewPage> {
    const theme = options.theme ?? { bodyClass: 'vscode-light', colorScheme: 'light' };
    const page = await browser.newPage({
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        deviceScaleFactor: 1,
        colorScheme: theme.colorScheme ?? 'light',
        permissions: options.permissions ?? []
    });
    const dialogs: string[] = [];
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    page.on('dialog', dialog => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    page.on('console', message => {
        if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', error => pageErrors.push(error.message));
    await page.addInitScript(vscodeStub(options.savedState));
    await page.addInitScript(themeScript(theme.variables, theme.bodyClass));
    await page.goto(`${server.origin}/preview`);
    const posted = () => page.evaluate(() => (globalThis as any).__posted as FromWebviewMessage[]);
    await page.waitForFunction(() => ((globalThis as any).__posted as Array<{ type: string }>).some(message => message.type === 'ready'));
    // Resolves once the webview's own listener (registered first) has handled the message.
    const send = (message: ToWebviewMessage) => page.evaluate(value => new Promise<void>(resolve => {
        const window = globalThis as any;
        window.addEventListener('message', () => setTimeout(resolve, 0), { once: true });
        window.postMessage(value, '*');
    }), message);
    return {
        page,
        posted,
        state: () => page.evaluate(() => (globalThis as any).__state as PreviewState | undefined),
        violations: () => page.evaluate(() => (globalThis as any).__violations),
        send,
        dialogs,
        consoleErrors,
        pageErrors
    };
}

/** A page or one of its frames: anything that runs a function in a document. */
export type DocumentScope = Pick<Page, 'evaluate'>;

/** Elements anywhere in the page that content must never create, and attributes it must never carry. */
export async function activeContent(page: DocumentScope): Promise<string[]> {
    return page.evaluate(() => {
        const document = (globalThis as any).document;
        const found: string[] = [];
        for (const element of document.querySelectorAll('*')) {
            const name = element.localName as string;
            if (['iframe', 'object', 'embed', 'img', 'math', 'textarea', 'frame', 'frameset', 'base', 'form'].includes(name)) found.push(`<${name}>`);
            for (const attribute of element.attributes) {
                if (/^on/i.test(attribute.name)) found.push(`${name}[${attribute.name}]`);
                // The one style the script sets, through CSSOM: the map's pan and zoom.
                const panZoom = element.matches('.map-viewport > svg') && /^transform: [^;]*;$/.test(attribute.value);
                // An empty one sets nothing: Playwright's screenshot leaves one on a text field whose caret it hid.
                if (attribute.name === 'style' && !panZoom && attribute.value.trim() !== '') found.push(`${name}[style]`);
                if (/^\s*javascript:/i.test(attribute.value)) found.push(`${name}[${attribute.name}=javascript:]`);
            }
        }
        return found;
    });
}

export async function pwned(page: DocumentScope): Promise<unknown> {
    return page.evaluate(() => (globalThis as any).__pwned);
}

/**
 * Answers, as the extension does through `strategy/renderCard`, each `expand` the webview posted that asks for a whole
 * card (`open`) the page still lacks: with the card of `view`, the map the page shows. Resolves to the cards sent.
 */
export async function answerCards(preview: PreviewPage, view: PreviewView): Promise<string[]> {
    const asked = [...new Set((await preview.posted()).flatMap(message => message.type === 'expand' && message.open !== undefined ? [message.open] : []))];
    const lacking = await preview.page.evaluate(keys => {
        const document = (globalThis as any).document;
        const nodes: any[] = [...document.querySelectorAll('.nodes [data-node]')];
        return keys.filter(key => {
            const node = nodes.find(each => (each.getAttribute('data-element') ?? `group:${each.getAttribute('data-node')}`) === key);
            return node && !document.querySelector(`.map-whole[data-whole="${node.getAttribute('data-node')}"]`);
        });
    }, asked);
    const sent: string[] = [];
    for (const card of lacking) {
        const html = view.view === 'map' ? mapCardSvg(view, card) : undefined;
        if (html === undefined) continue;
        await preview.send({ type: 'card', card, html });
        sent.push(card);
    }
    return sent;
}

/** The map's fragment as the preview gets it with every card expanded: each card's whole card included. */
export function expandedFragment(view: PreviewView): Promise<string> {
    return renderView(view, 'fragment', new Set(cardKeys(view)));
}

function cardKeys(view: PreviewView): string[] {
    if (view.view !== 'map') return [];
    const keys = ['group:health', 'group:not-aligned'];
    const stack = [...view.tree.objectives];
    while (stack.length > 0) {
        const objective = stack.pop()!;
        keys.push(elementKey('objective', objective.id));
        stack.push(...objective.children);
    }
    return keys;
}
