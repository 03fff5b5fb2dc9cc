import type { Insight, Question, Solution, Ticket } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';
import { lineOf, type SourceLine } from './locations.js';
import { byPriority } from './priority.js';

// The learning trail of `strategy trace` (issue 16, item 3): per solution, what it bets on (its hypotheses), what
// is being asked about it (the questions `about` it, with their answers) and what was learned for and against it
// (the insights that `support` or `contradict` it). Texts are kept whole here; the formats decide how to clamp.

export interface InsightTrail {
    id: string;
    title: string;
    source?: string;
    at: SourceLine;
}

export interface QuestionTrail {
    id: string;
    title: string;
    /** `open` unless the question says `answered` (a value outside the language is shown as written). */
    status: string;
    answer?: string;
    at: SourceLine;
}

export interface SolutionTrail {
    id: string;
    title: string;
    status?: string;
    priority?: string;
    hypotheses: string[];
    at: SourceLine;
    questions: QuestionTrail[];
    insights: { for: InsightTrail[]; against: InsightTrail[] };
}

function insightTrail(insight: Insight): InsightTrail {
    return { id: insight.name, title: insight.title ?? '', source: insight.source[0], at: lineOf(insight) };
}

function questionTrail(question: Question): QuestionTrail {
    return { id: question.name, title: question.title ?? '', status: question.status[0] ?? 'open', answer: question.answer[0], at: lineOf(question) };
}

/** Each solution's questions (`about` it), file by file, in source order; a solution named twice lists it once. */
function questionsBySolution(model: AlignmentModel): Map<Solution, Question[]> {
    const about = new Map<Solution, Question[]>();
    for (const element of [...model.byName.values()].flat()) {
        if (element.$type !== 'Question') continue;
        for (const solution of new Set(element.subjects.map(ref => ref.ref).filter(subject => subject?.$type === 'Solution'))) {
            const list = about.get(solution as Solution);
            if (list) list.push(element);
            else about.set(solution as Solution, [element]);
        }
    }
    return about;
}

/**
 * Every solution's trail, by priority as all work is listed. With `only` (the tickets trace's filters keep), the
 * solutions those tickets implement: the trail follows the work the trace shows.
 */
export function learningTrailOf(model: AlignmentModel, only?: (ticket: Ticket) => boolean): SolutionTrail[] {
    const questions = questionsBySolution(model);
    // A solution the parser recovered without its ID has its syntax error; it has no place in a trace.
    const solutions = [...model.solutions.values()]
        .filter(facts => facts.solution.name !== undefined && (only === undefined || facts.tickets.some(only)))
        .map(facts => facts.solution)
        .sort(byPriority);
    return solutions.map(solution => {
        const evidence = model.evidenceOf(solution);
        return {
            id: solution.name,
            title: solution.title ?? '',
            status: solution.status[0],
            priority: solution.priority[0],
            hypotheses: [...solution.hypotheses],
            at: lineOf(solution),
            questions: (questions.get(solution) ?? []).map(questionTrail),
            insights: { for: evidence.for.map(insightTrail), against: evidence.against.map(insightTrail) }
        };
    });
}
