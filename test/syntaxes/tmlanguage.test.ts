// The TextMate grammar and language configuration, checked with the same engine VS Code uses
// (vscode-textmate + the oniguruma wasm shipped in vscode-oniguruma, loaded from node_modules; no network).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type TextMate = typeof import('vscode-textmate');
type Oniguruma = typeof import('vscode-oniguruma');

const require = createRequire(import.meta.url);
const tm = require('vscode-textmate') as TextMate;
const onig = require('vscode-oniguruma') as Oniguruma;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const grammarPath = path.join(root, 'syntaxes/strategy.tmLanguage.json');
const examplesDir = path.join(root, 'examples/shop-app');

interface Token { text: string; scopes: string[]; line: number }

let grammar: import('vscode-textmate').IGrammar;

async function loadGrammar(): Promise<import('vscode-textmate').IGrammar> {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new tm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (sources: string[]) => new onig.OnigScanner(sources),
            createOnigString: (text: string) => new onig.OnigString(text)
        }),
        loadGrammar: async (scopeName: string) => scopeName === 'source.strategy'
            ? tm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
            : null
    });
    const loaded = await registry.loadGrammar('source.strategy');
    assert.ok(loaded, 'grammar source.strategy did not load');
    return loaded;
}

/** Every token of the text, line by line, whitespace-only tokens left out. */
function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let state = tm.INITIAL;
    text.split(/\r?\n/).forEach((lineText, line) => {
        const result = grammar.tokenizeLine(lineText, state);
        state = result.ruleStack;
        for (const t of result.tokens) {
            const tokenText = lineText.slice(t.startIndex, t.endIndex);
            if (tokenText.trim() !== '') tokens.push({ text: tokenText, scopes: t.scopes, line });
        }
    });
    return tokens;
}

/** The tokens whose text is exactly `text` (a word split across tokens has none). */
function tokensOf(tokens: Token[], text: string): Token[] {
    return tokens.filter(t => t.text === text);
}

function only(tokens: Token[], text: string): Token {
    const found = tokensOf(tokens, text);
    assert.ok(found.length > 0, `no single token "${text}"; tokens: ${tokens.map(t => JSON.stringify(t.text)).join(' ')}`);
    return found[0];
}

/** Asserts that the innermost scope of the token for `text` is `scope` (or starts with it, for prefixes ending in '.'). */
function assertScope(tokens: Token[], text: string, scope: string): Token {
    const token = only(tokens, text);
    const innermost = token.scopes[token.scopes.length - 1];
    const ok = scope.endsWith('.') ? innermost.startsWith(scope) : innermost === scope;
    assert.ok(ok, `"${text}" has scopes [${token.scopes.join(', ')}], expected innermost ${scope}`);
    return token;
}

function hasScope(token: Token, prefix: string): boolean {
    return token.scopes.some(s => s === prefix || s.startsWith(prefix + '.'));
}

function example(name: string): Token[] {
    return tokenize(fs.readFileSync(path.join(examplesDir, name), 'utf8'));
}

