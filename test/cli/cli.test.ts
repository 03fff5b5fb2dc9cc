import assert from 'node:assert/strict';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strategy } from './run-strategy.js';

const shopApp = resolve('examples/shop-app');


describe('strategy command line', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'strategy-cli-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, text: string | Buffer) => {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
    };

    it('check: exit 0 and a clean summary on the example', () => {
        const result = strategy(['check', shopApp, '--today', '2026-11-23']);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, '6 files, 0 errors, 0 warnings, 0 infos\n');
    });

    it('check: compiler-style lines relative to the working folder, exit 1 on errors', () => {
        write('plan/backlog.strategy', 'ticket APP-9 "Loose" { kind bug }\nticket APP-10 "Bad" { serves Nowhere }\n');
        const result = strategy(['check', '--today', '2026-11-23'], dir);
        assert.equal(result.status, 1);
        assert.equal(result.stdout, [
            'plan/backlog.strategy:1:8: warning orphan-ticket: Ticket APP-9 serves no objective; add \'serves <Objective>\'',
            'plan/backlog.strategy:2:30: error unresolved-reference: No objective named Nowhere; define it with \'objective Nowhere "…"\'',
            '1 file, 1 error, 1 warning, 0 infos', ''
        ].join('\n'));
    });

    it('check: warnings alone exit 0', () => {
        write('a.strategy', 'ticket APP-9 "Loose"\n');
        assert.equal(strategy(['check', dir, '--today', '2026-11-23']).status, 0);
    });

    it('check: the summary counts infos too, each count in the singular for one', () => {
        write('a.strategy', 'objective G "g" { metric M }\nmetric M "m" { baseline 1 target 2 by 2027-01-01 }\nticket APP-9 "Loose"\ncanvas C "c" { kind product problem "Users leave" }\n');
        write('b.strategy', 'ticket APP-10 "Bad" { serves Nowhere }\n');
        const result = strategy(['check', '--today', '2026-11-23'], dir);
        assert.equal(result.status, 1);
        assert.match(result.stdout, /^a\.strategy:1:11: info objective-without-work: /m);
        assert.match(result.stdout, /\n2 files, 1 error, 1 warning, 2 infos\n$/);
        const json = JSON.parse(strategy(['check', '--format', 'json', '--today', '2026-11-23'], dir).stdout);
        assert.deepEqual(json.summary, { errors: 1, warnings: 1, infos: 2 });
        assert.equal(json.files, 2);
    });

    it('check --format json follows the spec\'s shape', () => {
        write('a.strategy', 'objective G "g" { metric M }\nmetric M "m" { baseline 1 target 2 by 2026-01-01 current 1 }\nticket APP-1 "t" { serves G }\n');
        const result = strategy(['check', dir, '--format', 'json', '--today', '2026-11-23']);
        assert.equal(result.status, 0);
        assert.deepEqual(JSON.parse(result.stdout), {
            files: 1,
            diagnostics: [{
                file: join(dir, 'a.strategy'), line: 2, column: 39, endLine: 2, endColumn: 49,
                severity: 'warning', code: 'metric-overdue',
                message: 'Metric M was due by 2026-01-01 and it stands at 1 against 2; update \'current\' or set a new date'
            }],
            summary: { errors: 0, warnings: 1, infos: 0 }
        });
    });

    it('--today changes what is overdue; a bad date is a usage error', () => {
        write('a.strategy', 'objective G "g" { metric M }\nmetric M "m" { baseline 1 target 2 by 2026-01-01 }\nticket APP-1 "t" { serves G }\n');
        assert.match(strategy(['check', dir, '--today', '2026-11-23']).stdout, /metric-overdue/);
        assert.doesNotMatch(strategy(['check', dir, '--today', '2025-12-31']).stdout, /metric-overdue/);
        const bad = strategy(['check', dir, '--today', '2026-13-01']);
        assert.equal(bad.status, 2);
        assert.match(bad.stderr, /--today needs a real date as YYYY-MM-DD/);
    });

    it('usage errors exit 2 with a message and the usage', () => {
        for (const args of [['check', '--format', 'xml'], ['check', '--bogus'], ['frobnicate'], []]) {
            const result = strategy(args);
            assert.equal(result.status, 2, args.join(' '));
            assert.match(result.stderr, /Usage:/, args.join(' '));
        }
    });

    it('words that name what every object has (constructor, __proto__, toString) are unknown commands and formats', () => {
        for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
            const command = strategy([word]);
            assert.equal(command.status, 2, `${word}: ${command.stderr}`);
            assert.match(command.stderr, new RegExp(`^strategy: unknown command '${word}'`), word);
            assert.doesNotMatch(command.stderr, /internal error/, word);
            for (const args of [['check', '--format', word], ['render', '--format', word], ['check', `--${word}`], ['check', '--help', word]]) {
                const result = strategy([...args, shopApp]);
                assert.doesNotMatch(result.stderr, /internal error/, args.join(' '));
                if (!args.includes('--help')) assert.equal(result.status, 2, args.join(' '));
            }
        }
    });

    it('--help for the tool and each command exits 0', () => {
        for (const args of [['--help'], ['check', '--help'], ['trace', '--help'], ['lsp', '--help']]) {
            const result = strategy(args);
            assert.equal(result.status, 0, args.join(' '));
            assert.match(result.stdout, /Usage:/);
        }
    });

    it('unreadable input exits 2 and still checks the readable files', () => {
        write('good.strategy', 'ticket APP-1 "t"\n');
        write('latin1.strategy', Buffer.from('ticket APP-2 "caf\xe9"\n', 'latin1'));
        symlinkSync(join(dir, 'missing-target.strategy'), join(dir, 'dangling.strategy'));
        const result = strategy(['check', dir, join(dir, 'nope'), '--today', '2026-11-23']);
        assert.equal(result.status, 2);
        assert.match(result.stdout, /good\.strategy:1:8: warning orphan-ticket/);
        assert.match(result.stderr, /latin1\.strategy:1:18: not UTF-8 text \(byte 0xe9\); save the file as UTF-8/);
        assert.match(result.stderr, /cannot read .*dangling\.strategy: no such file or folder/);
        assert.match(result.stderr, /cannot read .*nope: no such file or folder/);
    });

    it('a folder without .strategy files exits 2', () => {
        write('README.md', '# nothing here');
        const result = strategy(['check', dir]);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /no \.strategy files found/);
    });

    it('a path to a file that is not a .strategy file exits 2 with a message, in every command, and the others are checked', () => {
        write('notes.txt', 'objective A "a" {}\n');
        write('a.strategy', 'ticket APP-1 "t"\n');
        const check = strategy(['check', join(dir, 'a.strategy'), join(dir, 'notes.txt'), '--today', '2026-11-23']);
        assert.equal(check.status, 2, check.stderr);
        assert.match(check.stderr, /notes\.txt is not a \.strategy file/);
        assert.doesNotMatch(check.stderr, /internal error/);
        assert.match(check.stdout, /^1 file, 0 errors, 1 warning, 0 infos$/m);
        for (const command of ['trace', 'render']) {
            const result = strategy([command, join(dir, 'notes.txt')]);
            assert.equal(result.status, 2, `${command}: ${result.stderr}`);
            assert.match(result.stderr, /notes\.txt is not a \.strategy file/, command);
        }
    });

    it('symbolic link loops end, and files reached twice are checked once', () => {
        write('a/x.strategy', 'ticket APP-1 "t"\n');
        symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'));
        symlinkSync(join(dir, 'a'), join(dir, 'again'));
        const result = strategy(['check', dir, '--today', '2026-11-23']);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^1 file, 0 errors, 1 warning, 0 infos$/m);
    });

    it('a symbolic link out of the folders given is skipped with a note; links inside them, and files named, are read', () => {
        write('outside/secret.strategy', 'token sk-live-SECRET {\n');
        write('outside/more/deep.strategy', 'ticket OUT-2 "Out"\n');
        write('repo/a.strategy', 'ticket APP-1 "t"\n');
        write('repo/sub/b.strategy', 'ticket APP-2 "u"\n');
        symlinkSync(join(dir, 'outside', 'secret.strategy'), join(dir, 'repo', 'leak.strategy'));
        symlinkSync(join(dir, 'outside'), join(dir, 'repo', 'shared'));
        symlinkSync(join(dir, 'repo', 'sub', 'b.strategy'), join(dir, 'repo', 'alias.strategy'));
        symlinkSync('../repo', join(dir, 'repo', 'sub', 'up'));
        const result = strategy(['check', 'repo', '--today', '2026-11-23'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.doesNotMatch(result.stdout + result.stderr, /SECRET/);
        assert.match(result.stdout, /^2 files, 0 errors, 2 warnings, 0 infos$/m);
        assert.match(result.stderr, /^strategy: skipped repo\/leak\.strategy: a symbolic link out of the folders given$/m);
        assert.match(result.stderr, /^strategy: skipped repo\/shared: a symbolic link out of the folders given$/m);
        assert.equal(result.stderr.split('\n').filter(Boolean).length, 2, result.stderr);
        // Inside another folder given, or named itself, the link's file is read (once).
        const both = strategy(['check', 'repo', 'outside', '--today', '2026-11-23'], dir);
        assert.equal(both.stderr, '');
        assert.match(both.stdout, /^4 files, 1 error, 3 warnings, 0 infos$/m);
        assert.equal(both.stdout.match(/error syntax-error/g)?.length, 1, both.stdout);
        const named = strategy(['check', 'repo', 'repo/leak.strategy'], dir);
        assert.equal(named.status, 1);
        assert.doesNotMatch(named.stderr, /skipped repo\/leak/);
        assert.match(named.stdout, /leak\.strategy:1:1: error syntax-error/);
        const rendered = strategy(['render', 'repo/leak.strategy', '--format', 'md'], dir);
        assert.match(rendered.stderr, /the workspace has 1 error/);
        assert.doesNotMatch(rendered.stderr, /skipped repo\/leak/);
    });

    it('node_modules is never searched', () => {
        write('node_modules/pkg/x.strategy', 'garbage {');
        write('a.strategy', 'ticket APP-1 "t"\n');
        assert.match(strategy(['check', dir]).stdout, /^1 file, 0 errors, 1 warning, 0 infos$/m);
    });

    it('a file of random bytes and an empty file: located diagnostics or a message, never a crash', () => {
        let seed = 3;
        const bytes = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 16807) % 2147483647) % 256));
        write('random.strategy', bytes);
        write('empty.strategy', '');
        const result = strategy(['check', dir]);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /random\.strategy:\d+:\d+: not UTF-8 text/);
        assert.match(result.stdout, /^1 file, 0 errors, 0 warnings, 0 infos$/m);
    });

    it('a 5 MB file is checked', function () {
        this.timeout(60_000); // as long as the CLI process may run (7 s on a quiet 2-core host); a benchmark times it
        const tickets = ['objective Big "b" { metric BigM }', 'metric BigM "m" { baseline 1 target 2 by 2027-01-01 }'];
        for (let i = 0; tickets.join('\n').length < 5_000_000; i++) {
            tickets.push(...Array.from({ length: 1000 }, (_, k) => `ticket BIG-${i * 1000 + k} "A ticket with a title of some length" { serves Big kind feature }`));
        }
        write('big.strategy', tickets.join('\n'));
        const result = strategy(['check', dir]);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^1 file, 0 errors, 0 warnings, 0 infos$/m);
    });

    it('trace: chains ticket → objective → parents → metrics, and coverage', () => {
        const result = strategy(['trace', shopApp, '--today', '2026-11-23']);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /APP-130 "Refactor the checkout service for reuse by the app" \[todo, low\]  .*backlog\.strategy:30\n  → Activation "Turn new users into second-time buyers"\n      metric SecondPurchaseRate: 12% → 18% by 2027-09-30 \(no reading\)\n  → Revenue "Grow recurring revenue"\n      metric PurchaseRecurrence: 41% → 43% → 50% by 2027-12-31 \(22% of the way, at risk: at this pace 47\.8% by 2027-12-31, 75% of the way\)/);
        assert.match(result.stdout, /Coverage\n  4 tickets, 4 trace to a measured objective \(100%\)\n  0 orphan tickets/);
    });

    it('trace --format json and md', () => {
        write('a.strategy', 'objective G "g" { metric M }\nmetric M "m" { unit "ms" baseline 900 target 200 by 2027-01-01 current 550 }\nticket APP-1 "Fast | search" { serves G }\nticket APP-2 "Loose"\n');
        const json = JSON.parse(strategy(['trace', dir, '--format', 'json', '--today', '2026-11-23']).stdout);
        assert.deepEqual(json.coverage, { tickets: 2, measured: 1, orphans: ['APP-2'], unmeasured: [], objectivesWithoutWork: [] });
        assert.deepEqual(json.tickets[0].chain[0].metrics[0], {
            id: 'M', title: 'm', unit: 'ms', baseline: 900, target: 200, by: '2027-01-01', current: 550, progress: 0.5, grade: 'at-risk'
        });
        const md = strategy(['trace', dir, '--format', 'md', '--today', '2026-11-23']).stdout;
        assert.match(md, /\| APP-1 Fast \\\| search \(.*a\.strategy:3\) \| G \|  \| M: 900 ms → 550 ms → 200 ms by 2027-01-01 \(50% of the way, at risk\) \|/);
        assert.match(md, /\| APP-2 Loose \(.*\) \| \*\*orphan\*\* \|/);
    });
    it('text output escapes control and bidi characters of values and file names, and no line starts with :: or holds ##[', () => {
        const forged = '\n::error file=app.ts,line=1::forged ##[error]legacy \u001b[2J\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u202egnp.exe \u0085 \u2028';
        const strings = (text: string) => `"${text.replace(/"/g, '\\"')}"`;
        write(`evil\n::error file=app.ts,line=1::named.strategy`, `objective G ${strings(`Goal${forged}`)} { metric M }
metric M "m" { unit ${strings(`ms${forged}`)} baseline 1 target 2 by 2027-01-01 }
ticket APP-1 ${strings(`Title${forged}`)} { serves G status ${strings(`bad${forged}`)} }
solution S ${strings(`Bet${forged}`)} { advances G hypothesis ${strings(`H${forged}`)} }
question Q "q" { about S status answered answer ${strings(`A${forged}`)} }
insight I "i" { source ${strings(`Src${forged}`)} supports S }
`);
        write('::warning::second.strategy', 'ticket APP-2 "t"\n');
        const outputs = {
            check: strategy(['check', '--today', '2026-11-23'], dir),
            trace: strategy(['trace', '--today', '2026-11-23'], dir),
            render: strategy(['render', '--canvas', `Nope${forged}`, '--today', '2026-11-23'], dir),
            missing: strategy(['check', `missing${forged}`], dir),
            usage: strategy(['check', '--format', `x${forged}`], dir)
        };
        for (const [name, result] of Object.entries(outputs)) {
            for (const [stream, text] of [['stdout', result.stdout], ['stderr', result.stderr]]) {
                const what = `${name} ${stream}`;
                assert.doesNotMatch(text, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/, `${what}: a raw control or bidi character`);
                assert.doesNotMatch(text, /^\s*::/m, `${what}: a line starting with ::`);
                assert.doesNotMatch(text, /##\[/, `${what}: a legacy workflow command`);
            }
        }
        const check = outputs.check.stdout;
        assert.match(check, /^evil\\n::error file=app\.ts,line=1::named\.strategy:\d+:\d+: error invalid-value: Unknown ticket status 'bad\\n::error file=app\.ts,line=1::forged #\\x23\[error\]legacy \\x1b\[2J\\x1b\]8;;https:\/\/evil\.example\\x07link\\x1b\]8;;\\x07 \\u202egnp\.exe \\x85 \\u2028'/m);
        assert.match(check, /^\.\/::warning::second\.strategy:1:8: warning orphan-ticket/m);
        const trace = outputs.trace.stdout;
        assert.match(trace, /^APP-1 "Title ::error file=app\.ts,line=1::forged #\\x23\[error\]legacy \\x1b\[2J.* \\u202egnp\.exe \\x85" \[bad\\n::error.*\]  evil\\n::error file=app\.ts,line=1::named\.strategy:\d+$/m);
        assert.match(trace, /^ {6}metric M: 1 ms\\n::error file=app\.ts,line=1::forged/m);
        assert.match(trace, /^ {4}answer: A ::error file=app\.ts,line=1::forged #\\x23\[error\]legacy \\x1b\[2J/m, 'the learning trail too');
        assert.match(trace, /^ {2}for I "i" \(Src ::error file=app\.ts,line=1::forged #\\x23\[error\]/m);
        assert.match(outputs.render.stderr, /^strategy: no canvas 'Nope\\n::error file=app\.ts,line=1::forged/m);
        assert.match(outputs.missing.stderr, /^strategy: cannot read missing\\n::error/m);
        assert.match(outputs.usage.stderr, /^strategy check: unknown format 'x\\n::error/m);
    });

    it('render: a canvas as one self-contained HTML page, the default format, from a file of the workspace', () => {
        const result = strategy(['render', join(shopApp, 'canvas.strategy'), '--canvas', 'AppRecurrence', '--today', '2026-11-23']);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, '');
        assert.match(result.stdout, /^<!DOCTYPE html>/i);
        assert.match(result.stdout, /Content-Security-Policy/);
        assert.doesNotMatch(result.stdout, /<script/i);
        // Names from the other files of the folder resolve: the outcome's metric and its progress are there.
        assert.match(result.stdout, /MonthlyRepeatUsers/);
        assert.match(result.stdout, /25% of the way, on track/);
    });

    it('render: the alignment map without --canvas, as SVG or Markdown, to a file with -o', () => {
        const out = join(dir, 'map.svg');
        const svg = strategy(['render', shopApp, '--format', 'svg', '-o', out, '--today', '2026-11-23']);
        assert.equal(svg.status, 0, svg.stderr);
        assert.equal(svg.stdout, '');
        assert.match(readFileSync(out, 'utf8'), /^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        const md = strategy(['render', shopApp, '--canvas', 'Growth2027', '--format', 'md', '--today', '2026-11-23']);
        assert.equal(md.status, 0, md.stderr);
        assert.match(md.stdout, /Users forget the app between purchases/);
        assert.match(md.stdout, /\|/);
    });

    it('render: a roadmap canvas as HTML, SVG and Markdown', () => {
        const folder = resolve('test/fixtures/roadmap');
        const html = strategy(['render', folder, '--canvas', 'Roadmap2027', '--format', 'html', '--today', '2026-11-23']);
        assert.equal(html.status, 0, html.stderr);
        assert.match(html.stdout, /^<!DOCTYPE html>[\s\S]*data-view="roadmap"[\s\S]*>Q1 2027<[\s\S]*overdue, 39 days late/);
        const svg = strategy(['render', folder, '--canvas', 'Roadmap2027', '--format', 'svg', '--today', '2026-11-23']);
        assert.match(svg.stdout, /^<\?xml[^>]*>\s*<svg class="strategy-svg roadmap"[^>]*width="\d+"/);
        assert.match(svg.stdout, /<text class="today-label"[^>]*>today<\/text>/);
        const md = strategy(['render', folder, '--canvas', 'Roadmap2027', '--format', 'md', '--today', '2026-11-23']);
        assert.match(md.stdout, /^## Customers come back every week \(Engagement, off track\)$/m);
        assert.match(md.stdout, /^- critical · U-2 Fix the payment timeout$/m);
    });

    it('render: -o never writes onto an input file, however it is spelled; -o - writes to standard output', () => {
        cpSync(shopApp, join(dir, 'app'), { recursive: true });
        symlinkSync(join(dir, 'app', 'canvas.strategy'), join(dir, 'link.html'));
        linkSync(join(dir, 'app', 'solutions.strategy'), join(dir, 'hard.html'));
        mkdirSync(join(dir, 'out'));
        const files = ['backlog', 'canvas', 'objectives', 'solutions', 'users'].map(name => join(dir, 'app', `${name}.strategy`));
        const before = files.map(file => readFileSync(file, 'utf8'));
        for (const output of ['app/canvas.strategy', 'app/../app/users.strategy', './out/../app/backlog.strategy', 'link.html', 'hard.html', join(dir, 'app', 'objectives.strategy')]) {
            const result = strategy(['render', 'app/canvas.strategy', '--canvas', 'AppRecurrence', '-o', output], dir);
            assert.equal(result.status, 2, `${output}: ${result.stderr}`);
            assert.match(result.stderr, /^strategy render: -o .* is one of the input files; write the rendering to another file$/m, output);
        }
        assert.deepEqual(files.map(file => readFileSync(file, 'utf8')), before);
        const toStdout = strategy(['render', 'app', '--format', 'md', '-o', '-'], dir);
        assert.equal(toStdout.status, 0, toStdout.stderr);
        assert.match(toStdout.stdout, /^# Alignment map/m);
        assert.equal(existsSync(join(dir, '-')), false);
    });

    it('render: an unknown canvas, a bad format or an unwritable output exits 2 with a message; workspace errors only warn', () => {
        const unknown = strategy(['render', shopApp, '--canvas', 'Nope']);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /no canvas 'Nope'; the canvases are AppRecurrence, Growth2027/);
        assert.equal(strategy(['render', shopApp, '--format', 'png']).status, 2);
        const unwritable = strategy(['render', shopApp, '-o', join(dir, 'missing', 'folder', 'map.html')]);
        assert.equal(unwritable.status, 2);
        assert.match(unwritable.stderr, /cannot write .*map\.html/);
        write('bad.strategy', 'canvas C "C" { kind product outcomes Missing }\n');
        const withErrors = strategy(['render', dir, '--canvas', 'C']);
        assert.equal(withErrors.status, 0);
        assert.match(withErrors.stderr, /the workspace has 1 error; 'strategy check' lists them/);
        assert.match(withErrors.stdout, /Missing/);
    });
});
