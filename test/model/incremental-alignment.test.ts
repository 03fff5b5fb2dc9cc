import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils } from 'langium';
import type { Model } from '../../src/language/generated/ast.js';
import { AlignmentModel } from '../../src/model/alignment.js';
import { workspace } from '../helpers.js';

const example = 'examples/shop-app';
const files = Object.fromEntries(readdirSync(example).map(name => [name, readFileSync(join(example, name), 'utf8')]));

/** Sorted by content, so two elements with one ID (a duplicate) compare in a stable order. */
const byContent = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** The model's facts by element name, so a model kept up to date and one built afresh can be compared. */
function summary(model: AlignmentModel): unknown {
    const names = (nodes: Array<{ name: string }>) => nodes.map(node => node.name).sort();
    return {
        objectives: [...model.objectives.values()].map(f => ({
            id: f.objective.name, parent: f.parent?.name, children: names(f.children), solutions: names(f.solutions),
            tickets: names(f.tickets), measured: f.measured, cycle: f.cycle?.map(o => o.name)
        })).sort(byContent),
        metrics: [...model.metrics.values()].map(f => ({ id: f.metric.name, objectives: names(f.objectives), progress: f.progress?.ratio })).sort(byContent),
        solutions: [...model.solutions.values()].map(f => ({ id: f.solution.name, tickets: names(f.tickets) })).sort(byContent),
        tickets: names(model.tickets),
        needs: [...model.addressedNeeds].map(n => `${n.$container.name}.${n.name}`).sort(),
        names: [...model.byName].map(([name, elements]) => `${name}×${elements.length}`).sort()
    };
}

// After each edit the model kept up to date document by document must equal one built from scratch.
describe('alignment model kept up to date per document', () => {
    it('equals a fresh model after every kind of edit', async () => {
        const ws = await workspace(files);
        const fresh = () => {
            const roots = [...ws.documents.values()].map(d => [d.uri.toString(), d.parseResult.value as Model] as const);
            return summary(new AlignmentModel(roots, '2026-11-23'));
        };
        const edits: Array<[string, string | undefined]> = [
            ['backlog.strategy', files['backlog.strategy'].replace('serves Activation', 'serves Engagement')],
            ['objectives.strategy', files['objectives.strategy'].replace('parent Revenue\n  focus acquisition', 'focus acquisition')],
            ['solutions.strategy', files['solutions.strategy'].replace('addresses Recommendations', 'addresses SaveTime')],
            ['extra.strategy', 'objective Revenue "again" { parent Engagement }\nticket APP-200 "new" { serves Revenue implements FasterNavigation }'],
            ['objectives.strategy', files['objectives.strategy'].replace('horizon long', 'horizon long\n  parent Engagement')],
            ['users.strategy', undefined],
            ['extra.strategy', undefined],
            ['objectives.strategy', files['objectives.strategy']],
            ['users.strategy', files['users.strategy']]
        ];
        for (const [step, [file, text]] of edits.entries()) {
            await ws.edit(file, text);
            ws.documents.forEach((document, name) => assert.ok(AstUtils.getDocument(document.parseResult.value), name));
            assert.deepEqual(summary(ws.services.strategy.WorkspaceModel.get()), fresh(), `after edit ${step} of ${file}`);
        }
    });
});
