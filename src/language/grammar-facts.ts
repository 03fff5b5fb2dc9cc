import { AstUtils, GrammarAST, GrammarUtils, type Grammar } from 'langium';
import { StrategyGrammar } from './generated/grammar.js';

/**
 * What the grammar already says about the language, read from it so that no table can drift from it: the kinds
 * of element and their keywords, the words each block may hold, the keyword before each reference, the ID
 * syntax. Computed once per grammar object; `grammarFacts()` without an argument reads the generated grammar, so
 * code without services (the CLI, renderers) gets the same facts as the language server.
 */
export interface GrammarFacts {
    /** The rules of `Element`'s alternatives (`Objective`, …, `Vision`), in grammar order. */
    elementRules: string[];
    /** The keywords of `elementRules`, in the same order: the words a top-level element starts with. */
    elementKeywords: string[];
    /** Every parser rule that assigns a `name`: the kinds of element an ID can name (`Need` among them). */
    namedRules: string[];
    /** The keyword that introduces each kind: its rule's first keyword, or the one written before it (`need`). */
    keywords: Map<string, string>;
    /** Per element rule, the words its block may hold: its fields, and those of rules it calls (`by`, `step`). */
    blockWords: Map<string, string[]>;
    /** The keywords that start a field of an element's block (`parent`, `unit`, `status`, …), each once. */
    fieldKeywords: string[];
    /**
     * The keywords that start a line of a formatted file: those of elements, of their fields, and of the parts a
     * block lists (`step`). Every other word keyword continues its line (`target 30 by 2027-06-30`). They are the
     * grammar's keyword nodes, not words: `by` starts a milestone's field but continues a metric's target.
     */
    lineKeywords: Set<GrammarAST.Keyword>;
    /** The keyword written before each reference property, by `Rule.property` (`Ticket.serves` → `serves`). */
    referenceKeywords: Map<string, string>;
    /** The keyword before each field of values or parts, by `Rule.property` (`Solution.hypotheses` → `hypothesis`). */
    valueKeywords: Map<string, string>;
    /** Each declared union type (`Subject`) with its member types (`Objective`, `Solution`). */
    unions: Map<string, string[]>;
    /** The ID terminal's syntax, matching a whole string. */
    id: RegExp;
    /** The ID terminal's syntax, finding every ID in a text. */
    ids: RegExp;
    /** Every keyword that would otherwise be an ID, so cannot be one. */
    reservedWords: Set<string>;
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

/** The rule's own word keywords after its first: the keywords that start its fields. */
function ownFieldKeywords(rule: GrammarAST.ParserRule): string[] {
    const own = AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(keyword => keyword.value)
        .filter(value => word.test(value)).toArray();
    return own.slice(1);
}

/** The keyword written right before an assignment in its group: `'need' needs+=Need`, `'serves' serves+=[…]`. */
function keywordBefore(assignment: GrammarAST.Assignment): string | undefined {
    const group = assignment.$container;
    if (!GrammarAST.isGroup(group)) return undefined;
    const previous = group.elements[group.elements.indexOf(assignment) - 1];
    return GrammarAST.isKeyword(previous) ? previous.value : undefined;
}

/** A parser rule's leading keyword, when its definition starts with one (`step`; not `on` of `Reading`). */
function leadingKeyword(rule: GrammarAST.ParserRule): GrammarAST.Keyword | undefined {
    const first = GrammarAST.isGroup(rule.definition) ? rule.definition.elements[0] : rule.definition;
    return GrammarAST.isKeyword(first) ? first : undefined;
}

function lineKeywords(elementRules: GrammarAST.ParserRule[]): Set<GrammarAST.Keyword> {
    // An element rule's own word keywords are its keyword and its fields'; a rule it calls continues the field,
    // unless the rule is a part a block lists and starts with a keyword of its own (`step`).
    const own = elementRules.flatMap(rule => AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword)
        .filter(keyword => word.test(keyword.value)).toArray());
    const parts = elementRules.flatMap(rule => AstUtils.streamAllContents(rule).filter(GrammarAST.isRuleCall)
        .map(call => call.rule.ref).filter(GrammarAST.isParserRule).map(leadingKeyword).toArray());
    return new Set([...own, ...parts].filter((keyword): keyword is GrammarAST.Keyword => keyword !== undefined));
}

