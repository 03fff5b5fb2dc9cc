// Types of supply-chain.mjs (see its header).

export const root: string;
export const vsixPath: string;

export interface VsixFile {
    name: string;
    bytes: number;
}

export function bundledPackages(): Promise<Map<string, string[]>>;
export function runtimeTree(): Set<string>;
export function dependencyProblems(): Promise<string[]>;
export function vsixFiles(path?: string): VsixFile[];
export function vsixProblems(files: VsixFile[]): string[];
export function audit(): { unavailable: string } | { unavailable?: undefined; counts: Record<string, number>; serious: string[] };
