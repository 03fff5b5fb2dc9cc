// The environment for every tool that the tests and scripts start (npm, code-server, VS Code, Chromium): HOME, the
// XDG config, data and cache folders and npm's cache all in `folder`, so nothing lands in the user's home folder
// (code-server writes a config.yaml with a password under XDG_CONFIG_HOME, Chromium its crash reports, npm its cache
// and logs). npm still reads the user's own ~/.npmrc (registry, proxy): reading it writes nothing. Types in
// isolated-env.d.mts.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

/** process.env (or `base`) with HOME, XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME and npm's cache in `folder`. */
export function isolatedEnv(folder, base = process.env) {
    const env = { ...base };
    // Found through HOME unless npm (running a script) has named it already.
    env.npm_config_userconfig ??= path.join(homedir(), '.npmrc');
    env.HOME = path.join(folder, 'home');
    env.XDG_CONFIG_HOME = path.join(folder, 'config');
    env.XDG_DATA_HOME = path.join(folder, 'data');
    env.XDG_CACHE_HOME = path.join(folder, 'cache');
    // npm passes its own cache folder to the scripts it runs; the tools' npm gets one of its own.
    env.npm_config_cache = path.join(folder, 'npm-cache');
    env.npm_config_update_notifier = 'false';
    for (const name of ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME']) mkdirSync(env[name], { recursive: true });
    return env;
}
