import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRepository } from './git-fixture.js';

// `strategy diff` on input it cannot compare in full: a clear message, exit 2 for usage and git faults, never a
// crash, and never output that passes for complete when it is not.

const goals = 'objective Grow "Grow" { metric M }\nmetric M "Users" { unit "%" baseline 20 target 30 by 2027-06-30 }\nticket T-1 "Work" { serves Grow }\n';

describe('strategy diff on bad input', () => {
    const repos: GitRepository[] = [];
    const repository = () => {
        const repo = new GitRepository();
        repos.push(repo);
        return repo;
    };
    after(() => repos.forEach(repo => repo.dispose()));

    it('outside a git repository: exit 2, saying so', () => {
        const folder = repository().write('goals.strategy', goals);
        const result = folder.strategy(['diff']);
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^strategy diff: not a git repository \(nor any parent folder\): strategy diff compares the \.strategy files of two git revisions\n$/);
    });

    it('without a git command on PATH: exit 2, saying that strategy diff reads revisions through git', () => {
        const repo = repository().init().write('goals.strategy', goals).commit('first');
        repo.env.PATH = join(repo.root, 'no-bin');
        const result = repo.strategy(['diff']);
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.equal(result.stderr, 'strategy diff: the git command was not found; strategy diff reads revisions through git, so install it or put it on PATH\n');
    });

    it('an unknown revision, alone or in a range, and a repository without a commit: exit 2 naming it', () => {
        const repo = repository().init();
        const empty = repo.strategy(['diff']);
        assert.equal(empty.status, 2);
        assert.match(empty.stderr, /unknown revision 'HEAD'; the repository has no commit yet/);
        repo.write('goals.strategy', goals).commit('first');
        const word = repo.strategy(['diff', 'nope']);
        assert.equal(word.status, 2);
        assert.equal(word.stderr, "strategy diff: unknown revision or path 'nope'\n");
        const range = repo.strategy(['diff', 'HEAD..nope']);
        assert.equal(range.status, 2);
        assert.equal(range.stderr, "strategy diff: unknown revision 'nope'\n");
        const option = repo.strategy(['diff', '--', '--output=x']);
        assert.equal(option.status, 2, 'a path that looks like an option is a path, and there is none');
        assert.equal(repo.status(), '');
    });

    it('a revision without .strategy files: every element shows as added, said on standard error; none at either side is exit 2', () => {
        const repo = repository().init().write('README.md', 'nothing yet\n').commit('readme');
        repo.git('tag', 'start');
        const none = repo.strategy(['diff']);
        assert.equal(none.status, 2);
        assert.equal(none.stderr, 'strategy diff: no .strategy files in HEAD nor in working tree\n');
        repo.write('goals.strategy', goals).commit('goals');
        const result = repo.strategy(['diff', 'start..HEAD', '--today', '2026-11-23']);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^start → HEAD: 3 added; diagnostics:/);
        assert.equal(result.stderr, 'strategy diff: start has no .strategy files; every element shows as added\n');
    });

    it('a file that does not parse at one side: its syntax errors are new diagnostics, what parsed is compared, and the output says it is incomplete', () => {
        const repo = repository().init().write('goals.strategy', goals).commit('first');
        repo.write('goals.strategy', `${goals}ticket T-2 "Broken" { serves Grow status }\nticket T-3 "After" { serves Grow }\n`);
        const text = repo.strategy(['diff', '--today', '2026-11-23']);
        assert.equal(text.status, 0, text.stderr);
        assert.match(text.stdout, /\+ T-2 "Broken"/);
        assert.match(text.stdout, /Diagnostics added\n {2}goals\.strategy:4:\d+: error syntax-error:/);
        assert.match(text.stdout, /\nIncomplete comparison:\n {2}working tree: goals\.strategy has a syntax error; elements it holds after it may be missing from the comparison\n$/);
        const json = JSON.parse(repo.strategy(['diff', '--format', 'json']).stdout);
        assert.equal(json.notes.length, 1);
        assert.match(repo.strategy(['diff', '--format', 'md']).stdout, /> \*\*Incomplete comparison:\*\* working tree: goals\.strategy has a syntax error/);
    });

    it('an ID that moved to another file is no change; moved and edited, it is one change that says where it came from', () => {
        const repo = repository().init().write('a.strategy', goals).write('b.strategy', '').commit('first');
        repo.write('a.strategy', goals.replace('ticket T-1 "Work" { serves Grow }\n', '')).write('b.strategy', 'ticket T-1 "Work" { serves Grow }\n');
        const moved = JSON.parse(repo.strategy(['diff', '--format', 'json', '--today', '2026-11-23']).stdout);
        assert.deepEqual(moved.changes, []);
        assert.equal(moved.summary.moved, 1);
        repo.write('b.strategy', 'ticket T-1 "Work" { serves Grow status doing }\n');
        const edited = repo.strategy(['diff', '--today', '2026-11-23']);
        assert.match(edited.stdout, /~ T-1 "Work" \(b\.strategy:1, moved from a\.strategy\)\n {6}new status doing\n/);
    });

    it('binary and non-UTF-8 files at a revision: named with the revision, left out, the rest compared and marked incomplete, exit 2', () => {
        const repo = repository().init().write('goals.strategy', goals)
            .write('latin1.strategy', Buffer.from('objective Caf\xe9 "Caf\xe9"\n', 'latin1'))
            .write('image.strategy', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))
            .commit('first');
        repo.remove('latin1.strategy').remove('image.strategy').write('goals.strategy', goals.replace('T-1 "Work"', 'T-1 "Work now"')).commit('second');
        const result = repo.strategy(['diff', 'HEAD~1..HEAD', '--today', '2026-11-23']);
        assert.equal(result.status, 2);
        assert.match(result.stdout, /^HEAD~1 → HEAD: 1 changed;/);
        assert.match(result.stdout, /title "Work" → "Work now"/);
        assert.match(result.stdout, /Incomplete comparison:\n {2}HEAD~1:image\.strategy is binary \(it holds NUL bytes\), not a \.strategy text: left out of the comparison\n {2}HEAD~1:latin1\.strategy:1:14: not UTF-8 text \(byte 0xe9\); save the file as UTF-8: left out of the comparison\n$/);
        assert.match(result.stderr, /^strategy diff: HEAD~1:image\.strategy is binary/);
    });

    it('a shallow clone without the base revision: exit 2, saying to fetch more history', () => {
        const origin = repository().init().write('goals.strategy', goals).commit('first');
        origin.write('goals.strategy', goals.replace('target 30', 'target 31')).commit('second');
        const parent = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-shallow-')));
        try {
            const clone = join(parent, 'clone');
            execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.root}`, clone], { env: origin.env });
            const result = origin.strategy(['diff', 'HEAD~1..HEAD'], clone);
            assert.equal(result.status, 2);
            assert.match(result.stderr, /^strategy diff: unknown revision 'HEAD~1'; this is a shallow clone, which may not hold it: fetch more history \(git fetch --unshallow, or fetch-depth: 0 in actions\/checkout\)\n$/);
        } finally {
            rmSync(parent, { recursive: true, force: true });
        }
    });

    it('a diagnostic that only moves (lines added above it) is neither added nor resolved', () => {
        const repo = repository().init().write('goals.strategy', goals).commit('first');
        repo.write('goals.strategy', `// Our goals for the year,\n// reviewed each quarter.\n\n${goals}`);
        const result = JSON.parse(repo.strategy(['diff', '--format', 'json', '--today', '2026-11-23']).stdout);
        assert.deepEqual(result.diagnostics, { added: [], resolved: [] });
        assert.deepEqual(result.changes, []);
    });

    it('bad usage: an unknown format, a path outside the repository; --help says the revisions, formats and exit statuses', () => {
        const repo = repository().init().write('goals.strategy', goals).commit('first');
        const format = repo.strategy(['diff', '--format', 'sarif']);
        assert.equal(format.status, 2);
        assert.match(format.stderr, /^strategy diff: unknown format 'sarif'; use text, json, md\n/);
        const outside = repo.strategy(['diff', '--', '..']);
        assert.equal(outside.status, 2);
        assert.match(outside.stderr, /^strategy diff: \.\. is outside the repository/);
        const help = repo.strategy(['diff', '--help']);
        assert.equal(help.status, 0);
        assert.match(help.stdout, /^Usage: strategy diff \[BASE\[\.\.HEAD\]\] \[PATH\.\.\.\]/);
        assert.match(help.stdout, /Exit status: 0 compared, 1 --fail-on met, 2 bad usage/);
        assert.match(repo.strategy(['--help']).stdout, /strategy diff \[BASE\[\.\.HEAD\]\]/);
    });

    it('run in a folder of the repository, it compares that folder\'s files and names them from there', () => {
        const repo = repository().init().write('team/goals.strategy', goals).write('other/more.strategy', 'objective Other "Other"\n').commit('first');
        repo.write('team/goals.strategy', goals.replace('"Work"', '"Work now"')).write('other/more.strategy', 'objective Other "Else"\n');
        const result = repo.strategy(['diff', '--today', '2026-11-23'], join(repo.root, 'team'));
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^HEAD → working tree: 1 changed;/);
        assert.match(result.stdout, /~ T-1 "Work now" \(goals\.strategy:3\)/);
    });
});
