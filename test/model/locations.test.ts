import assert from 'node:assert/strict';
import type { AstNode } from 'langium';
import type { Canvas } from '../../src/language/generated/ast.js';
import { buildAlignmentTree } from '../../src/model/alignment-tree.js';
import {
    keywordLocation, lineOf, locationOf, nameLocation, nameOnlyLocation, placeKey, propertyLocation
} from '../../src/model/locations.js';
import { workspace } from '../helpers.js';

// What the views, the trace and the checks already show for named elements is tested with them; these are the
// cases only the location rules decide: an element without its name, a value that is not written, two elements
// that share an ID.

const start = (location: { range: { start: unknown } } | undefined) => location?.range.start;

describe('source locations', () => {
    it('an element recovered without its name is located at the element itself, and has no name for a check to point at', async () => {
        const ws = await workspace({ 'main.strategy': 'ticket APP-1 "t"\n  objective "Grow" {\n}\n' });
        const unnamed = ws.documents.get('main.strategy')!.parseResult.value.elements[1];
        assert.equal(unnamed.$type, 'Objective');
        assert.equal(unnamed.name, undefined);
        assert.deepEqual(start(locationOf(unnamed)), { line: 1, character: 2 });
        assert.deepEqual(nameLocation(unnamed), locationOf(unnamed));
        assert.equal(nameOnlyLocation(unnamed), undefined);
        assert.deepEqual(lineOf(unnamed), { uri: ws.uri('main.strategy').toString(), line: 2 });
    });

    it('a node without text is no navigation target, and the start of its file for a view', async () => {
        const ws = await workspace({ 'main.strategy': 'objective G "g"\n' });
        const element = ws.documents.get('main.strategy')!.parseResult.value.elements[0];
        const detached = { ...element, $cstNode: undefined } as AstNode;
        assert.equal(nameLocation(detached), undefined);
        assert.deepEqual(locationOf(detached), { uri: ws.uri('main.strategy').toString(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    });

    it('a value or keyword that is not written is located at its owner\'s name, or nowhere', async () => {
        const ws = await workspace({ 'c.strategy': 'canvas C "C" {\n  kind product\n  problem "first"\n}\n' });
        const canvas = ws.documents.get('c.strategy')!.parseResult.value.elements[0] as Canvas;
        assert.deepEqual(start(propertyLocation(canvas, 'problem', 0)), { line: 2, character: 10 });
        assert.deepEqual(propertyLocation(canvas, 'problem', 1), locationOf(canvas));
        assert.deepEqual(start(locationOf(canvas)), { line: 0, character: 7 });
        assert.deepEqual(start(keywordLocation(canvas, 'problem')), { line: 2, character: 2 });
        assert.equal(keywordLocation(canvas, 'plan'), undefined);
    });

    it('two elements that share an ID are two places, listed in file and then text order', async () => {
        const ws = await workspace({
            'b.strategy': 'solution S "second file"\nobjective G "g"\n',
            'a.strategy': 'solution S "first file"\nsolution S "first file, again" { advances G }\n'
        });
        const tree = buildAlignmentTree(ws.services.strategy.WorkspaceModel.get());
        const unaligned = tree.unalignedSolutions;
        assert.deepEqual(unaligned.map(solution => solution.title), ['first file', 'second file']);
        // The first solution of each file is written at the same line and character: only the file tells them apart.
        const all = [...unaligned, ...tree.objectives[0].solutions];
        assert.equal(new Set(all.map(solution => placeKey(solution.location))).size, 3);
    });
});
