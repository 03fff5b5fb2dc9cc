import type { DiagnosticCounts } from '../../protocol/webview-messages.js';

// The preview's header shows how many problems the workspace's .strategy files have, as the Problems panel
// counts them. Pure, so it is tested without VS Code: severities are VS Code's numbers (Error 0 … Hint 3).

export const noDiagnostics: DiagnosticCounts = { errors: 0, warnings: 0, infos: 0 };

/** Counts errors, warnings and infos of the files whose path ends in .strategy; hints are not problems. */
export function countDiagnostics(entries: Iterable<readonly [path: string, severities: readonly number[]]>): DiagnosticCounts {
    const counts = { ...noDiagnostics };
    for (const [path, severities] of entries) {
        if (!path.endsWith('.strategy')) continue;
        for (const severity of severities) {
            if (severity === 0) counts.errors++;
            else if (severity === 1) counts.warnings++;
            else if (severity === 2) counts.infos++;
        }
    }
    return counts;
}

export function sameCounts(a: DiagnosticCounts, b: DiagnosticCounts): boolean {
    return a.errors === b.errors && a.warnings === b.warnings && a.infos === b.infos;
}
