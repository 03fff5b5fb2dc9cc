import { LangiumParserErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';

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

/** Parse errors in the words of the language: "Expected a text in double quotes (the title) after 'Revenue'". */
export class StrategySyntaxMessages extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual, previous }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        if (expected.name === 'EOF') return this.buildNotAllInputParsedMessage({ firstRedundant: actual, ruleName: '' });
        const what = expected.name === 'STRING' && previous?.tokenType.name === 'ID' ? 'a title in double quotes' : describe(expected);
        const after = previous && previous.image ? ` after '${previous.image}'` : '';
        return `Expected ${what}${after} but found ${found(actual)}`;
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return `Unexpected ${found(firstRedundant)}: expected an element such as 'objective', 'metric', 'usertype', 'solution', 'question', 'ticket', 'canvas' or 'vision'`;
    }

    override buildNoViableAltMessage({ actual, previous }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const after = previous && previous.image ? ` after '${previous.image}'` : '';
        return `Unexpected ${found(actual[0])}${after}`;
    }

    override buildEarlyExitMessage({ actual, previous }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const after = previous && previous.image ? ` after '${previous.image}'` : '';
        return `Expected a name${after} but found ${found(actual[0])}`;
    }
}
