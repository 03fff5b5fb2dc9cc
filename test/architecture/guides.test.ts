import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// CONTRIBUTING.md and the README's layout table say where each kind of change goes; a path they name that no longer
// exists sends a contributor to the wrong place. Every `src/…`, `test/…`, `scripts/…` or `examples/…` path written
// in backquotes must exist (a folder when it ends in `/`).
const root = fileURLToPath(new URL('../../', import.meta.url));

function namedPaths(markdown: string): string[] {
    const paths = new Set<string>();
    for (const [, path] of markdown.matchAll(/`((?:src|test|scripts|examples|syntaxes)\/[A-Za-z0-9_./-]*)`/g)) {
        if (!path.includes('<') && !/\*|milestone/.test(path)) paths.add(path);
    }
    return [...paths];
}

describe('the contributor guides', () => {
    for (const guide of ['CONTRIBUTING.md', 'README.md']) {
        it(`${guide} names only paths that exist`, () => {
            const text = readFileSync(`${root}${guide}`, 'utf8');
            const paths = namedPaths(text);
            assert.ok(paths.length > 10, `${guide} names ${paths.length} paths`);
            assert.deepEqual(paths.filter(path => !existsSync(`${root}${path}`)), []);
        });
    }
});
