// Types of node22.mjs (see its header).

export const node22Version: string;
export function node22Bin(): string | undefined;