describe('TextMate grammar (syntaxes/strategy.tmLanguage.json)', () => {
    before(async () => {
        grammar = await loadGrammar();
    });

    it('is the grammar package.json contributes for the strategy language', () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
        const contributed = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'strategy');
        assert.equal(contributed.scopeName, 'source.strategy');
        assert.equal(path.resolve(root, contributed.path), grammarPath);
        const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'strategy');
        assert.deepEqual(language.extensions, ['.strategy']);
        assert.ok(fs.existsSync(path.resolve(root, language.configuration)));
        assert.ok(fs.existsSync(path.resolve(root, language.icon.light)));
        assert.ok(fs.existsSync(path.resolve(root, pkg.icon)));
    });

    it('keeps ticket keys such as APP-123 one name token, declared or referenced', () => {
        const backlog = example('backlog.strategy');
        assertScope(backlog, 'ticket', 'storage.type.ticket.strategy');
        const declared = assertScope(backlog, 'APP-123', 'entity.name.type.ticket.strategy');
        assert.ok(!hasScope(declared, 'constant.numeric'));
        assert.equal(tokensOf(backlog, '123').length + tokensOf(backlog, '-123').length, 0);

        const canvas = example('canvas.strategy');
        for (const key of ['APP-101', 'APP-102', 'APP-123']) {
            assertScope(canvas, key, 'variable.other.reference.strategy');
        }
        assertScope(canvas, 'tickets', 'keyword.other.tickets.strategy');
    });

    it('never gives a numeric scope to any part of a name in the examples', () => {
        for (const file of fs.readdirSync(examplesDir).filter(f => f.endsWith('.strategy'))) {
            for (const token of example(file)) {
                if (hasScope(token, 'constant.numeric')) {
                    assert.match(token.text, /^(-?\d+(\.\d+)?|\d{4}-\d{2}-\d{2})$/, `${file}:${token.line + 1}: ${token.text}`);
                    assert.ok(!hasScope(token, 'string') && !hasScope(token, 'comment'), `${file}: ${token.text}`);
                }
                if (/[A-Za-z]/.test(token.text)) {
                    assert.ok(!hasScope(token, 'constant.numeric'), `${file}:${token.line + 1}: "${token.text}" is numeric`);
                }
            }
        }
    });

    it('colours element keywords, their names, field keywords, enum values, references', () => {
        const objectives = example('objectives.strategy');
        assertScope(objectives, 'vision', 'storage.type.vision.strategy');
        assertScope(objectives, 'objective', 'storage.type.objective.strategy');
        assertScope(objectives, 'Revenue', 'entity.name.type.objective.strategy');
        assertScope(objectives, 'metric', 'keyword.other.metric.strategy'); // inside an objective: a reference field
        assertScope(objectives, 'PurchaseRecurrence', 'variable.other.reference.strategy');
        assertScope(objectives, 'horizon', 'keyword.other.horizon.strategy');
        assertScope(objectives, 'long', 'constant.language.long.strategy');
        assertScope(objectives, 'retention', 'constant.language.retention.strategy');
        assertScope(objectives, 'acquisition', 'constant.language.acquisition.strategy');
        assertScope(objectives, 'parent', 'keyword.other.parent.strategy');
        assertScope(objectives, 'owner', 'keyword.other.owner.strategy');
        assertScope(objectives, 'baseline', 'keyword.other.baseline.strategy');
        assertScope(objectives, 'target', 'keyword.other.target.strategy');
        assertScope(objectives, 'by', 'keyword.other.by.strategy');
        assertScope(objectives, 'unit', 'keyword.other.unit.strategy');

        const topMetric = tokenize('metric MonthlyRepeatUsers "Active users" {\n  unit "%"\n}');
        assertScope(topMetric, 'metric', 'storage.type.metric.strategy'); // at top level: a declaration
        assertScope(topMetric, 'MonthlyRepeatUsers', 'entity.name.type.metric.strategy');
        assertScope(topMetric, '{', 'punctuation.section.block.begin.strategy');
        assertScope(topMetric, '}', 'punctuation.section.block.end.strategy');

        const users = example('users.strategy');
        assertScope(users, 'usertype', 'storage.type.usertype.strategy');
        assertScope(users, 'FrequentBuyer', 'entity.name.type.usertype.strategy');
        assertScope(users, 'need', 'storage.type.need.strategy');
        assertScope(users, 'SaveTime', 'entity.name.type.need.strategy');

        const solutions = example('solutions.strategy');
        assertScope(solutions, 'solution', 'storage.type.solution.strategy');
        assertScope(solutions, 'for', 'keyword.other.for.strategy');
        assertScope(solutions, 'FrequentBuyer', 'variable.other.reference.strategy');
        assertScope(solutions, 'NewUser', 'variable.other.reference.strategy');
        assertScope(solutions, ',', 'punctuation.separator.comma.strategy');
        assertScope(solutions, 'advances', 'keyword.other.advances.strategy');
        assertScope(solutions, 'status', 'keyword.other.status.strategy');
        assertScope(solutions, 'idea', 'constant.language.idea.strategy');
        assertScope(solutions, 'testing', 'constant.language.testing.strategy');
        assertScope(solutions, 'question', 'storage.type.question.strategy');
        assertScope(solutions, 'about', 'keyword.other.about.strategy');
        assertScope(solutions, 'answered', 'constant.language.answered.strategy');
        assertScope(solutions, 'answer', 'keyword.other.answer.strategy');
        assertScope(solutions, 'insight', 'storage.type.insight.strategy');
        assertScope(solutions, 'NotificationTest', 'entity.name.type.insight.strategy');
        assertScope(solutions, 'source', 'keyword.other.source.strategy');
        assertScope(solutions, 'supports', 'keyword.other.supports.strategy');

        const backlog = example('backlog.strategy');
        assertScope(backlog, 'serves', 'keyword.other.serves.strategy');
        assertScope(backlog, 'Engagement', 'variable.other.reference.strategy');
        assertScope(backlog, 'implements', 'keyword.other.implements.strategy');
        assertScope(backlog, 'kind', 'keyword.other.kind.strategy');
        for (const value of ['feature', 'platform', 'experiment', 'refactor', 'doing', 'todo']) {
            assertScope(backlog, value, `constant.language.${value}.strategy`);
        }
        assertScope(backlog, 'link', 'keyword.other.link.strategy');

        const canvas = example('canvas.strategy');
        assertScope(canvas, 'canvas', 'storage.type.canvas.strategy');
        assertScope(canvas, 'AppRecurrence', 'entity.name.type.canvas.strategy');
        assertScope(canvas, 'product', 'constant.language.product.strategy');
        assertScope(canvas, 'strategy', 'constant.language.strategy.strategy');
        for (const keyword of ['problem', 'outcomes', 'users', 'solutions', 'questions', 'plan', 'step', 'goal', 'obstacle', 'play', 'win', 'success']) {
            assertScope(canvas, keyword, `keyword.other.${keyword}.strategy`);
        }
        assertScope(canvas, 'UsageBarriers', 'variable.other.reference.strategy');
    });

    it('does not take an unknown value or a keyword-like word inside a name for an enum value', () => {
        const tokens = tokenize('objective A "a" {\n  focus retension\n  owner todo-list\n}');
        assertScope(tokens, 'retension', 'variable.other.value.strategy');
        assertScope(tokens, 'todo-list', 'variable.other.value.strategy');
        assert.equal(tokensOf(tokens, 'todo').length, 0);
    });

    it('colours dates as one token and numbers with sign and decimals', () => {
        const objectives = example('objectives.strategy');
        const date = assertScope(objectives, '2027-06-30', 'constant.numeric.date.strategy');
        assert.ok(objectives.some(t => t.text === 'by' && t.line === date.line), 'the date follows "by" on its line');
        assert.equal(tokensOf(objectives, '2027').length, 0);
        assert.equal(tokensOf(objectives, '-06').length, 0);
        assertScope(objectives, '20', 'constant.numeric.decimal.strategy');
        assertScope(objectives, '30', 'constant.numeric.decimal.strategy');

        const tokens = tokenize('metric M "m" {\n  baseline -4.5 on 2025-01-01\n  target 12.75 by 2026-1-9\n  current 0\n}');
        assertScope(tokens, '-4.5', 'constant.numeric.decimal.strategy');
        assertScope(tokens, '12.75', 'constant.numeric.decimal.strategy');
        assertScope(tokens, '0', 'constant.numeric.decimal.strategy');
        assertScope(tokens, '2025-01-01', 'constant.numeric.date.strategy');
        assertScope(tokens, '2026-1-9', 'constant.numeric.date.strategy');
        assertScope(tokens, 'on', 'keyword.other.on.strategy');
    });

    it('colours the keywords of readings and ranges, and relative targets', () => {
        const tokens = tokenize('metric M "m" {\n  reading 21 on 2026-10-01\n  range 30 to 60\n}');
        assertScope(tokens, 'reading', 'keyword.other.reading.strategy');
        assertScope(tokens, 'on', 'keyword.other.on.strategy');
        assertScope(tokens, 'range', 'keyword.other.range.strategy');
        assertScope(tokens, 'to', 'keyword.other.to.strategy');
        assertScope(tokens, '2026-10-01', 'constant.numeric.date.strategy');
        const relative = tokenize('metric M "m" {\n  target +20% by 2027-03-31\n  target -15% by 2027-03-31\n}');
        assertScope(relative, '+20%', 'constant.numeric.decimal.strategy');
        assertScope(relative, '-15%', 'constant.numeric.decimal.strategy');
    });

    it('colours strings with escapes, and strings that span lines', () => {
        const escaped = tokenize('objective A "Say \\"hi\\" to C:\\\\ now" {}');
        assertScope(escaped, '\\"', 'constant.character.escape.strategy');
        assertScope(escaped, '\\\\', 'constant.character.escape.strategy');
        assert.ok(hasScope(only(escaped, '\\"'), 'string.quoted.double'));
        assertScope(escaped, ' now', 'string.quoted.double.strategy');
        assertScope(escaped, '{', 'punctuation.section.block.begin.strategy'); // the string closed where it should

        const multi = tokenize('canvas C "c" {\n  problem "first line\n    second line with 20% and APP-1"\n  kind product\n}');
        const second = assertScope(multi, '    second line with 20% and APP-1', 'string.quoted.double.strategy');
        assert.equal(second.line, 2);
        const closing = multi.filter(t => t.line === 2 && t.text === '"');
        assert.equal(closing.length, 1);
        assert.ok(closing[0].scopes.includes('punctuation.definition.string.end.strategy'));
        assertScope(multi, 'kind', 'keyword.other.kind.strategy'); // back to code after the string
        assertScope(multi, 'product', 'constant.language.product.strategy');
    });

    it('colours line, block and doc comments', () => {
        const objectives = example('objectives.strategy');
        assertScope(objectives, ' The business result that every request in this product must serve. ', 'comment.block.documentation.strategy');
        assertScope(objectives, ' Why the app exists, and how we will know it works.', 'comment.line.double-slash.strategy');

        const tokens = tokenize([
            '/** Documentation',
            ' * over two lines with APP-1 and 2027-01-01 */',
            'objective A "a" { // trailing comment with metric X',
            '  /* block metric Y */ parent B',
            '}',
            '/**/ ticket T-1 "t"'
        ].join('\n'));
        assertScope(tokens, ' Documentation', 'comment.block.documentation.strategy');
        assertScope(tokens, ' * over two lines with APP-1 and 2027-01-01 ', 'comment.block.documentation.strategy');
        assertScope(tokens, ' trailing comment with metric X', 'comment.line.double-slash.strategy');
        assertScope(tokens, ' block metric Y ', 'comment.block.strategy');
        assertScope(tokens, 'parent', 'keyword.other.parent.strategy');
        assertScope(tokens, 'B', 'variable.other.reference.strategy');
        const empty = tokens.filter(t => t.line === 5 && t.text.startsWith('/*'));
        assert.ok(empty.length > 0 && empty.every(t => t.scopes.includes('comment.block.strategy')), '/**/ is an empty block comment');
        assertScope(tokens, 'T-1', 'entity.name.type.ticket.strategy');
    });

    it('colours qualified need names and reference lists that continue on the next line', () => {
        const tokens = tokenize('solution S "s" {\n  addresses FrequentBuyer.SaveTime, Trust\n  for FrequentBuyer,\n      NewUser\n  status validated\n}');
        const qualifier = tokens.filter(t => t.text === 'FrequentBuyer');
        assert.equal(qualifier.length, 2);
        for (const t of qualifier) assert.equal(t.scopes[t.scopes.length - 1], 'variable.other.reference.strategy');
        assertScope(tokens, '.', 'punctuation.accessor.strategy');
        assertScope(tokens, 'SaveTime', 'variable.other.reference.strategy');
        assertScope(tokens, 'Trust', 'variable.other.reference.strategy');
        assertScope(tokens, 'NewUser', 'variable.other.reference.strategy');
        assertScope(tokens, 'status', 'keyword.other.status.strategy');
        assertScope(tokens, 'validated', 'constant.language.validated.strategy');
    });

    it('colours the solution statuses building and shipped as values', () => {
        for (const status of ['building', 'shipped']) {
            assertScope(tokenize(`solution S "s" { status ${status} }`), status, `constant.language.${status}.strategy`);
        }
    });

    it('recovers from an unclosed block at the next top-level element', () => {
        const tokens = tokenize('objective A "a" {\n  parent B\nsolution S "s" {\n  for U\n}');
        assertScope(tokens, 'solution', 'storage.type.solution.strategy');
        assertScope(tokens, 'S', 'entity.name.type.solution.strategy');
        assertScope(tokens, 'U', 'variable.other.reference.strategy');
    });
});