function computeFacts(grammar: Grammar): GrammarFacts {
    const parserRules = grammar.rules.filter(GrammarAST.isParserRule);
    const element = parserRules.find(rule => rule.name === 'Element');
    const elementRules = element ? AstUtils.streamAllContents(element).filter(GrammarAST.isRuleCall)
        .map(call => call.rule.ref).filter(GrammarAST.isParserRule).toArray() : [];
    const namedRules = parserRules.filter(rule => !GrammarUtils.isDataTypeRule(rule)
        && AstUtils.streamAllContents(rule).some(node => GrammarAST.isAssignment(node) && node.feature === 'name'));
    const keywords = new Map<string, string>();
    for (const rule of elementRules) {
        const keyword = firstKeyword(rule);
        if (keyword) keywords.set(rule.name, keyword);
    }
    const referenceKeywords = new Map<string, string>();
    const valueKeywords = new Map<string, string>();
    for (const rule of parserRules) {
        for (const assignment of AstUtils.streamAllContents(rule).filter(GrammarAST.isAssignment)) {
            const keyword = keywordBefore(assignment);
            if (!keyword) continue;
            const called = GrammarAST.isRuleCall(assignment.terminal) ? assignment.terminal.rule.ref : undefined;
            // A named part (`Need`) is introduced by the keyword before it in its container.
            if (called && namedRules.includes(called as GrammarAST.ParserRule) && !keywords.has(called.name)) keywords.set(called.name, keyword);
            const key = `${rule.name}.${assignment.feature}`;
            const byKind = GrammarAST.isCrossReference(assignment.terminal) ? referenceKeywords : valueKeywords;
            if (!byKind.has(key)) byKind.set(key, keyword);
        }
    }
    const blockWords = new Map<string, string[]>();
    for (const rule of elementRules) {
        const own = firstKeyword(rule);
        blockWords.set(rule.name, [...wordsOf(rule)].filter(keyword => keyword !== own));
    }
    const ownFields = [...new Set(elementRules.flatMap(ownFieldKeywords))];
    const unions = new Map<string, string[]>();
    for (const type of grammar.types) {
        if (!GrammarAST.isUnionType(type.type)) continue;
        unions.set(type.name, type.type.types.filter(GrammarAST.isSimpleType).map(member => member.typeRef?.ref?.name)
            .filter((name): name is string => name !== undefined));
    }
    const idRule = grammar.rules.filter(GrammarAST.isTerminalRule).find(rule => rule.name === 'ID');
    if (!idRule) throw new Error('The grammar has no ID terminal');
    const idSource = GrammarUtils.terminalRegex(idRule).source;
    const id = new RegExp(`^(?:${idSource})$`);
    const reservedWords = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword)
        .map(keyword => keyword.value).filter(value => id.test(value)));
    return {
        elementRules: elementRules.map(rule => rule.name),
        elementKeywords: elementRules.map(rule => keywords.get(rule.name)).filter((keyword): keyword is string => keyword !== undefined),
        namedRules: namedRules.map(rule => rule.name),
        keywords,
        blockWords,
        fieldKeywords: ownFields,
        lineKeywords: lineKeywords(elementRules),
        referenceKeywords,
        valueKeywords,
        unions,
        id,
        ids: new RegExp(idSource, 'g'),
        reservedWords
    };
}

const computed = new WeakMap<Grammar, GrammarFacts>();

/** The facts of `grammar` (by default the generated grammar), computed on first use. */
export function grammarFacts(grammar: Grammar = StrategyGrammar()): GrammarFacts {
    let facts = computed.get(grammar);
    if (!facts) computed.set(grammar, facts = computeFacts(grammar));
    return facts;
}
