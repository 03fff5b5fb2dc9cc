import type { Connection, Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Whether a position names a place in the text: a line it has, and a character that is not negative. A character
 * past the end of its line is the line's end, as the protocol says ("it defaults back to the line length").
 */
export function isInside(text: TextDocument, position: Position): boolean {
    const { line, character } = position ?? {};
    return Number.isInteger(line) && Number.isInteger(character) && line >= 0 && character >= 0 && line < text.lineCount;
}

function rangeInside(text: TextDocument, range: Range): boolean {
    return isInside(text, range?.start) && isInside(text, range?.end) && text.offsetAt(range.start) <= text.offsetAt(range.end);
}

/** The requests that read a position or a range of one document; each answers null when it is not in the text. */
const guarded = [
    'onHover', 'onDefinition', 'onDeclaration', 'onTypeDefinition', 'onImplementation', 'onReferences', 'onDocumentHighlight',
    'onCompletion', 'onSignatureHelp', 'onPrepareRename', 'onRenameRequest', 'onCodeAction', 'onDocumentRangeFormatting',
    'onDocumentOnTypeFormatting'
] as const;

/**
 * The connection, with every position-taking request answering null for a position outside the document (a
 * line past its end, a negative line or character). The text document's own look-up clamps such a position to the
 * nearest end, so without this a stale position would answer about whatever happens to be at the end of the file.
 * `textOf` finds the text the server holds for a URI; an unknown URI is left to the handler.
 */
export function guardPositions(connection: Connection, textOf: (uri: string) => TextDocument | undefined): Connection {
    const inside = (params: { textDocument?: { uri?: string }; position?: Position; range?: Range }): boolean => {
        const uri = params?.textDocument?.uri;
        const text = typeof uri === 'string' ? textOf(uri) : undefined;
        if (!text) return true;
        if ('position' in params) return isInside(text, params.position!);
        if ('range' in params) return rangeInside(text, params.range!);
        return true;
    };
    const overrides: Partial<Record<(typeof guarded)[number], unknown>> = {};
    for (const method of guarded) {
        type Handler = (params: Parameters<typeof inside>[0], ...rest: unknown[]) => unknown;
        const register = (connection[method] as (handler: Handler) => unknown).bind(connection);
        overrides[method] = (handler: Handler) => register((params, ...rest) => inside(params) ? handler(params, ...rest) : null);
    }
    return Object.assign(Object.create(connection) as Connection, overrides);
}
