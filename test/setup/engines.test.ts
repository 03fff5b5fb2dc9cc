import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { node22Version } from '../../scripts/node22.mjs';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
    packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

// `npm ci` warns (EBADENGINE) for every installed package whose engines.node leaves out the running Node. The Node
// the README and package.json promise must therefore lie inside every locked package's range, so that no Node they
// allow gets a warning, nor a dependency that refuses to run.
describe('declared Node version', () => {
    it('is admitted by the engines.node of every package in package-lock.json', () => {
        const declared = manifest.engines.node;
        assert.ok(semver.validRange(declared), `package.json engines.node ${declared} is not a version range`);
        const refusing = Object.entries(lock.packages)
            .filter(([location]) => location !== '')
            .flatMap(([location, entry]) => {
                // Old packages wrote engines as an array of strings, which npm ignores.
                const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
                return range === undefined || semver.subset(declared, range, { includePrerelease: false })
                    ? [] : [`${location.replace(/^(.*\/)?node_modules\//, '')}@${entry.version} wants node ${range}`];
            });
        assert.deepEqual(refusing, [], `package.json engines.node is ${declared}`);
    });

    it('admits the Node that npm test and .ci/run fetch onto an older machine', () => {
        assert.ok(semver.satisfies(node22Version, manifest.engines.node), `scripts/node22.mjs fetches Node ${node22Version}; package.json asks for ${manifest.engines.node}`);
    });

    it('is the one the README asks for', () => {
        const readme = readFileSync(new URL('README.md', root), 'utf8');
        const minimum = semver.minVersion(manifest.engines.node)!.version;
        assert.match(readme, new RegExp(`Node\\.js ${minimum.replace(/\./g, '\\.')} or later`));
    });
});
