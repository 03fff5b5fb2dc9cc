import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strategy } from './run-strategy.js';
import { workspace } from '../helpers.js';

// `strategy import` from the outside, on exports shaped as `gh issue list --json …` and Jira's CSV export write
// them (test/fixtures/import/): the tickets it writes, what it keeps, what it says, and what it refuses.

const fixtures = resolve('test/fixtures/import');
const githubExport = join(fixtures, 'github-issues.json');
const jiraExport = join(fixtures, 'jira-issues.csv');
const original = readFileSync(join(fixtures, 'backlog.strategy'), 'utf8');

/** The block of ticket `id` in a file, from its `ticket` line to its closing brace. */
function block(text: string, id: string): string {
    const start = text.indexOf(`ticket ${id} `);
    assert.ok(start >= 0, `no ticket ${id} in:\n${text}`);
    const end = text.indexOf('\n}', start);
    return text.slice(start, end + 2);
}

/**
 * Every line of the original that the import must keep, in order: all but what follows the tracker (a ticket's
 * `ticket ID "title"` and its `status`, `kind`, `link` fields). The fields of a one-line block are checked as lines
 * of the formatted block.
 */
function assertHandWrittenKept(before: string, after: string): void {
    const afterLines = after.split('\n');
    let from = 0;
    for (const line of before.split('\n')) {
        if (/^\s*(?:status|kind|link)\b/.test(line)) continue;
        const heading = /^ticket \S+ "(?:\\.|[^"\\])*"\s*(.*)$/.exec(line);
        if (heading) {
            const fields = heading[1].replace(/^\{\s*/, '').replace(/\s*\}?$/, '').split(/\s+(?=(?:serves|implements|milestone|priority|kind|status|link)\b)/);
            for (const field of fields.filter(field => field !== '' && !/^(?:status|kind|link)\b/.test(field))) {
                assert.ok(afterLines.slice(from).some(kept => kept.trim() === field), `the field '${field}' of '${line}' was lost:\n${after}`);
            }
            continue;
        }
        const at = afterLines.indexOf(line, from);
        assert.ok(at >= 0, `the hand-written line '${line}' was lost or moved:\n${after}`);
        from = at + 1;
    }
}

