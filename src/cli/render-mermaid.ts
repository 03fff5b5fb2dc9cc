import type { AlignmentModel } from '../model/alignment.js';
import { canvasesNamed, mapView } from '../model/preview-view.js';
import { roadmapGantt } from '../model/roadmap-gantt.js';
import { roadmapMermaid } from '../render/text/mermaid-gantt.js';
import { mapMermaid } from '../render/text/mermaid-flowchart.js';

// `strategy render --format mermaid`: the map as a flowchart without --canvas, a roadmap canvas as a gantt chart.
// A product or strategy canvas is boxes of text, which neither diagram draws: that is a usage error, not a guess.

export type MermaidRendering = { content: string; problem?: undefined } | { problem: string; content?: undefined };

export function mermaidRendering(model: AlignmentModel, canvasId: string | undefined, unknownCanvas: (id: string) => string): MermaidRendering {
    if (canvasId === undefined) return { content: mapMermaid(mapView(model)) };
    const canvas = canvasesNamed(model, canvasId)[0];
    if (!canvas) return { problem: unknownCanvas(canvasId) };
    if (canvas.kind[0] !== 'roadmap') {
        return { problem: `canvas '${canvasId}' is not a roadmap; --format mermaid draws a roadmap canvas (kind roadmap) as a gantt chart, or the alignment map without --canvas` };
    }
    return { content: roadmapMermaid(roadmapGantt(model, canvas)) };
}
