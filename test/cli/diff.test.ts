import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { GitRepository } from './git-fixture.js';

// `strategy diff` on real git repositories: each kind of change, in text, JSON (valid against the documented
// schema) and Markdown, and nothing written to the repository.

const schema = JSON.parse(readFileSync(join('docs', 'schema', 'diff.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

/** What the tests read of the JSON; the schema test checks the whole. */
type DiffJson = Record<string, any>;

const baseGoals = `vision "Groceries in one tap"
objective Engagement "Grow engagement" { metric Weekly }
objective Activation "Activate new users" { metric Weekly }
objective Act "Keep users" { metric Weekly }
metric Weekly "Weekly orders" { unit "%" baseline 20 target 30 by 2027-06-30 reading 22 on 2026-10-01 }
`;
const baseWork = `milestone Beta "Beta" { by 2026-11-01 }
ticket T-1 "Reorder" { serves Engagement milestone Beta status todo }
ticket T-2 "Old idea" { serves Engagement }
ticket T-4 "Moves" { serves Activation }
`;
const featureGoals = `vision "Groceries in one tap"
objective Engagement "Grow engagement" { metric Weekly }
objective Activation "Activate new users" { metric Weekly }
objective Keep "Keep users" { metric Weekly }
metric Weekly "Weekly orders" { unit "%" baseline 20 target 28 by 2027-09-30 reading 22 on 2026-10-01 reading 22.5 on 2026-11-01 }
ticket T-4 "Moves" { serves Activation }
`;
const featureBacklog = `milestone Beta "Beta | public" { by 2026-12-02 }
ticket T-1 "Reorder" { serves Activation milestone Beta status done }
ticket T-3 "Price alerts" { serves Nope }
`;

describe('strategy diff', () => {
    let repo: GitRepository;
    before(() => {
        repo = new GitRepository().init();
        repo.write('goals.strategy', baseGoals).write('work.strategy', baseWork).commit('base');
        repo.git('tag', 'v1');
        repo.git('checkout', '-q', '-b', 'feature');
        // The work file is renamed and edited in one commit; one ticket moves to the goals file unchanged.
        repo.git('mv', 'work.strategy', 'backlog.strategy');
        repo.write('goals.strategy', featureGoals).write('backlog.strategy', featureBacklog).commit('feature');
        repo.git('checkout', '-q', 'main');
    });
    after(() => repo.dispose());
    const diff = (...args: string[]) => repo.strategy(['diff', '--today', '2026-11-23', ...args]);

    it('text: each kind of change by element, grouped by kind, then the diagnostics the change adds and resolves', () => {
        const statusBefore = repo.status();
        const result = diff('main..feature');
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, `main → feature: 1 added, 1 removed, 1 renamed, 3 changed; 1 element only moved to another file; diagnostics: 1 new error, 1 new info, 1 resolved

Objectives
  → Keep, was Act "Keep users" (goals.strategy:4)

Metrics
  ~ Weekly "Weekly orders" (goals.strategy:5)
      target 30 → 28, by 2027-06-30 → 2027-09-30 (+92 days)
      new reading 22.5 on 2026-11-01: 20% → 31% of the way

Tickets
  ~ T-1 "Reorder" (backlog.strategy:2, moved from work.strategy)
      serves Engagement → Activation
      status todo → done
  - T-2 "Old idea" (was in work.strategy:3)
  + T-3 "Price alerts" (backlog.strategy:3)

Milestones
  ~ Beta "Beta | public" (backlog.strategy:1, moved from work.strategy)
      title "Beta" → "Beta | public"
      by 2026-11-01 → 2026-12-02 (slipped 31 days)

Diagnostics added
  backlog.strategy:3:36: error unresolved-reference: No objective named Nope; define it with 'objective Nope "…"'
  goals.strategy:2:11: info objective-without-work: No solution advances objective Engagement and no ticket serves it; plan work for it, or drop it if it is not a goal now

Diagnostics resolved
  work.strategy:1:11: warning milestone-overdue: Milestone Beta was due 2026-11-01, 22 days ago, and 1 ticket is still live: T-1; finish or drop them, move them to a later milestone, or move its date
`);
        assert.equal(repo.status(), statusBefore, 'git status is unchanged');
    });

    it('json: the spec\'s schema, valid against docs/schema/diff.schema.json', () => {
        const result = diff('main..feature', '--format', 'json');
        assert.equal(result.status, 0, result.stderr);
        const json = JSON.parse(result.stdout) as DiffJson;
        assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
        assert.equal(json.base, 'main');
        assert.equal(json.head, 'feature');
        const byId = new Map(json.changes.map((change: { id: string }) => [change.id, change]));
        assert.deepEqual(byId.get('Keep'), { id: 'Keep', kind: 'objective', change: 'renamed', from: 'Act', title: 'Keep users', file: 'goals.strategy', line: 4, fields: [] });
        assert.deepEqual((byId.get('Weekly') as { fields: unknown[] }).fields, [
            { field: 'target', before: '30 by 2027-06-30', after: '28 by 2027-09-30', note: '+92 days', words: 'target 30 → 28, by 2027-06-30 → 2027-09-30 (+92 days)' },
            { field: 'reading', before: null, after: '22.5 on 2026-11-01', note: '20% → 31% of the way', words: 'new reading 22.5 on 2026-11-01: 20% → 31% of the way' }
        ]);
        assert.deepEqual((byId.get('T-1') as { fields: Array<{ field: string }> }).fields.map(field => field.field), ['serves', 'status']);
        assert.equal((byId.get('T-1') as { fromFile: string }).fromFile, 'work.strategy');
        assert.equal((byId.get('T-2') as { change: string }).change, 'removed');
        assert.equal((byId.get('T-3') as { change: string }).change, 'added');
        assert.deepEqual((byId.get('Beta') as { fields: Array<{ note?: string }> }).fields.map(field => field.note), [undefined, 'slipped 31 days']);
        assert.equal(byId.has('T-4'), false, 'an element moved to another file is no change');
        assert.equal(json.summary.moved, 1);
        assert.deepEqual(json.summary.diagnostics, { added: { errors: 1, warnings: 0, infos: 1 }, resolved: { errors: 0, warnings: 1, infos: 0 } });
        assert.deepEqual(json.diagnostics.added[0], {
            file: 'backlog.strategy', line: 3, column: 36, endLine: 3, endColumn: 40, severity: 'error', code: 'unresolved-reference',
            message: 'No objective named Nope; define it with \'objective Nope "…"\'', element: 'T-3'
        });
        assert.deepEqual(json.notes, []);
    });

    it('md: a summary line, a table of changes and of new diagnostics, the resolved ones folded; text from the files escaped', () => {
        const result = diff('main..feature', '--format', 'md');
        assert.equal(result.status, 0, result.stderr);
        const lines = result.stdout.split('\n');
        assert.equal(lines[0], '### Strategy changes: main → feature');
        assert.equal(lines[2], '**1 added, 1 removed, 1 renamed, 3 changed; 1 element only moved to another file; diagnostics: 1 new error, 1 new info, 1 resolved**');
        assert.ok(lines.includes('| Change | Element | Kind | What changed | Where |'));
        assert.ok(lines.includes('| renamed | **Keep** Keep users | objective | renamed from **Act** | goals.strategy:4 |'));
        assert.ok(lines.includes('| changed | **Beta** Beta \\| public | milestone | moved from work.strategy<br>title "Beta" → "Beta \\| public"<br>by 2026-11-01 → 2026-12-02 (slipped 31 days) | backlog.strategy:1 |'), result.stdout);
        assert.ok(lines.includes('#### New diagnostics (2)'));
        assert.ok(lines.includes('<summary>Resolved diagnostics (1)</summary>'));
    });

    it('--fail-on new-errors exits 1 when the change adds an error; new-warnings also on warnings; neither when it adds none', () => {
        assert.equal(diff('main..feature', '--fail-on', 'new-errors').status, 1);
        assert.equal(diff('main..feature', '--fail-on', 'new-warnings').status, 1);
        assert.equal(diff('feature..main', '--fail-on', 'new-errors').status, 0, 'going back resolves the error');
        assert.equal(diff('feature..main', '--fail-on', 'new-warnings').status, 1, 'going back brings the overdue milestone back');
        const wrong = diff('main..feature', '--fail-on', 'errors');
        assert.equal(wrong.status, 2);
        assert.match(wrong.stderr, /--fail-on takes new-errors or new-warnings, not 'errors'/);
    });

    it('compares HEAD with the working tree by default, and a tag, HEAD~1 or BASE...HEAD as git reads them', () => {
        const statusBefore = repo.status();
        assert.equal(diff().stdout, 'HEAD → working tree: no element changed; diagnostics: none added or resolved\n');
        repo.write('goals.strategy', baseGoals.replace('target 30 by 2027-06-30', 'target 30 by 2027-07-30'));
        try {
            const changed = diff();
            assert.equal(changed.status, 0, changed.stderr);
            assert.match(changed.stdout, /^HEAD → working tree: 1 changed;/);
            assert.match(changed.stdout, /target 30, by 2027-06-30 → 2027-07-30 \(\+30 days\)/);
            assert.match(diff('v1').stdout, /^v1 → working tree: 1 changed;/);
        } finally {
            repo.git('checkout', '--', 'goals.strategy');
        }
        assert.match(diff('v1..feature').stdout, /^v1 → feature: 1 added/);
        assert.match(diff('feature~1..feature').stdout, /^feature~1 → feature: 1 added/);
        assert.match(diff('main...feature').stdout, /^main → feature: 1 added/);
        assert.equal(repo.status(), statusBefore, 'git status is unchanged');
    });

    it('PATH limits the comparison to those files; -- marks paths that could be read as revisions', () => {
        const result = diff('main..feature', 'goals.strategy');
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^main → feature: 1 added, 1 renamed, 1 changed; diagnostics:/);
        assert.match(result.stdout, /\+ T-4 "Moves" \(goals\.strategy:6\)/, 'the ticket moved in from a file left out is new here');
        const afterDashes = diff('--', 'goals.strategy');
        assert.equal(afterDashes.status, 0, afterDashes.stderr);
        assert.match(afterDashes.stdout, /^HEAD → working tree: no element changed/);
    });

    it('the diagnostics of files that did not change follow a change in another file, as a full check of each side gives them', () => {
        const cross = new GitRepository().init();
        try {
            cross.write('a.strategy', 'objective G "Grow" { metric M }\nmetric M "Users" { unit "%" baseline 20 target 30 by 2027-06-30 }\n')
                .write('b.strategy', 'ticket T-1 "Work" { serves G }\n').write('c.strategy', 'ticket T-2 "Later" { serves Later }\n').commit('base');
            // The objective file drops G and defines Later: the ticket files, unchanged, gain and lose an error.
            cross.write('a.strategy', 'objective Later "Later" { metric M }\nmetric M "Users" { unit "%" baseline 20 target 30 by 2027-06-30 }\n').commit('head');
            const json = JSON.parse(cross.strategy(['diff', 'HEAD~1..HEAD', '--format', 'json', '--today', '2026-11-23']).stdout) as DiffJson;
            const said = (list: Array<{ file: string; code: string; element?: string }>) => list.map(d => `${d.file} ${d.code} ${d.element}`);
            assert.deepEqual(said(json.diagnostics.added), ['b.strategy unresolved-reference T-1']);
            assert.deepEqual(said(json.diagnostics.resolved), ['c.strategy unresolved-reference T-2']);
            const check = JSON.parse(cross.strategy(['check', '--format', 'json', '--today', '2026-11-23']).stdout) as { diagnostics: Array<{ file: string; code: string }> };
            assert.deepEqual(check.diagnostics.map(d => `${d.file} ${d.code}`), ['b.strategy unresolved-reference']);
            // The ticket file alone changes: the objective file, unchanged, gains a diagnostic.
            cross.remove('c.strategy').commit('third');
            const third = JSON.parse(cross.strategy(['diff', 'HEAD~1..HEAD', '--format', 'json', '--today', '2026-11-23']).stdout) as DiffJson;
            assert.deepEqual(said(third.diagnostics.added), ['a.strategy objective-without-work Later']);
            assert.deepEqual(said(third.diagnostics.resolved), []);
        } finally {
            cross.dispose();
        }
    });

    it('a file that did not change, relinked to what changed elsewhere, gains and loses what its targets now make true', () => {
        const cross = new GitRepository().init();
        try {
            cross.write('goals.strategy', 'objective G "Grow" { metric M }\nobjective H "Help" { metric M }\nmetric M "Users" { unit "%" baseline 20 target 30 by 2027-06-30 }\n')
                .write('solutions.strategy', 'solution S "Do" { advances G }\n')
                .write('tickets.strategy', 'ticket T-1 "Work" { serves G implements S }\n').commit('base');
            // The solution now advances H: the ticket file, unchanged and resolving to the same elements, gains a
            // mismatch; the objective file, which refers to neither, has H given work.
            cross.write('solutions.strategy', 'solution S "Do" { advances H }\n').commit('solution moves');
            const said = (list: Array<{ file: string; code: string; element?: string }>) => list.map(d => `${d.file} ${d.code} ${d.element}`);
            const diff = (range: string) => JSON.parse(cross.strategy(['diff', range, '--format', 'json', '--today', '2026-11-23']).stdout) as DiffJson;
            const moved = diff('HEAD~1..HEAD');
            assert.deepEqual(said(moved.diagnostics.added), ['tickets.strategy ticket-solution-mismatch T-1']);
            assert.deepEqual(said(moved.diagnostics.resolved), ['goals.strategy objective-without-work H']);
            // The ticket now serves H: the objective file, unchanged, says G has no work, and the mismatch goes.
            cross.write('tickets.strategy', 'ticket T-1 "Work" { serves H implements S }\n').commit('ticket moves');
            const served = diff('HEAD~1..HEAD');
            assert.deepEqual(said(served.diagnostics.added), ['goals.strategy objective-without-work G']);
            assert.deepEqual(said(served.diagnostics.resolved), ['tickets.strategy ticket-solution-mismatch T-1']);
            // Each side's diagnostics are a full check's: from the first commit to the last, G gains what H loses.
            const whole = diff('HEAD~2..HEAD');
            assert.deepEqual(said(whole.diagnostics.added), ['goals.strategy objective-without-work G']);
            assert.deepEqual(said(whole.diagnostics.resolved), ['goals.strategy objective-without-work H']);
            const check = JSON.parse(cross.strategy(['check', '--format', 'json', '--today', '2026-11-23']).stdout) as { diagnostics: Array<{ file: string; code: string }> };
            assert.deepEqual(check.diagnostics.map(d => `${d.file} ${d.code}`), ['goals.strategy objective-without-work', 'solutions.strategy solution-without-user']);
        } finally {
            cross.dispose();
        }
    });
});
