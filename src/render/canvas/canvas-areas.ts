// Where each box of a canvas sits, as CSS grid-template-areas rows: the preview's stylesheet, the SVG export and
// the Markdown tables all place boxes from these. No imports, so the stylesheet carries nothing else with it.

/** Six columns, so that rows of one, two and three boxes divide evenly. */
export const gridColumns = 6;

/** Each row of names stretched to the grid's six columns; a name repeated across cells or rows spans them. */
function gridAreas(rows: string[][]): string[][] {
    return rows.map(row => row.flatMap(name => Array<string>(gridColumns / row.length).fill(name)));
}

/**
 * The Lean UX canvas: problem | solutions | business outcomes, users | solutions | user outcomes, then the
 * hypotheses across, then what to learn first | the least work to learn it.
 */
export const productAreas = gridAreas([
    ['problem', 'solutions', 'outcomes'],
    ['users', 'solutions', 'user-outcomes'],
    ['hypotheses'],
    ['learn-first', 'least-work']
]);

/** SWOT, two by two: inside above (helpful | harmful), outside below. */
export const swotAreas = gridAreas([
    ['strengths', 'weaknesses'],
    ['opportunities', 'threats']
]);

/** The Lean Strategy Canvas, two by two. */
export const strategyAreas = gridAreas([
    ['goal', 'obstacles'],
    ['play-win', 'success']
]);
