import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import { checkCodes, checkSeverity, type CheckCode } from '../language/validate/checks/codes.js';
import { checkHelp } from '../language/validate/checks/code-help.js';
import type { CheckReport, FileDiagnostic } from './diagnostic-format.js';

/**
 * The base the results' relative paths resolve against: the folder `strategy check` ran in. Code scanning resolves
 * it to the repository's root, where the workflow runs the command; no absolute path is written, so the same files
 * give the same bytes on any machine.
 */
export const sourceRoot = '%SRCROOT%';

const levels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** Where the tool is described: its page under the publisher and name the extension is published as. */
const informationUri = `https://marketplace.visualstudio.com/items?itemName=${packageJson.publisher}.${packageJson.name}`;

/** `orphan-ticket` → `OrphanTicket`: SARIF's rule name is an identifier, the code is the rule's id. */
function ruleName(code: string): string {
    return code.split('-').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** The help without its Markdown, for viewers that show plain text. */
function plainText(markdown: string): string {
    return markdown.replace(/`/g, '');
}

function rule(code: CheckCode) {
    const help = checkHelp[code];
    return {
        id: code,
        name: ruleName(code),
        shortDescription: { text: plainText(help) },
        help: { text: plainText(help), markdown: help },
        defaultConfiguration: { level: levels[checkSeverity[code]] }
    };
}

/**
 * A path as `strategy check` prints it (relative to where it ran, or absolute outside it) as a SARIF artifact
 * location: a relative URI under `%SRCROOT%`, each segment percent-encoded so that no name reads as a scheme, a
 * query or a fragment; a file outside the folder as its absolute `file:` URI.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
    if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
    const segments = file.split(sep).flatMap(part => part.split('/')).filter((part, index) => !(index === 0 && part === '.'));
    return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: sourceRoot };
}

function result(d: FileDiagnostic) {
    const ruleIndex = checkCodes.indexOf(d.code as CheckCode);
    return {
        ruleId: d.code,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: levels[d.severity],
        message: { text: d.message },
        locations: [{
            physicalLocation: {
                artifactLocation: artifactLocation(d.file),
                // 1-based as SARIF counts, in UTF-16 code units as the editor does; the end column is the one after
                // the last character, as SARIF wants.
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }
            }
        }]
    };
}

/**
 * The report as a SARIF 2.1.0 log for code scanning: one rule per code of the table (its severity and help), one
 * result per diagnostic in the report's order. Nothing in it depends on the machine or the time, so the same
 * files give the same bytes.
 */
export function formatSarif(report: CheckReport): string {
    const log = {
        $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'strategy',
                    version: packageJson.version,
                    semanticVersion: packageJson.version,
                    informationUri,
                    rules: checkCodes.map(rule)
                }
            },
            columnKind: 'utf16CodeUnits',
            results: report.diagnostics.map(result)
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}
