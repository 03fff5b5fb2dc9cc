import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// For the tests that prove a tool writes nothing into the user's home folder.
const homeVariables = ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME'] as const;

/** Runs `body` with HOME an empty temporary folder (and no XDG folders), then lists what landed in it. */
export async function filesWrittenToHome(body: () => Promise<void>): Promise<string[]> {
    const home = mkdtempSync(path.join(tmpdir(), 'strategy-home-'));
    const saved = homeVariables.map(name => [name, process.env[name]] as const);
    process.env.HOME = home;
    for (const name of homeVariables.slice(1)) delete process.env[name];
    try {
        await body();
        return readdirSync(home, { recursive: true, encoding: 'utf8' }).sort();
    } finally {
        for (const [name, value] of saved) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
        rmSync(home, { recursive: true, force: true });
    }
}
