// Types of system-needs.mjs (see its header).

export const chromiumPath: string;
export interface Need {
    apt: string;
    files: string[];
    why: string;
    skips: string;
}
export const needs: Need[];
export function missingNeeds(exists?: (file: string) => boolean): Need[];
export function nodeProblem(running?: string): string | undefined;
export function report(missing: Need[], ci: boolean): { status: number; text: string };
