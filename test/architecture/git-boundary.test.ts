import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/git/ is read by both the CLI's `strategy diff` and the language server's Compare with Revision; the CLI
// imports the server's engine, so src/git/ may import neither of them (nor Langium, nor VS Code): Node's own
// modules and its own files only.
const folder = fileURLToPath(new URL('../../src/git/', import.meta.url));

describe('src/git/', () => {
    it('imports only Node\'s own modules and its own files', () => {
        const files = readdirSync(folder).filter(name => name.endsWith('.ts'));
        assert.ok(files.length >= 2, `only ${files.join(', ')} in src/git/`);
        const outside = files.flatMap(name => [...readFileSync(`${folder}${name}`, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)]
            .map(([, specifier]) => specifier)
            .filter(specifier => !specifier.startsWith('node:') && !/^\.\/[\w-]+\.js$/.test(specifier))
            .map(specifier => `${name} imports ${specifier}`));
        assert.deepEqual(outside, []);
    });
});
