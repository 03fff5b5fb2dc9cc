import {
    Hover, languages, MarkdownString, Range, Uri, workspace, DocumentLink, type CancellationToken, type Disposable,
    type DocumentLinkProvider, type DocumentSelector, type Event, type HoverProvider, type Position, type TextDocument
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { findTicketMentions, maxScannedLength, ticketMentionAt } from '../model/ticket-keys.js';
import {
    settingsSection, ticketHoverRequest, ticketKeysRequest, type TicketHoverParams, type TicketKey
} from '../protocol/strategy-protocol.js';

/**
 * The workspace's ticket IDs, fetched from the server when first needed after a change: edits to .strategy files
 * mark it stale, and only a link or hover request in some other file pays for the refetch, once.
 */
interface TicketKeys {
    ids: ReadonlySet<string>;
    byId: ReadonlyMap<string, TicketKey>;
}

class TicketKeyIndex {
    private keys: Promise<TicketKeys> | undefined;

    constructor(private readonly client: LanguageClient) {}

    markStale(): void {
        this.keys = undefined;
    }

    get(): Promise<TicketKeys> {
        this.keys ??= this.client.sendRequest(ticketKeysRequest).then(
            keys => {
                // With a duplicate ID the first definition is the link's target, as go-to-definition would pick one.
                const byId = new Map<string, TicketKey>();
                for (const key of keys) if (!byId.has(key.id)) byId.set(key.id, key);
                return { ids: new Set(byId.keys()), byId };
            },
            () => {
                // The server is restarting or failed: try again on the next request rather than keep an empty set.
                this.keys = undefined;
                return { ids: new Set<string>(), byId: new Map<string, TicketKey>() };
            });
        return this.keys;
    }
}

/** Live, and per language: `"[markdown]": { "strategy.ticketLinks.enabled": false }` turns it off for Markdown only. */
function linksWanted(document: TextDocument): boolean {
    if (document.languageId === 'strategy' || document.uri.path.endsWith('.strategy')) return false;
    if (!workspace.getConfiguration(settingsSection, document).get<boolean>('ticketLinks.enabled', true)) return false;
    // The length without copying the text out of the editor: offsetAt clamps to the end of the document.
    return document.offsetAt(new Range(0, 0, document.lineCount, 0).end) <= maxScannedLength;
}

function targetOf(key: TicketKey): Uri {
    const { line, character } = key.location.range.start;
    // `#L12,8` is how VS Code's link opener takes a line and column.
    return Uri.parse(key.location.uri).with({ fragment: `L${line + 1},${character + 1}` });
}

class TicketLinkProvider implements DocumentLinkProvider, HoverProvider {
    constructor(private readonly client: LanguageClient, private readonly index: TicketKeyIndex) {}

    async provideDocumentLinks(document: TextDocument): Promise<DocumentLink[]> {
        if (!linksWanted(document)) return [];
        const keys = await this.index.get();
        if (keys.ids.size === 0) return [];
        return findTicketMentions(document.getText(), keys.ids).map(mention => {
            const target = targetOf(keys.byId.get(mention.id)!);
            const link = new DocumentLink(new Range(document.positionAt(mention.start), document.positionAt(mention.end)), target);
            link.tooltip = `Go to ticket ${mention.id}`;
            return link;
        });
    }

    async provideHover(document: TextDocument, position: Position, token: CancellationToken): Promise<Hover | undefined> {
        if (!linksWanted(document)) return undefined;
        const keys = await this.index.get();
        const line = document.lineAt(position.line).text;
        const mention = ticketMentionAt(line, position.character, keys.ids);
        if (!mention || token.isCancellationRequested) return undefined;
        const params: TicketHoverParams = { id: mention.id };
        const hover = await this.client.sendRequest(ticketHoverRequest, params, token);
        if (!hover) return undefined;
        // The Markdown escapes everything taken from the files, so it is not trusted and runs no command links.
        return new Hover(new MarkdownString(hover.markdown), new Range(position.line, mention.start, position.line, mention.end));
    }
}

/**
 * Ticket IDs in every other text file (code comments, commit messages, Markdown) become links to the ticket's
 * definition and hover with its chain to the objectives. Only IDs the workspace defines are linked.
 */
export function registerTicketLinks(client: LanguageClient, onModelChanged: Event<void>): Disposable[] {
    const index = new TicketKeyIndex(client);
    const provider = new TicketLinkProvider(client, index);
    const selector: DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
    return [
        onModelChanged(() => index.markStale()),
        languages.registerDocumentLinkProvider(selector, provider),
        languages.registerHoverProvider(selector, provider)
    ];
}
