import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { checkCodes, checkSeverity, type CheckCode } from '../../src/language/validate/checks/codes.js';
import { today, workspace, type Workspace } from '../helpers.js';

// The shipped examples: shop-app is the clean model, examples/diagnostics shows every check and says, line by
// line with `// expect: <code>` comments, exactly which diagnostics it must produce.
const root = fileURLToPath(new URL('../..', import.meta.url));
const shopApp = join(root, 'examples', 'shop-app');
const diagnosticsFolder = join(root, 'examples', 'diagnostics');

/** Every `.strategy` file under the folder, recursively, as POSIX paths relative to it, sorted. */
function strategyFiles(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(path => path.endsWith('.strategy'))
        .map(path => path.split(sep).join('/'))
        .sort();
}

function readFolder(folder: string): Record<string, string> {
    return Object.fromEntries(strategyFiles(folder).map(file => [file, readFileSync(join(folder, file), 'utf8')]));
}

const severityNames = ['error', 'error', 'warning', 'info', 'hint'] as const;
const severityOf = (d: Diagnostic) => severityNames[d.severity ?? 1];

/** `LINE code` (1-based), the form the annotations are written in. */
const lineCode = (d: Diagnostic) => `${d.range.start.line + 1} ${String(d.code)}`;

const byLine = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The `// expect: a, b` annotations of a file as `LINE code` strings, one per code. */
function expectations(text: string): string[] {
    const expected: string[] = [];
    text.split(/\r?\n/).forEach((line, index) => {
        const match = /\/\/\s*expect:\s*(.*?)\s*$/.exec(line);
        if (!match) return;
        for (const code of match[1].split(',').map(c => c.trim())) expected.push(`${index + 1} ${code}`);
    });
    return expected.sort(byLine);
}

describe('examples', () => {
    describe('shop-app', () => {
        let ws: Workspace;
        let files: string[];
        before(async () => {
            const texts = readFolder(shopApp);
            files = Object.keys(texts);
            ws = await workspace(texts, today);
        });

        it('is read as six files', () => {
            assert.deepEqual(files, ['backlog.strategy', 'canvas.strategy', 'objectives.strategy', 'roadmap.strategy', 'solutions.strategy', 'users.strategy']);
        });

        it('has no errors and no warnings', () => {
            const faults = files.flatMap(file => ws.diagnostics(file)
                .filter(d => severityOf(d) === 'error' || severityOf(d) === 'warning')
                .map(d => `${file}:${lineCode(d)}: ${String(d.message)}`));
            assert.deepEqual(faults, []);
        });

        it('has no infos or hints either', () => {
            const infos = files.flatMap(file => ws.diagnostics(file)
                .filter(d => severityOf(d) === 'info' || severityOf(d) === 'hint')
                .map(d => `${file}:${lineCode(d)}`));
            assert.deepEqual(infos, []);
        });
    });

    describe('diagnostics', () => {
        let ws: Workspace;
        let texts: Record<string, string>;
        let files: string[];
        before(async () => {
            texts = readFolder(diagnosticsFolder);
            files = Object.keys(texts);
            ws = await workspace(texts, today);
        });

        it('is read as one workspace, including the cross-file folder', () => {
            assert.ok(files.length >= checkCodes.length, `only ${files.length} files`);
            assert.ok(files.filter(file => file.startsWith('cross-file/')).length >= 2, 'cross-file/ needs at least two files');
        });

        it('every file has exactly the annotated diagnostics', () => {
            for (const file of files) {
                const actual = ws.diagnostics(file).map(lineCode).sort(byLine);
                assert.deepEqual(actual, expectations(texts[file]), `diagnostics of examples/diagnostics/${file} differ from its '// expect:' annotations`);
            }
        });

        it('every diagnostic carries a code of the table with its severity', () => {
            for (const file of files) {
                for (const d of ws.diagnostics(file)) {
                    const code = String(d.code) as CheckCode;
                    assert.ok(checkCodes.includes(code), `${file}:${lineCode(d)} has no code of the table`);
                    assert.equal(severityOf(d), checkSeverity[code], `${file}:${lineCode(d)}`);
                }
            }
        });

        it('every code of the table, and syntax-error, is demonstrated, each by its own file', () => {
            assert.ok(checkCodes.includes('syntax-error'));
            const shown = new Set(files.flatMap(file => ws.diagnostics(file).map(d => String(d.code))));
            assert.deepEqual(checkCodes.filter(code => !shown.has(code)), [], 'codes no example demonstrates');
            for (const code of checkCodes) {
                const file = `${code}.strategy`;
                assert.ok(files.includes(file), `missing examples/diagnostics/${file}`);
                assert.ok(ws.diagnostics(file).some(d => d.code === code), `${file} does not produce ${code}`);
                assert.match(texts[file], /^\/\/ \S/, `${file} starts with a comment that explains the check`);
            }
        });

        it('every file is listed in the README', () => {
            const readme = readFileSync(join(diagnosticsFolder, 'README.md'), 'utf8');
            assert.deepEqual(files.filter(file => !readme.includes(`(${file})`)), []);
        });

        it('the CLI reports the same diagnostics and exits 1', function () {
            this.timeout(60000);
            const cli = join(root, 'bin', 'strategy.cjs');
            assert.ok(existsSync(join(root, 'out', 'cli.cjs')), 'the CLI is not built; run `npm run build` first');
            const run = spawnSync(process.execPath, [cli, 'check', 'examples/diagnostics', '--today', today, '--format', 'json'], { cwd: root, encoding: 'utf8' });
            assert.equal(run.status, 1, run.stderr);
            const report = JSON.parse(run.stdout) as { files: number; diagnostics: Array<{ file: string; line: number; column: number; code: string }> };
            assert.equal(report.files, files.length);
            const fromCli = report.diagnostics.map(d => `${d.file.split(sep).join('/')}:${d.line}:${d.column} ${d.code}`).sort(byLine);
            const inProcess = files.flatMap(file => ws.diagnostics(file).map(d =>
                `${relative(root, join(diagnosticsFolder, file)).split(sep).join('/')}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`
            )).sort(byLine);
            assert.deepEqual(fromCli, inProcess);
        });
    });

    it('the CLI checks shop-app clean, exit status 0', function () {
        this.timeout(60000);
        const run = spawnSync(process.execPath, [join(root, 'bin', 'strategy.cjs'), 'check', 'examples/shop-app', '--today', today], { cwd: root, encoding: 'utf8' });
        assert.equal(run.status, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /^6 files, 0 errors, 0 warnings, 0 infos$/m);
    });
});
