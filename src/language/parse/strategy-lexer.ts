import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import type { ILexingError, IToken, TokenType } from 'chevrotain';

const unexpectedGroup = 'unexpected';

/**
 * Runs of characters that no token starts with: ASCII such as `<`, `\` or `;` (not `+`, which starts a relative target), and anything beyond ASCII but white
 * space (emoji, an accented letter in an ID). Chevrotain skips such characters one at a time and tries every token
 * at each, so a 190 KB line of emoji, or of `\"` after an unclosed quote (the fuzzer's), took a third of a second
 * per lexing, and completion lexes three times. As one token, in a group the parser never sees, a run costs one
 * match, and `StrategyLexer` reports it as the very error chevrotain would. It comes first, so that skipping stops
 * at it at once; no other token starts with these characters (test/language/lexer.test.ts checks it). The ranges
 * are spelled out: chevrotain cannot index a negated class by its first characters, and without that index it
 * would try every token at every character of every file.
 */
export const unexpectedCharacters = {
    name: 'UNEXPECTED',
    PATTERN: /[\x00-\x08\x0E-\x1F!#$%&'()*:;<=>?@[\\\]^`|~\x7F\u0080-\u009F\u00A1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF\u3001-\uFEFE\uFF00-\uFFFF]+/,
    GROUP: unexpectedGroup
} as TokenType;

/** Langium's lexer, with the runs of `unexpectedCharacters` turned back into the errors chevrotain would give. */
export class StrategyLexer extends DefaultLexer {
    /**
     * The tokens of the last text lexed. Langium's parsers lex a text and parse its tokens at once, without
     * yielding, so while one parses these are its tokens: the syntax messages look in them for the token written
     * before the one in error. The parser keeps the same array, so holding it costs nothing more.
     */
    lastTokens: readonly IToken[] = [];

    override tokenize(text: string, _options?: TokenizeOptions): LexerResult {
        const result = this.chevrotainLexer.tokenize(text);
        this.lastTokens = result.tokens;
        const unexpected: IToken[] = result.groups[unexpectedGroup] ?? [];
        return {
            tokens: result.tokens,
            errors: unexpected.length === 0 ? result.errors : this.joined(text, [...result.errors, ...unexpected.map(token => ({
                offset: token.startOffset, line: token.startLine, column: token.startColumn, length: token.image.length, message: ''
            }))]),
            hidden: result.groups.hidden ?? [],
            report: this.tokenBuilder.flushLexingReport?.(text)
        };
    }

    /** Errors in text order, those that touch made one, as chevrotain makes one of characters it skips in a row. */
    private joined(text: string, errors: ILexingError[]): ILexingError[] {
        const sorted = errors.sort((a, b) => a.offset - b.offset);
        const joined: ILexingError[] = [];
        for (const error of sorted) {
            const last = joined[joined.length - 1];
            if (last && last.offset + last.length === error.offset) last.length += error.length;
            else joined.push({ ...error });
        }
        for (const error of joined) {
            error.message = this.errorMessageProvider.buildUnexpectedCharactersMessage(text, error.offset, error.length, error.line, error.column);
        }
        return joined;
    }
}
