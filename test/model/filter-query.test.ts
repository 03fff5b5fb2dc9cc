import assert from 'node:assert/strict';
import { parseCommandArgs } from '../../src/cli/args.js';
import { workFilterOf } from '../../src/cli/filter-flags.js';
import { parseFilterQuery, parseWorkFilter, sameFilter } from '../../src/model/filter-query.js';

// The preview's filter box: its words read into the WorkFilter that `strategy render`'s flags give, so the box and
// the command line filter alike; a word it cannot read is named, never thrown.

describe('the preview\'s filter query', () => {
    it('reads the flags\' words into the filter the same flags give on the command line', () => {
        const query = parseFilterQuery('owner:ana focus:retention kind:feature status:doing hide:done');
        assert.deepEqual(query.problems, []);
        const flags = workFilterOf(parseCommandArgs(['--owner', 'ana', '--focus', 'retention', '--kind', 'feature', '--status', 'doing', '--hide-done'], ['html']));
        assert.ok(sameFilter(query.filter, flags), `${JSON.stringify(query.filter)} is ${JSON.stringify(flags)}`);
        assert.deepEqual(parseFilterQuery('milestone:M1').filter, { milestone: 'M1' });
    });

    it('reads the other words as one free text, and a quoted value with its spaces', () => {
        assert.deepEqual(parseFilterQuery('  checkout   flow status:todo ').filter, { text: 'checkout flow', status: 'todo' });
        assert.deepEqual(parseFilterQuery('owner:"Growth team" "two  words"').filter, { owner: 'Growth team', text: 'two  words' });
        assert.deepEqual(parseFilterQuery('OWNER:Ana Hide:Done').filter, { owner: 'Ana', hideDone: true });
        assert.deepEqual(parseFilterQuery(''), { filter: {}, problems: [] });
    });

    it('names an unknown key, an unknown value and a missing one, and keeps the words it could read', () => {
        assert.deepEqual(parseFilterQuery('foo:bar checkout'), {
            filter: { text: 'checkout' },
            problems: ["unknown filter 'foo'; use owner:, focus:, kind:, status:, milestone:, hide:"]
        });
        assert.deepEqual(parseFilterQuery('status:doin owner:ana').problems, ["unknown status 'doin'; use todo, doing, done, dropped"]);
        assert.deepEqual(parseFilterQuery('status:doin owner:ana').filter, { owner: 'ana' });
        assert.deepEqual(parseFilterQuery('kind:').problems, ['kind: needs one of feature, refactor, platform, bug, experiment, research']);
        assert.deepEqual(parseFilterQuery('milestone:').problems, ['milestone: needs a value']);
        assert.deepEqual(parseFilterQuery('hide:todo').problems, ['hide:todo is not a filter; use hide:done']);
    });

    it('rebuilds a filter that arrives as JSON from its checked fields, refusing anything else', () => {
        assert.deepEqual(parseWorkFilter({ text: 'a', status: 'doing', hideDone: true, extra: '<script>' }), { text: 'a', status: 'doing', hideDone: true });
        assert.deepEqual(parseWorkFilter({ hideDone: false }), {});
        for (const bad of [null, 'status:doing', [], { status: 3 }, { owner: '' }, { hideDone: 'yes' }, { text: 'x'.repeat(501) }]) {
            assert.equal(parseWorkFilter(bad), undefined, JSON.stringify(bad));
        }
    });
});
