import type { AlignmentModel } from '../model/alignment.js';
import { canvasesNamed, mapView } from '../model/preview-view.js';
import { roadmapGantt } from '../model/roadmap-gantt.js';
import { roadmapMermaid } from '../render/text/mermaid-gantt.js';
import { mapMermaid } from '../render/text/mermaid-flowchart.js';

// `strategy render --format mermaid`: the map as a flowchart without --canvas, a roadmap canvas as a gantt chart.
// A product or strategy canvas is boxes of text, which neither diagram draws: that is a usage error, not a guess.

export type MermaidRendering = { content: string; problem?: undefined } | { problem: string; content?: undefined };

/** Mermaid's default `maxTextSize`: past it, Mermaid (and GitHub) draws an error in place of the diagram. */
export const mermaidMaxText = 50_000;

/** A note for standard error when the diagram is longer than Mermaid draws by default; it changes no exit status. */
export function mermaidSizeNote(content: string): string | undefined {
    return content.length > mermaidMaxText
        ? `the diagram is ${content.length} characters; Mermaid draws at most ${mermaidMaxText} by default (its maxTextSize), so --format md or html reads better`
        : undefined;
}

export function mermaidRendering(model: AlignmentModel, canvasId: string | undefined, unknownCanvas: (id: string) => string): MermaidRendering {
    if (canvasId === undefined) return { content: mapMermaid(mapView(model)) };
    const canvas = canvasesNamed(model, canvasId)[0];
    if (!canvas) return { problem: unknownCanvas(canvasId) };
    if (canvas.kind[0] !== 'roadmap') {
        return { problem: `canvas '${canvasId}' is not a roadmap; --format mermaid draws a roadmap canvas (kind roadmap) as a gantt chart, or the alignment map without --canvas` };
    }
    return { content: roadmapMermaid(roadmapGantt(model, canvas)) };
}
