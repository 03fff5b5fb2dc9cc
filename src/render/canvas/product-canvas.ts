import { textKey, type ProductCanvasView } from '../../model/preview-view.js';
import { productAreas } from './canvas-areas.js';
import {
    boxLocation, itemEntry, outcomeEntry, textEntries, ticketEntry, type Box, type CanvasBoxes, type Entry
} from './canvas-boxes.js';
import { statusBadge } from '../badges.js';

// The Lean Product Canvas (Gothelf & Seiden) as its eight numbered boxes, filled from the canvas's view.

function userOutcomes(view: ProductCanvasView): Entry[] {
    return view.userOutcomes.map(({ user, needs }) => ({
        type: 'group',
        head: itemEntry(user),
        children: needs.length > 0 ? needs.map(need => itemEntry(need)) : [{ type: 'hint', text: 'no needs stated yet' }]
    }));
}

function hypotheses(view: ProductCanvasView): Entry[] {
    const texts = textEntries(view.id, 'hypotheses', view.hypotheses);
    return view.hypotheses.map((hypothesis, index) => ({
        type: 'group',
        head: texts[index],
        children: [itemEntry(hypothesis.solution)]
    }));
}

/** An answered question is marked so, its answer under it (keyed `text:<canvas>/answers/<index>`); an open one as it is. */
function questions(view: ProductCanvasView): Entry[] {
    return view.questions.map((question, index): Entry => {
        if (!question.answer) return itemEntry(question);
        const answer = { type: 'text' as const, key: textKey(view.id, 'answers', index), text: question.answer.text, location: question.answer.location };
        return { type: 'group', head: itemEntry(question, statusBadge('answered')), children: [answer] };
    });
}

function plan(view: ProductCanvasView): Entry[] {
    const steps = textEntries(view.id, 'steps', view.plan);
    return view.plan.map((step, index) => ({ type: 'group', head: steps[index], children: step.tickets.map(ticketEntry) }));
}

export function productCanvasBoxes(view: ProductCanvasView): CanvasBoxes {
    const boxes: Box[] = [
        {
            name: 'problem', number: 1, title: 'Business problem', location: boxLocation(view, 'problem'),
            entries: textEntries(view.id, 'problem', view.problem),
            hint: 'Add `problem "…"` to the canvas: the problem, with a number that shows it.'
        },
        {
            name: 'outcomes', number: 2, title: 'Business outcomes', location: boxLocation(view, 'outcomes'),
            entries: view.outcomes.map(outcomeEntry),
            hint: 'Add `outcomes <Objective>` to the canvas.'
        },
        {
            name: 'users', number: 3, title: 'Users & customers', location: boxLocation(view, 'users'),
            entries: view.users.map(user => itemEntry(user)),
            hint: 'Add `users <UserType>` to the canvas.'
        },
        {
            name: 'user-outcomes', number: 4, title: 'User outcomes & benefits', location: boxLocation(view, 'users'),
            entries: userOutcomes(view),
            hint: 'Add `users <UserType>` to the canvas; each user type\'s `need <Name> "…"` shows here.'
        },
        {
            name: 'solutions', number: 5, title: 'Solutions', location: boxLocation(view, 'solutions'),
            entries: view.solutions.map(solution => itemEntry(solution, statusBadge(solution.status))),
            hint: 'Add `solutions <Solution>` to the canvas.'
        },
        {
            name: 'hypotheses', number: 6, title: 'Hypotheses', location: boxLocation(view, 'solutions'),
            entries: hypotheses(view),
            hint: 'Add `hypothesis "…"` to a solution the canvas lists.'
        },
        {
            name: 'learn-first', number: 7, title: 'Most important thing to learn first', location: boxLocation(view, 'questions'),
            entries: questions(view),
            hint: 'Add `questions <Question>` to the canvas.'
        },
        {
            name: 'least-work', number: 8, title: 'Least amount of work to learn it', location: boxLocation(view, 'plan'),
            entries: plan(view),
            hint: 'Add `plan { step "…" tickets <Ticket> }` to the canvas.'
        }
    ];
    return {
        view: 'product', id: view.id, title: view.title, kindLabel: 'Lean Product Canvas', location: view.location,
        areas: productAreas, boxes
    };
}
