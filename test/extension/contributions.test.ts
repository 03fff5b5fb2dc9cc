import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The manifest and the code must agree: a command in the palette that nothing registers fails when chosen, and a
// registered command missing from the manifest has no title. The extension's code imports vscode, so this reads it.
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { commands: Array<{ command: string }> } };
const source = readdirSync('src/extension', { recursive: true }).map(String).filter(file => file.endsWith('.ts'))
    .map(file => readFileSync(join('src/extension', file), 'utf8')).join('\n');

describe('extension contributions', () => {
    it('every contributed command id is written in the extension\'s code, and every registerCommand id is contributed', () => {
        const contributed = manifest.contributes.commands.map(each => each.command);
        for (const command of contributed) assert.ok(source.includes(`'${command}'`), `${command} is contributed but never named in src/extension`);
        const literals = [...source.matchAll(/registerCommand\('([^']+)'/g)].map(match => match[1]);
        for (const command of literals) assert.ok(contributed.includes(command), `${command} is registered but not contributed`);
        assert.ok(contributed.includes('strategy.restartServer'));
    });
});
