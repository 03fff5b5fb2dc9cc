import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { checkCodes, checkSeverity } from '../../src/language/validate/checks/codes.js';
import { checkHelp } from '../../src/language/validate/checks/code-help.js';
import { strategy } from './run-strategy.js';

// `strategy check --format sarif`, as code scanning reads it: valid against the SARIF 2.1.0 schema, one rule per
// code of the table, each result located where the editor puts its squiggle.

/**
 * The SARIF 2.1.0 schema as an npm package ships it (@microsoft/jest-sarif: the schema of the 2.1.0 release,
 * "rtm.5"). It is JSON Schema draft-04, which Ajv 8 reads once the draft-04 `id` is called `$id` and the
 * meta-schema reference it has no copy of is dropped; draft-04 and draft-07 read every keyword it uses alike.
 */
function sarifValidator() {
    const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const { $schema, id, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8'));
    assert.match($schema, /draft-04/);
    assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
    // Its patterns are ECMA-262 regular expressions without the `u` flag, as draft-04 reads them (one has a lone `]`).
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    // The formats it names, checked rather than ignored: an absolute URI, a URI reference, an RFC 3339 date-time.
    ajv.addFormat('uri', text => /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]*$/i.test(text) && URL.canParse(text));
    ajv.addFormat('uri-reference', text => /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/.test(text));
    ajv.addFormat('date-time', text => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i.test(text));
    return ajv.compile({ ...schema, $id: id });
}

const validate = sarifValidator();
const today = '2026-11-23';

interface SarifResult {
    ruleId: string;
    ruleIndex?: number;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<'startLine' | 'startColumn' | 'endLine' | 'endColumn', number> } }>;
}

function sarifOf(stdout: string) {
    const log = JSON.parse(stdout);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    return log as { version: string; runs: Array<{ tool: { driver: Record<string, any> }; results: SarifResult[] }> };
}

