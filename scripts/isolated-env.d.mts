// Types of isolated-env.mjs (see its header).

export function isolatedEnv(folder: string, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
