import type { AstNode } from 'langium';
import { SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import type { Element, Need } from './generated/ast.js';
import { allowedValues } from '../model/values.js';
import { grammarFacts } from './grammar-facts.js';

/**
 * The element-kind registry: what the language knows about each kind of element that the grammar cannot say,
 * keyed by AST type. Keywords, field names, the keyword before each reference and the ID syntax are the
 * grammar's and are read from it (`grammar-facts.ts`); every entry here belongs to a rule of the grammar, and
 * every named rule has an entry (test/language/element-kinds.test.ts). The order of the entries is the order in
 * which messages list the kinds.
 */
export interface ElementKind {
    /** How messages name one: `an` + `objective`, `a` + `user type`. */
    article: 'a' | 'an';
    noun: string;
    /** Its symbol in the outline, breadcrumbs and Ctrl+T. */
    symbol: SymbolKind;
    /** The colour of its ID, where it is defined and wherever it is referenced; none for a kind without an ID. */
    token?: SemanticTokenTypes;
    /** The fields the spec allows once per block (the grammar lets every field repeat, so the check can say so). */
    singleValued?: readonly string[];
    /**
     * The fields whose value is one of a fixed set of words, with the name messages give the field: a value
     * outside the set is an `invalid-value`, and completion offers the set in this order.
     */
    values?: Readonly<Record<string, { label: string; allowed: readonly string[] }>>;
    /** The kinds whose references to one carry it out (Go to Implementations); one field per pair. */
    implementedBy?: readonly string[];
    /**
     * A new element as a user would start one, for "Create …" quick fixes: valid (a metric's complete enough to
     * raise no warning itself). `indent` is one block level as the file writes it; `by` a date a year ahead.
     */
    skeleton?: (name: string, title: string, indent: string, by: string) => string;
    /** Completion snippets at the top level (`$n` tab stops), with the fields a complete element needs. */
    snippets?: ReadonlyArray<{ label: string; detail: string; body: string }>;
}

/** A `choice` tab stop over the values a field allows, so a snippet never proposes a value the checks reject. */
const choice = (stop: number, values: readonly string[]) => `\${${stop}|${values.join(',')}|}`;

/** Every kind of top-level element and every named part (a need): typed so that a kind the grammar adds needs an entry. */
export const elementKinds: Readonly<Record<Element['$type'] | Need['$type'], ElementKind>> = {
    Objective: {
        article: 'an', noun: 'objective', symbol: SymbolKind.Class, token: SemanticTokenTypes.class,
        singleValued: ['parent', 'focus', 'horizon', 'owner'],
        values: { focus: { label: 'focus', allowed: allowedValues.focus }, horizon: { label: 'horizon', allowed: allowedValues.horizon } },
        implementedBy: ['Ticket', 'Solution', 'Objective', 'Canvas'],
        skeleton: (name, title) => `objective ${name} "${title}"`,
        snippets: [{
            label: 'objective', detail: 'Objective measured by a metric',
            body: `objective \${1:Name} "\${2:Title}" {\n  horizon ${choice(3, allowedValues.horizon)}\n  metric $4\n}`
        }]
    },
    Metric: {
        article: 'a', noun: 'metric', symbol: SymbolKind.Number, token: SemanticTokenTypes.variable,
        singleValued: ['unit', 'baseline', 'target', 'current', 'range'],
        implementedBy: ['Objective'],
        skeleton: (name, title, indent, by) => `metric ${name} "${title}" {\n${indent}unit "%"\n${indent}baseline 0\n${indent}target 1 by ${by}\n}`,
        snippets: [{
            label: 'metric', detail: 'Metric with baseline and dated target',
            body: 'metric ${1:Name} "${2:Title}" {\n  unit "${3:%}"\n  baseline ${4:0}\n  target ${5:100} by ${6:YYYY-MM-DD}\n}'
        }]
    },
    UserType: {
        article: 'a', noun: 'user type', symbol: SymbolKind.Interface, token: SemanticTokenTypes.interface,
        implementedBy: ['Solution'],
        skeleton: (name, title) => `usertype ${name} "${title}"`,
        snippets: [{
            label: 'usertype', detail: 'User type with a need',
            body: 'usertype ${1:Name} "${2:Title}" {\n  need ${3:Need} "${4:What they need}"\n}'
        }]
    },
    // A need is created inside its user type (code-actions.ts), so it has no skeleton of its own.
    Need: { article: 'a', noun: 'need', symbol: SymbolKind.Field, token: SemanticTokenTypes.enumMember },
    Solution: {
        article: 'a', noun: 'solution', symbol: SymbolKind.Function, token: SemanticTokenTypes.function,
        singleValued: ['status', 'priority'],
        values: {
            status: { label: 'solution status', allowed: allowedValues.solutionStatus },
            priority: { label: 'priority', allowed: allowedValues.priority }
        },
        implementedBy: ['Ticket'],
        skeleton: (name, title, indent) => `solution ${name} "${title}" {\n${indent}status idea\n}`,
        snippets: [{
            label: 'solution', detail: 'Solution for users, advancing an objective',
            body: `solution \${1:Name} "\${2:Title}" {\n  for $3\n  addresses $4\n  advances $5\n  hypothesis "\${6:What we expect to change}"\n  status ${choice(7, allowedValues.solutionStatus)}\n}`
        }]
    },
    Question: {
        article: 'a', noun: 'question', symbol: SymbolKind.Event, token: SemanticTokenTypes.event,
        singleValued: ['status', 'answer'],
        values: { status: { label: 'question status', allowed: allowedValues.questionStatus } },
        skeleton: (name, title) => `question ${name} "${title}"`,
        snippets: [{
            label: 'question', detail: 'Open question about a solution or objective',
            body: 'question ${1:Name} "${2:What do we need to learn?}" {\n  about $3\n}'
        }]
    },
    Insight: {
        article: 'an', noun: 'insight', symbol: SymbolKind.Constant, token: SemanticTokenTypes.property,
        singleValued: ['source'],
        skeleton: (name, title, indent) => `insight ${name} "${title}" {\n${indent}source "Where it was learned"\n}`,
        snippets: [{
            label: 'insight', detail: 'What was learned, and what it supports or contradicts',
            body: 'insight ${1:Name} "${2:What we learned}" {\n  source "${3:Interview, experiment, data}"\n  supports $4\n}'
        }]
    },
    Ticket: {
        article: 'a', noun: 'ticket', symbol: SymbolKind.Key, token: SemanticTokenTypes.macro,
        singleValued: ['serves', 'implements', 'kind', 'status', 'link', 'milestone', 'priority'],
        values: {
            kind: { label: 'ticket kind', allowed: allowedValues.ticketKind },
            status: { label: 'ticket status', allowed: allowedValues.ticketStatus },
            priority: { label: 'priority', allowed: allowedValues.priority }
        },
        skeleton: (name, title, indent) => `ticket ${name} "${title}" {\n${indent}status todo\n}`,
        snippets: [{
            label: 'ticket', detail: 'Backlog ticket serving an objective',
            body: `ticket \${1:KEY-1} "\${2:Title}" {\n  serves $3\n  implements $4\n  kind ${choice(5, allowedValues.ticketKind)}\n  status ${choice(6, allowedValues.ticketStatus)}\n}`
        }]
    },
    Milestone: {
        article: 'a', noun: 'milestone', symbol: SymbolKind.Event, token: SemanticTokenTypes.label,
        singleValued: ['by'],
        implementedBy: ['Ticket'],
        skeleton: (name, title, indent, by) => `milestone ${name} "${title}" {\n${indent}by ${by}\n}`,
        snippets: [{
            label: 'milestone', detail: 'Milestone on the roadmap, with its date',
            body: 'milestone ${1:Name} "${2:What it delivers}" {\n  by ${3:YYYY-MM-DD}\n  advances $4\n}'
        }]
    },
    Canvas: {
        article: 'a', noun: 'canvas', symbol: SymbolKind.Package, token: SemanticTokenTypes.namespace,
        singleValued: ['kind', 'problem', 'goal', 'play', 'win', 'from', 'to'],
        values: { kind: { label: 'canvas kind', allowed: allowedValues.canvasKind } },
        snippets: [{
            label: 'canvas product', detail: 'Lean Product Canvas',
            body: 'canvas ${1:Name} "${2:Lean Product Canvas}" {\n  kind product\n  problem "${3:The business problem, with a number}"\n'
                + '  outcomes $4\n  users $5\n  solutions $6\n  questions $7\n  plan {\n    step "${8:First step}" tickets $9\n  }\n}'
        }, {
            label: 'canvas strategy', detail: 'Lean Strategy Canvas',
            body: 'canvas ${1:Name} "${2:Lean Strategy Canvas}" {\n  kind strategy\n  goal $3\n  obstacle "${4:What is in our way}"\n'
                + '  play "${5:Where we will play}"\n  win "${6:How we will win}"\n  success $7\n}'
        }, {
            label: 'canvas roadmap', detail: 'Roadmap: milestones on a timeline, a lane per objective',
            body: 'canvas ${1:Name} "${2:Roadmap}" {\n  kind roadmap\n  from ${3:YYYY-MM-DD}\n  to ${4:YYYY-MM-DD}\n  lanes $5\n}'
        }, {
            label: 'canvas swot', detail: 'SWOT: strengths, weaknesses, opportunities, threats',
            body: 'canvas ${1:Name} "${2:SWOT}" {\n  kind swot\n  strength "${3:What we do better than others}"\n  weakness "${4:Where we fall short}"\n'
                + '  opportunity "${5:A change outside we can use}"\n  threat "${6:A change outside that can hurt us}"\n}'
        }]
    },
    Vision: { article: 'a', noun: 'vision', symbol: SymbolKind.String }
};

/** The registry entry of an AST type; undefined for anything else (a step, a reading, the file). */
export function elementKind(type: string): ElementKind | undefined {
    return Object.hasOwn(elementKinds, type) ? elementKinds[type as keyof typeof elementKinds] : undefined;
}

/** The kinds a type stands for: itself, or the members of a union such as `Subject` (objective or solution). */
export function kindsOf(type: string): string[] {
    return grammarFacts().unions.get(type) ?? [type];
}

/** `objective`, `user type`; a union's members joined (`objective or solution`). */
export function kindName(type: string): string {
    // Completion names the kind of each of up to 200 proposals: a kind's own entry needs no look at the grammar.
    const own = elementKind(type);
    if (own) return own.noun;
    const names = kindsOf(type).map(kind => elementKind(kind)?.noun);
    return names.every(name => name !== undefined) ? names.join(' or ') : type.toLowerCase();
}

/** `an objective`, `a user type`, `an objective or solution`. */
export function aKind(type: string): string {
    const first = elementKind(kindsOf(type)[0]);
    return first ? `${first.article} ${kindName(type)}` : type.toLowerCase();
}

/** The keyword that starts an element of this kind (`usertype`), or that of a union's first member. */
export function keywordOf(type: string): string | undefined {
    return grammarFacts().keywords.get(kindsOf(type)[0]);
}

/** The keyword written before a reference, to name the field in messages (`serves`, `addresses`). */
export function referenceKeyword(container: AstNode, property: string): string {
    return grammarFacts().referenceKeywords.get(`${container.$type}.${property}`) ?? property;
}
