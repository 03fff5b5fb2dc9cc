import type { StrategyCanvasView } from '../../model/preview-view.js';
import { strategyAreas } from './canvas-areas.js';
import { boxLocation, metricOrMissing, outcomeEntry, textEntries, type Box, type CanvasBoxes, type Entry } from './canvas-boxes.js';

// The Lean Strategy Canvas as its four boxes: the goal, what is in our way, where we play and how we win, and how
// we will know it is working.

/** Play and win share a box, each under its own heading; a missing one says which field to add. */
function playAndWin(view: StrategyCanvasView): Entry[] {
    if (view.play.length === 0 && view.win.length === 0) return [];
    const part = (label: string, field: 'play' | 'win'): Entry => ({
        type: 'group',
        head: { type: 'label', text: label },
        children: view[field].length > 0 ? textEntries(view.id, field, view[field]) : [{ type: 'hint', text: `Add \`${field} "…"\` to the canvas.` }]
    });
    return [part('Where we will play', 'play'), part('How we will win', 'win')];
}

export function strategyCanvasBoxes(view: StrategyCanvasView): CanvasBoxes {
    const boxes: Box[] = [
        {
            name: 'goal', number: 1, title: 'Goal (12–18 months)', location: boxLocation(view, 'goal'),
            entries: view.goal.map(outcomeEntry),
            hint: 'Add `goal <Objective>` to the canvas.'
        },
        {
            name: 'obstacles', number: 2, title: 'What is in our way', location: boxLocation(view, 'obstacle'),
            entries: textEntries(view.id, 'obstacles', view.obstacles),
            hint: 'Add `obstacle "…"` to the canvas.'
        },
        {
            name: 'play-win', number: 3, title: 'Where we will play & how we will win', location: boxLocation(view, 'play', 'win'),
            entries: playAndWin(view),
            hint: 'Add `play "…"` and `win "…"` to the canvas.'
        },
        {
            name: 'success', number: 4, title: 'How we will know it is working', location: boxLocation(view, 'success'),
            entries: view.success.map(metricOrMissing),
            hint: 'Add `success <Metric>` to the canvas.'
        }
    ];
    return {
        view: 'strategy', id: view.id, title: view.title, kindLabel: 'Lean Strategy Canvas', location: view.location,
        areas: strategyAreas, boxes, vision: view.vision
    };
}
