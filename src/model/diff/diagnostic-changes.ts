import type { Diagnostic } from 'vscode-languageserver';
import { lineSpanOf, type ElementSnapshot } from './element-snapshot.js';

/** A diagnostic as `strategy check --format json` writes it (1-based lines and columns). */
export interface SourceDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
}

const severityNames = ['error', 'error', 'warning', 'info', 'hint'] as const;

/** An engine's diagnostic of `file` as `check --format json` writes it: 1-based, an absent severity an error. */
export function sourceDiagnostic(file: string, d: Diagnostic): SourceDiagnostic {
    return {
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severityNames[d.severity ?? 1],
        code: String(d.code ?? 'syntax-error'),
        message: typeof d.message === 'string' ? d.message : d.message.value
    };
}

/** A diagnostic with the ID of the element it is on, when it is on one. */
export type ElementDiagnostic = SourceDiagnostic & { element?: string };

export interface DiagnosticChanges {
    added: ElementDiagnostic[];
    resolved: ElementDiagnostic[];
}

/**
 * Pairs the diagnostics of the two sides by code and element, not by line: an edit above a problem moves it
 * without making it new. Within one code and element, the same message pairs first (line numbers a message
 * quotes left out), then any that remain, in order: a problem whose wording changed with a value is still the
 * same problem. What is left on the new side was added, on the old side resolved. A diagnostic on no element
 * (a stray word between elements) is keyed by its file. `renamed` maps an old element key to its new one.
 */
export function diagnosticChanges(
    base: readonly SourceDiagnostic[], head: readonly SourceDiagnostic[],
    baseElements: readonly ElementSnapshot[], headElements: readonly ElementSnapshot[],
    renamed: ReadonlyMap<string, string>
): DiagnosticChanges {
    const baseOwner = ownerFinder(baseElements);
    const headOwner = ownerFinder(headElements);
    const groups = new Map<string, { old: ElementDiagnostic[]; now: ElementDiagnostic[] }>();
    const group = (key: string) => groups.get(key) ?? groups.set(key, { old: [], now: [] }).get(key)!;
    for (const diagnostic of base) {
        const owner = baseOwner(diagnostic);
        const key = owner ? renamed.get(owner.key) ?? owner.key : `file:${diagnostic.file}`;
        group(`${diagnostic.code}\u0000${key}`).old.push(owner ? { ...diagnostic, element: owner.id } : diagnostic);
    }
    for (const diagnostic of head) {
        const owner = headOwner(diagnostic);
        group(`${diagnostic.code}\u0000${owner ? owner.key : `file:${diagnostic.file}`}`).now.push(owner ? { ...diagnostic, element: owner.id } : diagnostic);
    }
    const added: ElementDiagnostic[] = [];
    const resolved: ElementDiagnostic[] = [];
    for (const { old, now } of groups.values()) {
        const left = [...old];
        const unmatched: ElementDiagnostic[] = [];
        for (const diagnostic of now) {
            const i = left.findIndex(was => sameWords(was.message, diagnostic.message));
            if (i >= 0) left.splice(i, 1);
            else unmatched.push(diagnostic);
        }
        const paired = Math.min(left.length, unmatched.length);
        added.push(...unmatched.slice(paired));
        resolved.push(...left.slice(paired));
    }
    const order = (a: SourceDiagnostic, b: SourceDiagnostic) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
    return { added: added.sort(order), resolved: resolved.sort(order) };
}

function sameWords(a: string, b: string): boolean {
    const words = (message: string) => message.replace(/\(line \d+\)|line \d+|:\d+(:\d+)?/g, '');
    return words(a) === words(b);
}

/**
 * The element each diagnostic lies in, by file and line. Only the files with diagnostics have their elements'
 * lines read, and each of those once.
 */
function ownerFinder(elements: readonly ElementSnapshot[]): (diagnostic: SourceDiagnostic) => ElementSnapshot | undefined {
    const byFile = new Map<string, ElementSnapshot[]>();
    for (const element of elements) (byFile.get(element.file) ?? byFile.set(element.file, []).get(element.file)!).push(element);
    const spans = new Map<string, Array<{ element: ElementSnapshot; startLine: number; endLine: number }>>();
    const spansOf = (file: string) => {
        let list = spans.get(file);
        if (!list) {
            list = (byFile.get(file) ?? []).map(element => ({ element, ...lineSpanOf(element) })).sort((a, b) => a.startLine - b.startLine);
            spans.set(file, list);
        }
        return list;
    };
    return diagnostic => {
        const line = diagnostic.line - 1;
        const list = spansOf(diagnostic.file);
        let low = 0;
        let high = list.length - 1;
        let found: (typeof list)[number] | undefined;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (list[middle].startLine <= line) {
                found = list[middle];
                low = middle + 1;
            } else high = middle - 1;
        }
        return found && line <= found.endLine ? found.element : undefined;
    };
}
