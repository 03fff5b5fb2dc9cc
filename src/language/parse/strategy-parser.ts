import { createLangiumParser, type CstNodeBuilder, type LangiumCoreServices, type LangiumParser } from 'langium';
import { StrategyCstNodeBuilder } from './strategy-cst-builder.js';

/**
 * Langium's parser, run without stack traces. Chevrotain builds an Error for every syntax error it recovers from,
 * and V8 captures a stack trace for each, the parser's whole recursion deep: broken, deeply nested input (the
 * fuzzer's 2,000 nested `plan {`) parsed twice as slowly for traces nobody reads. Should the parser itself throw,
 * it parses again with traces, so the error that escapes says where it came from. Its CST builder takes any
 * number of comments in a row.
 */
export function createStrategyParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // Langium makes its CST builder itself rather than take it from the services.
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new StrategyCstNodeBuilder();
    const parse = parser.parse.bind(parser);
    parser.parse = ((input: string, options?: Parameters<LangiumParser['parse']>[1]) => {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return parse(input, options);
        } catch {
            Error.stackTraceLimit = limit;
            return parse(input, options);
        } finally {
            Error.stackTraceLimit = limit;
        }
    }) as LangiumParser['parse'];
    return parser;
}
