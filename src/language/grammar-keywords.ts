import { AstUtils, GrammarAST, type Grammar } from 'langium';

/** The words a writer may mean where an element or a field starts, read from the grammar so they cannot drift. */
export interface GrammarKeywords {
    /** The keyword each element starts with: `objective`, `metric`, … */
    elements: string[];
    /** Per element rule (`Objective`), the words its block may hold: its fields, and those of rules it calls (`by`, `step`). */
    fields: Map<string, string[]>;
}

const word = /^[a-z]+$/;

function firstKeyword(rule: GrammarAST.ParserRule): string | undefined {
    return AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).head()?.value;
}

/** Every word keyword of `rule` and of the parser rules it calls, at any depth (references are not calls). */
function wordsOf(rule: GrammarAST.ParserRule, seen = new Set<GrammarAST.ParserRule>()): Set<string> {
    const words = new Set<string>();
    if (seen.has(rule)) return words;
    seen.add(rule);
    for (const node of AstUtils.streamAllContents(rule)) {
        if (GrammarAST.isKeyword(node) && word.test(node.value)) words.add(node.value);
        if (GrammarAST.isRuleCall(node) && GrammarAST.isParserRule(node.rule.ref)) {
            for (const called of wordsOf(node.rule.ref, seen)) words.add(called);
        }
    }
    return words;
}

export function grammarKeywords(grammar: Grammar): GrammarKeywords {
    const parserRules = grammar.rules.filter(GrammarAST.isParserRule);
    const element = parserRules.find(rule => rule.name === 'Element');
    const elementRules = element ? AstUtils.streamAllContents(element).filter(GrammarAST.isRuleCall)
        .map(call => call.rule.ref).filter(GrammarAST.isParserRule).toArray() : [];
    const fields = new Map<string, string[]>();
    for (const rule of elementRules) {
        const own = firstKeyword(rule);
        fields.set(rule.name, [...wordsOf(rule)].filter(keyword => keyword !== own));
    }
    return { elements: elementRules.map(firstKeyword).filter((keyword): keyword is string => keyword !== undefined), fields };
}
