import assert from 'node:assert/strict';
import { findTicketMentions, maxScannedLength, ticketMentionAt } from '../../src/model/ticket-keys.js';

const known = new Set(['APP-123', 'APP-7', 'Cache_basket']);
const ids = (text: string) => findTicketMentions(text, known).map(m => `${m.id}@${m.start}-${m.end}`);

describe('ticket mentions in any text', () => {
    it('finds a known ID in a code comment, with its exact offsets', () => {
        assert.deepEqual(ids('// APP-123: cache the basket'), ['APP-123@3-10']);
        assert.deepEqual(ids('fix(APP-7) and [APP-123], see APP-123.'), ['APP-7@4-9', 'APP-123@16-23', 'APP-123@30-37']);
        assert.deepEqual(ids('Cache_basket\nAPP-123'), ['Cache_basket@0-12', 'APP-123@13-20']);
    });

    it('ignores a known ID that is only part of a longer ID', () => {
        assert.deepEqual(ids('XAPP-123 APP-1234 APP-123-fix APP-123x 9APP-123 _APP-123 -APP-123'), []);
        assert.deepEqual(ids('feature/APP-123-cache'), []);
    });

    it('ignores IDs the workspace does not define, and is case-sensitive as IDs are', () => {
        assert.deepEqual(ids('APP-999 OPS-1 app-123 App-123'), []);
        assert.deepEqual(findTicketMentions('APP-123', new Set()), []);
    });

    it('finds the mention under a hover position within a line', () => {
        const line = 'see APP-123 and APP-7';
        assert.equal(ticketMentionAt(line, 4, known)?.id, 'APP-123');
        assert.equal(ticketMentionAt(line, 10, known)?.id, 'APP-123');
        assert.equal(ticketMentionAt(line, 11, known), undefined);
        assert.equal(ticketMentionAt(line, 20, known)?.id, 'APP-7');
        assert.equal(ticketMentionAt(line, 2, known), undefined);
    });

    it('scans 5 MB of text quickly, including inputs that make careless patterns backtrack', function () {
        this.timeout(10_000);
        const code = '// APP-123: cache the basket\nconst basket = load(userId, { retries: 3 });\n';
        const texts = {
            source: code.repeat(Math.floor(maxScannedLength / code.length)),
            oneLongWord: 'a-'.repeat(maxScannedLength / 2),
            dashes: '-'.repeat(maxScannedLength),
            almostIds: 'APP-12 '.repeat(Math.floor(maxScannedLength / 7))
        };
        for (const [name, text] of Object.entries(texts)) {
            const started = performance.now();
            const mentions = findTicketMentions(text, known);
            const elapsed = performance.now() - started;
            assert.ok(elapsed < 1000, `${name}: ${elapsed.toFixed(0)} ms`);
            if (name === 'source') assert.equal(mentions.length, Math.floor(maxScannedLength / code.length));
            else assert.equal(mentions.length, 0, name);
        }
    });

    it('does not scan texts over the size limit', () => {
        assert.deepEqual(findTicketMentions(`APP-123 ${' '.repeat(maxScannedLength)}`, known), []);
    });
});
