import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DefaultLexer, EmptyFileSystem, type Grammar, type LangiumCoreServices, type TokenBuilderOptions } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';
import { unexpectedCharacters } from '../../src/language/parse/strategy-lexer.js';
import { createStrategyServices } from '../../src/language/strategy-module.js';
import { StrategyTokenBuilder } from '../../src/language/parse/strategy-token-builder.js';
import { Random } from '../fuzz/mutators.js';
import { codesOf } from '../helpers.js';

/** The language's tokens without `unexpectedCharacters`: chevrotain's own skipping of what no token matches. */
class ReferenceTokenBuilder extends StrategyTokenBuilder {
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        return (super.buildTokens(grammar, options) as TokenType[]).filter(token => token !== unexpectedCharacters);
    }
}

describe('lexer', () => {
    const services = createStrategyServices(EmptyFileSystem).Strategy;
    const reference = new DefaultLexer({
        Grammar: services.Grammar,
        LanguageMetaData: services.LanguageMetaData,
        parser: { TokenBuilder: new ReferenceTokenBuilder(), LexerErrorMessageProvider: services.parser.LexerErrorMessageProvider }
    } as unknown as LangiumCoreServices);
    const lex = (lexer: { tokenize(text: string): ReturnType<DefaultLexer['tokenize']> }, text: string) => {
        const result = lexer.tokenize(text);
        return {
            tokens: result.tokens.map(t => `${t.tokenType.name}@${t.startOffset}:${t.image}`),
            hidden: result.hidden.map(t => `${t.tokenType.name}@${t.startOffset}`),
            errors: result.errors.map(e => ({ ...e }))
        };
    };

    it('gives exactly the tokens and errors of chevrotain skipping character by character, on random text', () => {
        const example = readFileSync(new URL('../../examples/shop-app/backlog.strategy', import.meta.url), 'utf8');
        const alphabet = ['😀', 'é', 'e\u0301', '中文', '\u00A0', '\u2028', '\u3000', '\uFEFF', '\u202E', '\u0085', '\u200B', '\uD83D',
            '"', '\\', ' ', '\n', '\r', '{', '}', '<', '-', '/', '*', ';', "'", ':', '(', '|', '\u0000', '\u007F', 'ticket', 'A', '1', '2027-01-01'];
        const random = new Random(20261123);
        for (let i = 0; i < 2000; i++) {
            let text = '';
            if (i % 4 === 0) {
                const at = random.int(example.length);
                text = example.slice(0, at) + random.pick(alphabet).repeat(1 + random.int(5)) + example.slice(at);
            } else {
                const length = random.int(40);
                for (let j = 0; j < length; j++) text += random.pick(alphabet);
            }
            assert.deepEqual(lex(services.parser.Lexer, text), lex(reference, text), JSON.stringify(text));
        }
    });

    it('no other token starts with a character that starts a run of unexpected characters', () => {
        const chevrotain = (services.parser.Lexer as unknown as { chevrotainLexer: { charCodeToPatternIdxToConfig: { defaultMode: Array<Array<{ tokenType: TokenType }> | undefined> } } }).chevrotainLexer;
        const candidates = chevrotain.charCodeToPatternIdxToConfig.defaultMode.map(configs => configs?.map(config => config.tokenType.name) ?? []);
        // Below 256 chevrotain indexes each character alone: there, the unexpected run must be the only candidate.
        const shared = candidates.slice(0, 256).map((names, code) => [code, names] as const)
            .filter(([, names]) => names.includes(unexpectedCharacters.name) && names.length > 1);
        assert.deepEqual(shared, []);
        // Beyond, it indexes blocks of 256, where only white space may start another token: no white space is unexpected.
        assert.deepEqual([...new Set(candidates.slice(256).flat())].sort(), [unexpectedCharacters.name, 'WS']);
        const pattern = new RegExp(`^${(unexpectedCharacters.PATTERN as RegExp).source}`);
        for (let code = 0; code <= 0xFFFF; code++) {
            const char = String.fromCharCode(code);
            if (/\s/.test(char)) assert.ok(!pattern.test(char), `U+${code.toString(16)} is white space`);
        }
    });

    it('reports a run of emoji after an unclosed quote as the one error chevrotain gives, with its message', async () => {
        const text = `usertype U "${'😀'.repeat(50_000)}`;
        const { errors } = services.parser.Lexer.tokenize(text);
        assert.deepEqual(errors.map(e => [e.offset, e.length]), [[11, text.length - 11]]);
        assert.ok((await codesOf(text)).includes('1:12 syntax-error'));
    });
});
