import { isAbsolute, relative } from 'node:path';
import type { LangiumDocument } from 'langium';
import { sourceDiagnostic, type SourceDiagnostic } from '../model/diff/diagnostic-changes.js';
import { plural } from '../model/values.js';
import { terminalText } from '../render/escape.js';

/** A diagnostic as `--format json` writes it: the one shape `check` prints and `diff` compares. */
export type FileDiagnostic = SourceDiagnostic;

export interface CheckReport {
    files: number;
    diagnostics: FileDiagnostic[];
    summary: { errors: number; warnings: number; infos: number };
}

/** Diagnostics of all documents, 1-based and sorted by file and position, with paths relative to `cwd`. */
export function checkReport(documents: readonly LangiumDocument[], cwd: string): CheckReport {
    const diagnostics: FileDiagnostic[] = [];
    for (const document of documents) {
        const file = displayPath(document.uri.fsPath, cwd);
        for (const d of document.diagnostics ?? []) diagnostics.push(sourceDiagnostic(file, d));
    }
    diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
    const count = (severity: FileDiagnostic['severity']) => diagnostics.filter(d => d.severity === severity).length;
    return { files: documents.length, diagnostics, summary: { errors: count('error'), warnings: count('warning'), infos: count('info') } };
}

/**
 * Relative to where the command runs, as compilers print; absolute when the file lies outside it. A relative path
 * that starts with `::` gets `./`, so that a line it starts still names the file and is no CI workflow command.
 */
export function displayPath(path: string, cwd: string): string {
    const rel = relative(cwd, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
    return /^\s*::/.test(rel) ? `./${rel}` : rel;
}

/** As compilers print, so that VS Code problem matchers and CI logs read it; one line per diagnostic, whatever it quotes. */
export function formatText(report: CheckReport): string {
    const lines = report.diagnostics.map(d => terminalText(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`));
    lines.push(summaryLine(report));
    return lines.join('\n') + '\n';
}

/** `1 file, 0 errors, 1 warning, 2 infos`: every count, zeros included, so that scripts find each in its place. */
export function summaryLine({ files, summary }: CheckReport): string {
    return [plural(files, 'file'), plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.infos, 'info')].join(', ');
}

export function formatJson(report: CheckReport): string {
    return JSON.stringify(report, null, 2) + '\n';
}
