import type { SwotCanvasView, SwotField } from '../../model/preview-view.js';
import { swotAreas } from './canvas-areas.js';
import { boxLocation, textEntries, type Box, type CanvasBoxes } from './canvas-boxes.js';

// A SWOT analysis as its four boxes: what helps and what harms, inside the organisation (strengths, weaknesses)
// above and outside it (opportunities, threats) below.

const quadrants: Array<{ field: SwotField; keyword: 'strength' | 'weakness' | 'opportunity' | 'threat'; title: string; hint: string }> = [
    { field: 'strengths', keyword: 'strength', title: 'Strengths', hint: 'what we do better than others' },
    { field: 'weaknesses', keyword: 'weakness', title: 'Weaknesses', hint: 'where we fall short' },
    { field: 'opportunities', keyword: 'opportunity', title: 'Opportunities', hint: 'a change outside that we can use' },
    { field: 'threats', keyword: 'threat', title: 'Threats', hint: 'a change outside that can hurt us' }
];

export function swotCanvasBoxes(view: SwotCanvasView): CanvasBoxes {
    const boxes: Box[] = quadrants.map(({ field, keyword, title, hint }, index) => ({
        name: field, number: index + 1, title, location: boxLocation(view, keyword),
        entries: textEntries(view.id, field, view[field]),
        hint: `Add \`${keyword} "…"\` to the canvas: ${hint}.`
    }));
    return {
        view: 'swot', id: view.id, title: view.title, kindLabel: 'SWOT analysis', location: view.location,
        areas: swotAreas, boxes, axes: { columns: ['Helpful', 'Harmful'], rows: ['Internal', 'External'] }
    };
}