describe('language-configuration.json', () => {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));

    /** The word VS Code would select at `column`, using the configured wordPattern. */
    function wordAt(line: string, column: number): string | undefined {
        const pattern = new RegExp(config.wordPattern, 'g');
        for (const match of line.matchAll(pattern)) {
            const start = match.index ?? 0;
            if (start <= column && column < start + match[0].length) return match[0];
        }
        return undefined;
    }

    it('has a wordPattern that keeps ticket keys, names, dates and numbers whole', () => {
        const line = 'ticket APP-123 "x" { serves FrequentBuyer } target -4.5 by 2027-06-30';
        assert.equal(wordAt(line, line.indexOf('APP-123') + 5), 'APP-123');
        assert.equal(wordAt(line, line.indexOf('APP-123')), 'APP-123');
        assert.equal(wordAt(line, line.indexOf('FrequentBuyer') + 8), 'FrequentBuyer');
        assert.equal(wordAt(line, line.indexOf('2027-06-30') + 6), '2027-06-30');
        assert.equal(wordAt(line, line.indexOf('2027-06-30')), '2027-06-30');
        assert.equal(wordAt(line, line.indexOf('-4.5') + 2), '-4.5');
        assert.equal(wordAt('addresses FrequentBuyer.SaveTime', 26), 'SaveTime');
    });

    it('declares comments, brackets, pairs and doc-comment continuation', () => {
        assert.equal(config.comments.lineComment, '//');
        assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
        assert.deepEqual(config.brackets, [['{', '}']]);
        const quote = config.autoClosingPairs.find((p: { open: string }) => p.open === '"');
        assert.deepEqual(quote.notIn, ['string', 'comment']);
        assert.ok(config.autoClosingPairs.some((p: { open: string }) => p.open === '/**'));
        assert.ok(new RegExp(config.indentationRules.increaseIndentPattern).test('objective A "a" {'));
        assert.ok(!new RegExp(config.indentationRules.increaseIndentPattern).test('objective A "a" { parent B }'));
        assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('  }'));
        const docRule = config.onEnterRules.find((r: { afterText?: string }) => r.afterText === undefined);
        assert.ok(new RegExp(docRule.beforeText).test('  /** The goal'));
        assert.ok(!new RegExp(docRule.beforeText).test('/**/'));
        assert.equal(docRule.action.appendText, ' * ');
        assert.ok(new RegExp(config.folding.markers.start).test('// #region objectives'));
    });
});