describe('strategy check --format sarif', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'strategy-sarif-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('the schema rejects what is not SARIF, so that a pass means something', () => {
        assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
        assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
    });

    it('is valid SARIF 2.1.0 for every diagnostic of the examples, one result each, exit 1 as the text', () => {
        const sarif = strategy(['check', 'examples/diagnostics', '--format', 'sarif', '--today', today]);
        assert.equal(sarif.status, 1, sarif.stderr);
        const log = sarifOf(sarif.stdout);
        assert.equal(log.version, '2.1.0');
        const json = JSON.parse(strategy(['check', 'examples/diagnostics', '--format', 'json', '--today', today]).stdout);
        const fromJson = json.diagnostics.map((d: any) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity === 'info' ? 'note' : d.severity} ${d.code} ${d.message}`);
        const fromSarif = log.runs[0].results.map(r => {
            const { artifactLocation: { uri, uriBaseId }, region } = r.locations[0].physicalLocation;
            assert.equal(uriBaseId, '%SRCROOT%');
            return `${decodeURIComponent(uri)}:${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn} ${r.level} ${r.ruleId} ${r.message.text}`;
        });
        assert.deepEqual(fromSarif, fromJson);
        assert.ok(fromSarif.length > 40, `${fromSarif.length} results`);
    });

    it('has one rule per code of the table, with its name, severity and help; each result points at its rule', () => {
        const log = sarifOf(strategy(['check', 'examples/diagnostics', '--format', 'sarif', '--today', today]).stdout);
        const driver = log.runs[0].tool.driver;
        assert.equal(driver.name, 'strategy');
        assert.equal(driver.version, JSON.parse(readFileSync('package.json', 'utf8')).version);
        assert.match(driver.informationUri, /^https:\/\//);
        assert.deepEqual(driver.rules.map((rule: any) => rule.id), checkCodes);
        const levels = { error: 'error', warning: 'warning', info: 'note' };
        for (const rule of driver.rules) {
            const code = rule.id as keyof typeof checkHelp;
            assert.equal(rule.defaultConfiguration.level, levels[checkSeverity[code]], code);
            assert.equal(rule.help.markdown, checkHelp[code]);
            assert.equal(rule.help.text, checkHelp[code].replace(/`/g, ''));
            assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
        }
        assert.equal(driver.rules.find((rule: any) => rule.id === 'orphan-ticket').name, 'OrphanTicket');
        for (const result of log.runs[0].results) assert.equal(driver.rules[result.ruleIndex!].id, result.ruleId);
    });

    it('gives a result the region of its squiggle, 1-based with the end column after the last character', () => {
        const log = sarifOf(strategy(['check', 'examples/diagnostics/orphan-ticket.strategy', '--format', 'sarif', '--today', today]).stdout);
        assert.equal(log.runs[0].results.length, 1);
        const [result] = log.runs[0].results;
        assert.equal(result.ruleId, 'orphan-ticket');
        assert.equal(result.level, 'warning');
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.deepEqual(artifactLocation, { uri: 'examples/diagnostics/orphan-ticket.strategy', uriBaseId: '%SRCROOT%' });
        assert.deepEqual(region, { startLine: 20, startColumn: 8, endLine: 20, endColumn: 14 });
        const line = readFileSync('examples/diagnostics/orphan-ticket.strategy', 'utf8').split('\n')[region.startLine - 1];
        assert.equal(line.slice(region.startColumn - 1, region.endColumn - 1), 'ORPH-2');
    });

    it('counts columns in UTF-16 code units, as the editor does, after a title with an emoji', () => {
        writeFileSync(join(dir, 'a.strategy'), 'objective G "Grow 🚀" { parent Nowhere }\n');
        const log = sarifOf(strategy(['check', '--format', 'sarif', '--today', today], dir).stdout);
        const result = log.runs[0].results.find(r => r.ruleId === 'unresolved-reference')!;
        const { region } = result.locations[0].physicalLocation;
        const line = 'objective G "Grow 🚀" { parent Nowhere }';
        assert.equal(line.slice(region.startColumn - 1, region.endColumn - 1), 'Nowhere');
    });

    it('gives the same bytes wherever the folder is, and percent-encodes names; a file outside is a file: URI', () => {
        const copy = join(dir, 'copy');
        cpSync('examples/diagnostics', copy, { recursive: true });
        const here = strategy(['check', '--format', 'sarif', '--today', today], resolve('examples/diagnostics'));
        const there = strategy(['check', '--format', 'sarif', '--today', today], copy);
        assert.equal(there.stdout, here.stdout);
        assert.equal(strategy(['check', '--format', 'sarif', '--today', today], copy).stdout, there.stdout);

        mkdirSync(join(dir, 'repo', 'plan'), { recursive: true });
        writeFileSync(join(dir, 'repo', 'plan', 'q1 #2:draft.strategy'), 'ticket APP-9 "Loose"\n');
        const outside = join(dir, 'outside.strategy');
        writeFileSync(outside, 'ticket APP-10 "Loose"\n');
        const log = sarifOf(strategy(['check', 'plan', outside, '--format', 'sarif', '--today', today], join(dir, 'repo')).stdout);
        const locations = log.runs[0].results.map(r => r.locations[0].physicalLocation.artifactLocation);
        assert.deepEqual(locations, [
            { uri: pathToFileURL(outside).href },
            { uri: 'plan/q1%20%232%3Adraft.strategy', uriBaseId: '%SRCROOT%' }
        ]);
    });

    it('is an empty run, exit 0, for a clean workspace', () => {
        const result = strategy(['check', 'examples/shop-app', '--format', 'sarif', '--today', today]);
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(sarifOf(result.stdout).runs[0].results, []);
    });
});

describe('the README\'s table of checks', () => {
    it('says for each code the severity of the table and the help SARIF gives', () => {
        const readme = readFileSync('README.md', 'utf8');
        const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (\w+) \| (.*) \|$/gm)].map(([, code, severity, help]) => ({ code, severity, help }));
        const expected = checkCodes.map(code => ({ code, severity: checkSeverity[code], help: checkHelp[code] }));
        const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
        assert.deepEqual(rows.sort(byCode), expected.sort(byCode));
    });
});
