import { LangiumParserErrorMessageProvider, type Grammar } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { elementKinds } from '../element-kinds.js';
import { grammarFacts, type GrammarFacts } from '../grammar-facts.js';
import { closestName, orList } from '../link/suggest.js';

/** What a token means to someone writing a strategy, rather than its grammar name. */
function describe(type: TokenType): string {
    switch (type.name) {
        case 'STRING': return 'a text in double quotes';
        case 'ID': return 'a name';
        case 'NUMBER': return 'a number';
        case 'DATE': return 'a date (YYYY-MM-DD)';
        case 'EOF': return 'the end of the file';
        default: return `'${type.name.replace(/:KW$/, '')}'`;
    }
}

function found(token: IToken): string {
    return token.tokenType.name === 'EOF' ? 'the end of the file' : `'${token.image.length > 40 ? token.image.slice(0, 40) + '…' : token.image}'`;
}

function after(previous: IToken | undefined): string {
    return previous && previous.image ? ` after ${found(previous)}` : '';
}

/** Parse errors in the words of the language: "Expected a title in double quotes after 'Revenue' but found '{'". */
export class StrategySyntaxMessages extends LangiumParserErrorMessageProvider {
    private facts?: GrammarFacts;

    /**
     * `tokens` gives the tokens being parsed. Chevrotain passes as `previous` the token before its current
     * position, but when it recovers by skipping tokens (`horizn long }` up to `}`) it reports the error after
     * skipping, and `previous` is the last token skipped, not the one written before the token found.
     */
    constructor(private readonly grammar: Grammar, private readonly tokens: () => readonly IToken[]) {
        super();
    }

    /** The token written just before `actual`, or chevrotain's `previous` when `actual` is not among the tokens. */
    private before(actual: IToken, previous: IToken | undefined): IToken | undefined {
        // Nothing is skipped to reach the end of the file: there chevrotain's `previous` is the last token.
        if (actual.tokenType.name === 'EOF') return previous;
        const tokens = this.tokens();
        let low = 0;
        let high = tokens.length - 1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (tokens[middle].startOffset < actual.startOffset) low = middle + 1;
            else high = middle - 1;
        }
        return tokens[low] === actual ? tokens[low - 1] : previous;
    }

    /** The keyword `actual` may be a misspelling of; none for a keyword of the place that is only out of order. */
    private closestKeyword(actual: IToken, candidates: readonly string[]): string | undefined {
        return this.isWord(actual) && !candidates.includes(actual.image) ? closestName(actual.image, candidates) : undefined;
    }

    private get known(): GrammarFacts {
        return this.facts ??= grammarFacts(this.grammar);
    }

    /** A word such as `metrc` or `status` (ID-shaped), which the writer may have meant as a keyword; not a title, number or brace. */
    private isWord(token: IToken): boolean {
        return this.known.id.test(token.image);
    }

    override buildMismatchTokenMessage({ expected, actual, previous, ruleName }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const before = this.before(actual, previous);
        if (expected.name === 'EOF') return this.elementExpected(actual, before);
        // In a block the parser wants `}` where no field of the block starts, so a word there is a field the block
        // does not have, or a stray word. (Langium suffixes rule names with a zero-width space.)
        const fields = expected.name === '}' ? this.known.blockWords.get(ruleName.replace(/\u200B$/, '')) : undefined;
        if (fields && this.isWord(actual)) {
            const guess = this.closestKeyword(actual, fields);
            if (guess) return `Unexpected ${found(actual)}${after(before)}; did you mean '${guess}'?`;
            return `Expected a field or '}'${after(before)} but found ${found(actual)}`;
        }
        const what = expected.name === 'STRING' && before?.tokenType.name === 'ID' ? 'a title in double quotes' : describe(expected);
        return `Expected ${what}${after(before)} but found ${found(actual)}`;
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return this.elementExpected(firstRedundant, this.before(firstRedundant, undefined));
    }

    private elementExpected(actual: IToken, before: IToken | undefined): string {
        const guess = this.closestKeyword(actual, this.known.elementKeywords);
        if (guess) return `Unexpected ${found(actual)}${after(before)}; did you mean '${guess}'?`;
        return `Unexpected ${found(actual)}${after(before)}: expected an element such as ${this.elementList()}`;
    }

    /** The element keywords in the registry's order: `'objective', 'metric', … or 'vision'`. */
    private elementList(): string {
        const keywords = Object.keys(elementKinds).filter(type => this.known.elementRules.includes(type))
            .map(type => `'${this.known.keywords.get(type)}'`);
        return orList(keywords);
    }

    override buildNoViableAltMessage({ actual, previous }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return `Unexpected ${found(actual[0])}${after(this.before(actual[0], previous))}`;
    }

    override buildEarlyExitMessage({ actual, previous }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return `Expected a name${after(this.before(actual[0], previous))} but found ${found(actual[0])}`;
    }
}
