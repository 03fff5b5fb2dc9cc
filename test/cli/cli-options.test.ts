import assert from 'node:assert/strict';
import { commandHelp } from '../../src/cli/help.js';
import { runCli } from '../../src/cli/main.js';

// Each command takes the options its help names, and refuses another command's: `check --fail-on new-errors` was
// read and ignored, so a CI step that meant to gate on new errors passed silently.

async function run(argv: string[]): Promise<{ status: number; err: string }> {
    let err = '';
    const status = await runCli(argv, { out: () => undefined, err: text => { err += text; } });
    return { status, err };
}

const flags = new Set(['hide-done', 'dry-run', 'force', 'stdio']);
const values: Record<string, string> = { today: '2026-11-26', 'max-warnings': '0', 'fail-on': 'new-errors', status: 'doing', kind: 'bug', focus: 'retention' };

describe('strategy COMMAND options', function () {
    this.timeout(60000);

    it('refuses an option of another command, naming the commands that take it', async () => {
        const cases: Array<[string[], RegExp]> = [
            [['check', '--fail-on', 'new-errors'], /^strategy check: --fail-on is not an option of this command; it is one of strategy diff\n\nUsage: strategy check/],
            [['trace', '-o', 'out.txt'], /^strategy trace: -o is not an option of this command; it is one of strategy render, strategy import, strategy build\n/],
            [['diff', '--hide-done'], /^strategy diff: --hide-done is not an option of this command; it is one of strategy trace, strategy render\n/],
            [['build', '-o', 'site', '--canvas', 'X'], /^strategy build: --canvas is not an option of this command; it is one of strategy render\n/],
            [['import', 'github', 'x.json', '--force'], /^strategy import: --force is not an option of this command; it is one of strategy build\n/]
        ];
        for (const [argv, message] of cases) {
            const result = await run(argv);
            assert.equal(result.status, 2, argv.join(' '));
            assert.match(result.err, message);
        }
    });

    it('takes every option its help names', async () => {
        for (const name of ['check', 'trace', 'render', 'diff', 'import', 'build']) {
            const options = new Set([...commandHelp[name].matchAll(/--([a-z][a-z-]*)/g)].map(match => match[1]).filter(option => option !== 'help'));
            assert.ok(options.size > 0, name);
            for (const option of options) {
                const value = flags.has(option) ? [] : [values[option] ?? 'x'];
                // A path that does not exist ends each command before it does anything.
                const result = await run([name, `--${option}`, ...value, '/nonexistent/strategy-options-test']);
                assert.doesNotMatch(result.err, /is not an option of this command/, `${name} --${option}`);
            }
        }
    });
});
