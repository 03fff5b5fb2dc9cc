import { DefaultTokenBuilder, GrammarAST, type Grammar, type TokenBuilderOptions } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';
import { unexpectedCharacters } from './strategy-lexer.js';

/**
 * STRING as the grammar's `/"(\\.|[^"\\])*"/`, scanned by hand so an unclosed string cannot make lexing quadratic.
 * With the regex, a string that never closes and holds many escaped quotes (`"\"\"\"…` up to the end of the file,
 * found by the fuzzer) was scanned to its dead end again from every one of its quotes, because the lexer retries
 * at each offset after an error: 180 KB took a minute. A scan from a quote that fails at a dead end D fails from
 * every later quote before D too (that quote was an escaped one, so the scan from it continues in the same state),
 * so those attempts answer at once. What matches is exactly what the regex matches.
 */
export function stringPattern(): (text: string, offset: number) => [string] | null {
    let failedText: string | undefined;
    let failedFrom = -1;
    let deadEnd = -1;
    return (text, offset) => {
        if (text.charCodeAt(offset) !== 0x22) return null;
        if (text === failedText && offset > failedFrom && offset < deadEnd) return null;
        let i = offset + 1;
        while (i < text.length) {
            const char = text[i];
            if (char === '"') return [text.slice(offset, i + 1)];
            if (char === '\\') {
                // `\\.`: any character but a line terminator after the backslash.
                const next = text[i + 1];
                if (next === undefined || next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029') break;
                i += 2;
            } else {
                i++;
            }
        }
        failedText = text;
        failedFrom = offset;
        deadEnd = i;
        return null;
    };
}

export class StrategyTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        return [unexpectedCharacters, ...super.buildTokens(grammar, options) as TokenType[]];
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name !== 'STRING') return token;
        return { ...token, PATTERN: { exec: stringPattern() }, LINE_BREAKS: true, START_CHARS_HINT: ['"'] } as TokenType;
    }
}
