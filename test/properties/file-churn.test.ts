import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkedDiagnostics, differences, startSession, type LspSession } from '../protocol/lsp-session.js';

// Property: after any batch of files created, changed, deleted and renamed on disk (as git checkout or a rebase
// leaves them, reported by the file watcher in one notification), and files opened with unsaved text and closed in
// the editor, the language server's diagnostics equal what `strategy check` reports for the same files (an open
// file with the editor's text). The batches are drawn from a fixed seed; STRATEGY_CHURN_SEED picks
// another and STRATEGY_CHURN_BATCHES runs more (`STRATEGY_CHURN_BATCHES=500 npx mocha test/properties/file-churn.test.ts`).

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = Number(process.env.STRATEGY_CHURN_SEED ?? 20261126);
const batches = Number(process.env.STRATEGY_CHURN_BATCHES ?? 30);
const FileChangeType = { Created: 1, Changed: 2, Deleted: 3 } as const;

/** mulberry32: small, fast and the same sequence on every machine. */
function random(seedValue: number): () => number {
    let state = seedValue >>> 0;
    return () => {
        state = (state + 0x6D2B79F5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

// Names shared with the example, so new files define duplicates, serve its objectives and break its references.
const objectives = ['Engagement', 'Revenue', 'Activation', 'Retention', 'Nowhere'];
const solutions = ['FasterNavigation', 'ExclusiveDeals', 'OneTapReorder'];
const tickets = ['APP-101', 'APP-123', 'APP-900', 'APP-901'];

function snippet(next: () => number): string {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    switch (Math.floor(next() * 7)) {
        case 0: return `objective ${pick(objectives)} "Generated" {\n  horizon short\n}\n`;
        case 1: return `objective ${pick(objectives)} "Child" {\n  parent ${pick(objectives)}\n  metric M${Math.floor(next() * 3)} "Count" { baseline 1 target 2 by 2027-06-30 }\n}\n`;
        case 2: return `ticket ${pick(tickets)} "Generated work" {\n  serves ${pick(objectives)}\n  kind feature\n}\n`;
        case 3: return `ticket ${pick(tickets)} "Built" {\n  serves ${pick(objectives)}\n  implements ${pick(solutions)}\n}\n`;
        case 4: return `solution ${pick(solutions)} "Generated" {\n  advances ${pick(objectives)}\n  for FrequentBuyer\n  addresses ${pick(['SaveTime', 'Trust', 'FrequentBuyer.Recommendations'])}\n}\n`;
        case 5: return `usertype ${pick(['FrequentBuyer', 'NewUser', 'Visitor'])} "Generated" {\n  need ${pick(['SaveTime', 'Trust', 'Browse'])} "A need"\n}\n`;
        default: return `ticket ${pick(tickets)} "Unfinished {\n  serves\n`;
    }
}

/** The `.strategy` files under the folder, relative and `/`-separated. */
function strategyFiles(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(file => file.endsWith('.strategy')).map(file => file.split('\\').join('/')).sort();
}

describe('property: after files change on disk, the server shows what strategy check reports', function () {
    this.timeout(Math.max(60_000, batches * 4_000));

    let folder: string;
    let session: LspSession;

    before(async () => {
        folder = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-churn-property-')));
        cpSync(join(root, 'examples', 'shop-app'), folder, { recursive: true });
        session = await startSession(folder);
        // The first scan done, so each run of a seed starts from the same state (test/language/lsp/workspace-startup
        // covers files that change during the scan).
        const expected = await checkedDiagnostics(folder);
        await session.until(shown => differences(shown, expected, folder).length === 0, shown => `the first scan:\n${differences(shown, expected, folder).join('\n')}`);
    });

    after(async () => {
        await session?.close();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it(`over ${batches} random batches of creates, changes, deletes and renames (seed ${seed})`, async () => {
        const next = random(seed);
        const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
        const originals = new Map(strategyFiles(folder).map(file => [file, readFileSync(join(folder, file), 'utf8')]));
        const history: string[] = [];
        /** Files open in the editor with unsaved text: the server checks that text, whatever is on disk. */
        const open = new Map<string, string>();
        const editor = (method: string, file: string, extra: object = {}) =>
            session.notify(`textDocument/${method}`, { textDocument: { uri: session.uri(file), ...extra } });
        let created = 0;
        for (let batch = 0; batch < batches; batch++) {
            const events: Array<[string, number]> = [];
            const done: string[] = [];
            const write = (file: string, text: string) => {
                mkdirSync(dirname(join(folder, file)), { recursive: true });
                const existed = existsSync(join(folder, file));
                writeFileSync(join(folder, file), text);
                events.push([file, existed ? FileChangeType.Changed : FileChangeType.Created]);
            };
            for (let op = 0, ops = 1 + Math.floor(next() * 3); op < ops; op++) {
                const files = strategyFiles(folder);
                const file = files.length > 0 ? pick(files) : undefined;
                const choice = next();
                if (choice < 0.1) {
                    const closed = files.filter(each => !open.has(each));
                    if (closed.length === 0) continue;
                    const opened = pick(closed);
                    const text = `${readFileSync(join(folder, opened), 'utf8')}\n${snippet(next)}`;
                    open.set(opened, text);
                    await editor('didOpen', opened, { languageId: 'strategy', version: 1, text });
                    done.push(`open ${opened} and type`);
                    continue;
                }
                if (choice < 0.15 && open.size > 0) {
                    const closing = pick([...open.keys()]);
                    open.delete(closing);
                    await editor('didClose', closing);
                    done.push(`close ${closing}`);
                    continue;
                }
                if (choice < 0.3 || !file) {
                    const name = `${pick(['', 'team/', 'team/sub/', 'other/'])}new-${created++}.strategy`;
                    write(name, [snippet(next), snippet(next)].join('\n'));
                    done.push(`create ${name}`);
                } else if (choice < 0.55) {
                    const original = originals.get(file);
                    write(file, original !== undefined && next() < 0.4 ? original : `${readFileSync(join(folder, file), 'utf8')}\n${snippet(next)}`);
                    done.push(`change ${file}`);
                } else if (choice < 0.7) {
                    rmSync(join(folder, file));
                    events.push([file, FileChangeType.Deleted]);
                    done.push(`delete ${file}`);
                } else if (choice < 0.8) {
                    const to = `${pick(['', 'team/', 'other/'])}renamed-${created++}.strategy`;
                    mkdirSync(dirname(join(folder, to)), { recursive: true });
                    renameSync(join(folder, file), join(folder, to));
                    events.push([file, FileChangeType.Deleted], [to, FileChangeType.Created]);
                    done.push(`rename ${file} → ${to}`);
                } else if (choice < 0.9) {
                    // Changed, then gone before the server reads it: the watcher reports only the change.
                    writeFileSync(join(folder, file), snippet(next));
                    rmSync(join(folder, file));
                    events.push([file, FileChangeType.Changed]);
                    done.push(`change then delete ${file}`);
                } else {
                    const top = file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined;
                    if (!top) continue;
                    // VS Code reports a deleted folder with one event for the folder, none for its files.
                    rmSync(join(folder, top), { recursive: true });
                    events.push([top, FileChangeType.Deleted]);
                    done.push(`delete folder ${top}`);
                }
            }
            history.push(`batch ${batch}: ${done.join('; ')}`);
            await session.notify('workspace/didChangeWatchedFiles', { changes: events.map(([file, type]) => ({ uri: session.uri(file), type })) });
            const expected = await checkedDiagnostics(folder, Object.fromEntries(open));
            await session.until(shown => differences(shown, expected, folder).length === 0, shown =>
                `seed ${seed}, after batch ${batch} the server's diagnostics differ from strategy check's:\n`
                + `${differences(shown, expected, folder).join('\n')}\nbatches:\n${history.join('\n')}\nfiles now: ${strategyFiles(folder).join(', ')}`);
        }
    });
});
