import type { AstNode } from 'langium';

/** How messages name each kind of element, with its article ("an objective", "a user type"). */
const kindNames: Record<string, [article: string, name: string]> = {
    Objective: ['an', 'objective'],
    Metric: ['a', 'metric'],
    UserType: ['a', 'user type'],
    Need: ['a', 'need'],
    Solution: ['a', 'solution'],
    Question: ['a', 'question'],
    Ticket: ['a', 'ticket'],
    Canvas: ['a', 'canvas'],
    Subject: ['an', 'objective or solution']
};

export function kindName(type: string): string {
    return kindNames[type]?.[1] ?? type.toLowerCase();
}

export function aKind(type: string): string {
    const entry = kindNames[type];
    return entry ? `${entry[0]} ${entry[1]}` : type.toLowerCase();
}

/** The keyword written before each reference, to name the field in messages. */
const referenceKeywords: Record<string, string> = {
    'Objective.parent': 'parent',
    'Objective.metrics': 'metric',
    'Solution.users': 'for',
    'Solution.needs': 'addresses',
    'Solution.objectives': 'advances',
    'Question.subjects': 'about',
    'Ticket.serves': 'serves',
    'Ticket.implements': 'implements',
    'Canvas.outcomes': 'outcomes',
    'Canvas.users': 'users',
    'Canvas.solutions': 'solutions',
    'Canvas.questions': 'questions',
    'Canvas.goal': 'goal',
    'Canvas.success': 'success',
    'PlanStep.tickets': 'tickets'
};

export function referenceKeyword(container: AstNode, property: string): string {
    return referenceKeywords[`${container.$type}.${property}`] ?? property;
}