describe('strategy import', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'strategy-import-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const backlog = () => {
        copyFileSync(join(fixtures, 'backlog.strategy'), join(dir, 'backlog.strategy'));
        return join(dir, 'backlog.strategy');
    };

    it('github: adds new issues as GH-<number> tickets with status, kind, link and serves from objective:<ID>', () => {
        const result = strategy(['import', 'github', githubExport], dir);
        assert.equal(result.stderr, '');
        assert.equal(result.status, 0);
        assert.equal(result.stdout, 'backlog.strategy: 5 added, 0 updated, 0 unchanged\n');
        const text = readFileSync(join(dir, 'backlog.strategy'), 'utf8');
        assert.equal(block(text, 'GH-101'), 'ticket GH-101 "Checkout fails with \\"Invalid, address\\" on iOS" {\n  serves Activation\n  kind bug\n  status todo\n  link "https://github.com/acme/shop/issues/101"\n}');
        assert.equal(block(text, 'GH-102'), 'ticket GH-102 "Personalisierte Benachrichtigungen — Prototyp" {\n  kind feature\n  status done\n  link "https://github.com/acme/shop/issues/102"\n}');
        assert.match(block(text, 'GH-103'), /^ticket GH-103 "Loyalty points in the app \(絵文字 ✓\)" \{\n  status dropped\n/);
        assert.match(block(text, 'GH-104'), /^ticket GH-104 "Why do users leave at step 2\?\\nNotes from the interviews" \{\n  kind research\n  status todo\n/);
        assert.match(block(text, 'GH-5'), /^ticket GH-5 "Back\\\\slash in a title" \{\n  status todo\n/);
        // What it wrote is the language: the engine reads it back with the same titles.
        const trace = JSON.parse(strategy(['trace', '.', '--format', 'json', '--today', '2026-11-26'], dir).stdout);
        const titles = Object.fromEntries(trace.tickets.map((ticket: { id: string; title: string }) => [ticket.id, ticket.title]));
        assert.equal(titles['GH-104'], 'Why do users leave at step 2?\nNotes from the interviews');
        assert.equal(titles['GH-5'], 'Back\\slash in a title');
    });

    it('github into an existing backlog: hand-written fields and comments kept, title/status/kind/link follow the tracker', () => {
        const file = backlog();
        const result = strategy(['import', 'github', githubExport, '-o', file], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /: 4 added, 1 updated, 0 unchanged\n$/);
        const text = readFileSync(file, 'utf8');
        // The one-line block comes out in the formatter's layout, its serves and priority kept (no serves from a label).
        assert.equal(block(text, 'GH-101'), 'ticket GH-101 "Checkout fails with \\"Invalid, address\\" on iOS" {\n  serves Engagement\n  priority critical\n  kind bug\n  status todo\n  link "https://github.com/acme/shop/issues/101"\n}');
        assertHandWrittenKept(original, text);
        assert.equal(strategy(['check', '.', '--today', '2026-11-26'], dir).status, 0);
    });

    it('jira: repeated Labels columns, multi-line and quoted summaries, a BOM, Status Category when the status is unknown', () => {
        const file = backlog();
        const result = strategy(['import', 'jira', jiraExport, '-o', 'backlog.strategy'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, 'backlog.strategy: 3 added, 2 updated, 0 unchanged\n');
        assert.match(result.stderr, /jira-issues\.csv: ignored 8 columns that import does not read: Issue id, Project key, Project name, Priority, Assignee, Created, Description, Custom field \(Story Points\)\n/);
        assert.match(result.stderr, /no ticket status for the Jira status 'Parked'/);
        const text = readFileSync(file, 'utf8');
        assert.equal(block(text, 'APP-123'), [
            'ticket APP-123 "Prototype personalised notifications" {',
            '  serves Engagement // the main bet',
            '  milestone NotificationsBeta',
            '  priority high',
            '  status doing     /* until the design is done */',
            '  kind feature',
            '}'
        ].join('\n'));
        assert.equal(block(text, 'APP-124'), 'ticket APP-124 "Exclusive deals, \\"members only\\"" {\n  serves Activation\n  /* owner: deals squad */\n  status done\n  kind bug\n}');
        // "Won't Do" is dropped; its objective comes from the first of three Labels columns.
        assert.equal(block(text, 'APP-125'), 'ticket APP-125 "Rewards programme\\nsecond line of the summary" {\n  serves Engagement\n  status dropped\n}');
        // "Blocked" is no status of ours: its Status Category, In Progress, says doing.
        assert.equal(block(text, 'APP-126'), 'ticket APP-126 "Straße & café: search for accents" {\n  kind research\n  status doing\n}');
        assert.match(text, /\nticket APP-127 "Mystery status" \{\n  kind feature\n\}\n$/);
        assertHandWrittenKept(original, text);
    });

    it('importing the same export again changes nothing: every ticket unchanged, the file byte for byte', () => {
        const file = backlog();
        assert.equal(strategy(['import', 'jira', jiraExport, '-o', file], dir).status, 0);
        assert.equal(strategy(['import', 'github', githubExport, '-o', file], dir).status, 0);
        const first = readFileSync(file, 'utf8');
        const again = strategy(['import', 'github', githubExport, '-o', file], dir);
        assert.equal(again.stdout, `${file}: 0 added, 0 updated, 5 unchanged\n`);
        assert.equal(strategy(['import', 'jira', jiraExport, '-o', file], dir).stdout, `${file}: 0 added, 0 updated, 5 unchanged\n`);
        assert.equal(readFileSync(file, 'utf8'), first);
    });

    it('an open issue leaves a doing ticket doing (GitHub has no in-progress state), and a closed one makes it done', () => {
        const file = join(dir, 'work.strategy');
        writeFileSync(file, 'ticket GH-101 "Checkout fails with \\"Invalid, address\\" on iOS" {\n  status doing\n}\n\nticket GH-102 "x" {\n  status doing\n}\n');
        const result = strategy(['import', 'github', githubExport, '-o', file, '--dry-run'], dir);
        assert.equal(result.status, 0);
        assert.match(result.stdout, /  updated GH-101: new kind bug, new link "https:\/\/github\.com\/acme\/shop\/issues\/101"\n/);
        assert.match(result.stdout, /  updated GH-102: title "x" → "Personalisierte Benachrichtigungen — Prototyp", new kind feature, status doing → done, new link /);
    });

    it('--dry-run prints what would be added and updated, before → after, and writes nothing', () => {
        const file = backlog();
        const result = strategy(['import', 'jira', jiraExport, '-o', file, '--dry-run'], dir);
        assert.equal(result.status, 0);
        assert.equal(result.stdout, [
            `${file}: 3 added, 2 updated, 0 unchanged (dry run: nothing written)`,
            '  added APP-125 "Rewards programme\\nsecond line of the summary"',
            '  added APP-126 "Straße & café: search for accents"',
            '  added APP-127 "Mystery status"',
            '  updated APP-123: title "Prototype notifications" → "Prototype personalised notifications", kind experiment → feature, status todo → doing',
            '  updated APP-124: title "Exclusive deals" → "Exclusive deals, \\"members only\\"", new kind bug, status doing → done',
            ''
        ].join('\n'));
        assert.equal(readFileSync(file, 'utf8'), original);
        assert.equal(strategy(['import', 'github', githubExport, '--dry-run'], dir).status, 0);
        assert.equal(existsSync(join(dir, 'backlog.strategy')), true); // the copy above
        const empty = mkdtempSync(join(tmpdir(), 'strategy-import-dry-'));
        try {
            assert.equal(strategy(['import', 'github', githubExport, '--dry-run'], empty).status, 0);
            assert.equal(existsSync(join(empty, 'backlog.strategy')), false);
        } finally {
            rmSync(empty, { recursive: true, force: true });
        }
    });

    it('keeps a byte order mark and CRLF line endings of the backlog file', () => {
        const file = join(dir, 'crlf.strategy');
        writeFileSync(file, '\uFEFF// kept\r\nticket GH-5 "Old" {\r\n  priority low\r\n}\r\n');
        assert.equal(strategy(['import', 'github', githubExport, '-o', file], dir).status, 0);
        const text = readFileSync(file, 'utf8');
        assert.ok(text.startsWith('\uFEFF// kept\r\nticket GH-5 "Back\\\\slash in a title" {\r\n  priority low\r\n  status todo\r\n'), text);
        assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
    });

    it('writes the formatter\'s layout whatever shape the tickets had: Format Document then changes nothing', async () => {
        const file = join(dir, 'shapes.strategy');
        writeFileSync(file, [
            'ticket GH-101 "a" {}',
            'ticket GH-102 "b" { }',
            'ticket GH-103 "c" // a note after the title',
            'ticket GH-104 "d" { priority low /* why */ }',
            'ticket   GH-5 "e"{priority high',
            '  // before the brace',
            '}',
            'ticket Mine "Not imported"   {   serves X }'
        ].join('\n'));
        const result = strategy(['import', 'github', githubExport, '-o', file], dir);
        assert.equal(result.status, 0, result.stderr);
        const text = readFileSync(file, 'utf8');
        assert.match(text, /^ticket GH-101 "Checkout fails with \\"Invalid, address\\" on iOS" \{\n  kind bug\n  status todo\n  link "[^"]+"\n\}\nticket GH-102 /);
        assert.match(text, /\nticket GH-103 "Loyalty points in the app \(絵文字 ✓\)" \{\n  status dropped\n  link "[^"]+"\n\} \/\/ a note after the title\n/);
        assert.match(text, /\n  priority low \/\* why \*\/\n  kind research\n  status todo\n/);
        assert.match(text, /\n  priority high\n  \/\/ before the brace\n  status todo\n  link "[^"]+"\n\}\nticket Mine "Not imported" \{\n  serves X\n\}\n$/);
        const ws = await workspace({ 'shapes.strategy': text });
        const document = ws.documents.get('shapes.strategy')!;
        const edits = await ws.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        assert.deepEqual(edits, []);
    });

    it('says which JSON fields it ignores, and when a new ticket takes the ID of another element of the file', () => {
        const json = join(dir, 'more.json');
        writeFileSync(json, JSON.stringify([{ assignees: [], body: 'text', number: 9, state: 'OPEN', stateReason: '', title: 'Nine', labels: [], url: 'u' }]));
        writeFileSync(join(dir, 'backlog.strategy'), 'objective GH-9 "Also nine"\n');
        const result = strategy(['import', 'github', 'more.json'], dir);
        assert.equal(result.status, 0);
        assert.equal(result.stderr, [
            'strategy import: more.json: ignored 2 fields that import does not read: assignees, body',
            "strategy import: backlog.strategy already names another element GH-9; the ticket is added all the same, and 'strategy check' reports the duplicate-id to rename",
            ''
        ].join('\n'));
        assert.equal(readFileSync(join(dir, 'backlog.strategy'), 'utf8'), 'objective GH-9 "Also nine"\n\nticket GH-9 "Nine" {\n  status todo\n  link "u"\n}\n');
    });

    it('tracker keys that are no strategy IDs are renamed, and each renaming is said', () => {
        const csv = join(dir, 'keys.csv');
        writeFileSync(csv, 'Issue key,Summary,Status\napp 12,Spaces,To Do\n12-A,Digit first,Done\nticket,A keyword,Done\napp_12,Taken by the first,To Do\n');
        const result = strategy(['import', 'jira', csv, '-o', 'out.strategy'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, "strategy import: 3 tracker keys are not a strategy ID and were renamed: 'app 12' → app_12_2, '12-A' → T-12-A, 'ticket' → T-ticket\n");
        const text = readFileSync(join(dir, 'out.strategy'), 'utf8');
        // The key that is an ID keeps it; the renamed one takes the next free ID.
        assert.match(text, /^ticket app_12_2 "Spaces" \{\n  status todo\n\}\n\nticket T-12-A "Digit first" \{\n  status done\n\}\n\nticket T-ticket "A keyword" \{\n  status done\n\}\n\nticket app_12 "Taken by the first"/);
        assert.doesNotMatch(strategy(['check', 'out.strategy'], dir).stdout, /duplicate-id/);
    });
});

describe('strategy import on bad input', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'strategy-import-bad-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, text: string) => { writeFileSync(join(dir, name), text); return name; };

    it('malformed JSON: exit 2 with its line and column, nothing written', () => {
        const result = strategy(['import', 'github', file('issues.json', '[\n  {"number": 1, "title": "x",,}\n]\n')], dir);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^strategy import: issues\.json:2:30: not valid JSON: /);
        assert.equal(existsSync(join(dir, 'backlog.strategy')), false);
        const cut = strategy(['import', 'github', file('cut.json', '[{"number": 1, "title": "x"}')], dir);
        assert.equal(cut.status, 2);
        assert.match(cut.stderr, /^strategy import: cut\.json:1:29: not valid JSON: /);
    });

    it('JSON of another shape: exit 2 saying what is expected, and which item lacks what', () => {
        const object = strategy(['import', 'github', file('o.json', '{"number": 1}')], dir);
        assert.equal(object.status, 2);
        assert.match(object.stderr, /o\.json:1:1: expected a JSON array of issues, as `gh issue list --state all --json number,title,state,stateReason,labels,url` prints/);
        const noNumber = strategy(['import', 'github', file('n.json', '[{"number": 1, "title": "a"}, {"title": "b"}]')], dir);
        assert.equal(noNumber.status, 2);
        assert.match(noNumber.stderr, /n\.json:item 2: no issue number \(the field "number"\)/);
    });

    it('malformed CSV: a quote that never closes, text after a closing quote, a row of the wrong width: exit 2, located', () => {
        const open = strategy(['import', 'jira', file('a.csv', 'Issue key,Summary\nAPP-1,"ok"\nAPP-2,"never\ncloses\n')], dir);
        assert.equal(open.status, 2);
        assert.equal(open.stderr, 'strategy import: a.csv:3:7: not valid CSV: this quoted field never closes (a missing `"`)\n');
        const after = strategy(['import', 'jira', file('b.csv', 'Issue key,Summary\nAPP-1,"two\nlines"x\n')], dir);
        assert.equal(after.stderr, 'strategy import: b.csv:3:7: not valid CSV: text after the closing quote of a field; write a quote inside a quoted field as ""\n');
        const width = strategy(['import', 'jira', file('c.csv', 'Issue key,Summary\nAPP-1,a,b\n')], dir);
        assert.equal(width.status, 2);
        assert.match(width.stderr, /c\.csv:2:1: 3 fields where the header has 2/);
        const noKey = strategy(['import', 'jira', file('d.csv', 'Key,Summary\nAPP-1,a\n')], dir);
        assert.equal(noKey.status, 2);
        assert.match(noKey.stderr, /d\.csv:1:1: no 'Issue key' column/);
    });

    it('an empty file is exit 2; an export of no issues is said and changes nothing (exit 0)', () => {
        const empty = strategy(['import', 'jira', file('e.csv', '')], dir);
        assert.equal(empty.status, 2);
        assert.equal(empty.stderr, "strategy import: e.csv is empty; expected Jira's CSV export\n");
        const none = strategy(['import', 'github', file('none.json', '[]\n')], dir);
        assert.equal(none.status, 0);
        assert.equal(none.stderr, 'strategy import: none.json holds no issues; nothing to import, backlog.strategy is unchanged\n');
        const header = strategy(['import', 'jira', file('h.csv', '\uFEFFIssue key,Summary,Labels,Labels\r\n')], dir);
        assert.equal(header.status, 0);
        assert.equal(existsSync(join(dir, 'backlog.strategy')), false);
    });

    it('an export that is not UTF-8 (a Latin-1 CSV): exit 2 at the first byte that is not', () => {
        writeFileSync(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from('Issue key,Summary\nAPP-1,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
        const result = strategy(['import', 'jira', 'latin1.csv'], dir);
        assert.equal(result.status, 2);
        assert.equal(result.stderr, 'strategy import: latin1.csv:2:10: not UTF-8 text (byte 0xe9); save the file as UTF-8\n');
        assert.equal(existsSync(join(dir, 'backlog.strategy')), false);
    });

    it('an output file that does not parse: exit 2 naming its syntax error, the file untouched', () => {
        const broken = 'ticket APP-1 "One" {\n  status\n}\n// mine\n';
        file('broken.strategy', broken);
        const result = strategy(['import', 'github', join(fixtures, 'github-issues.json'), '-o', 'broken.strategy'], dir);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^strategy import: broken\.strategy:3:1: .*; fix it before importing \(nothing was written\)\n$/);
        assert.equal(readFileSync(join(dir, 'broken.strategy'), 'utf8'), broken);
    });

    it('bad usage: no tracker, an unknown one, no file, -o that is not a .strategy file: exit 2 with the help', () => {
        for (const [args, message] of [
            [[], 'name the tracker: github or jira'],
            [['gitlab', 'x.json'], "unknown tracker 'gitlab'; use github or jira"],
            [['github'], 'name the export file to read (FILE.json)'],
            [['jira', 'a.csv', '-o', 'out.txt'], '-o out.txt is not a .strategy file: the tickets go into one']
        ] as const) {
            const result = strategy(['import', ...args], dir);
            assert.equal(result.status, 2);
            assert.ok(result.stderr.startsWith(`strategy import: ${message}\n\nUsage: strategy import github FILE.json`), result.stderr);
        }
        const help = strategy(['import', '--help'], dir);
        assert.equal(help.status, 0);
        assert.match(help.stdout, /^Usage: strategy import github FILE\.json \[-o FILE\.strategy\] \[--dry-run\]\n/);
        assert.match(strategy(['--help'], dir).stdout, /\n  strategy import github FILE\.json \| jira FILE\.csv \[-o FILE\.strategy\] \[--dry-run\]\n/);
        const missing = strategy(['import', 'github', 'nowhere.json'], dir);
        assert.equal(missing.status, 2);
        assert.equal(missing.stderr, 'strategy import: cannot read nowhere.json: no such file or folder\n');
    });
});
