// The module scripts/integration/build.mjs generates: the suite's test files, required in order by loadTests().
declare module 'integration-tests' {
    export const testFiles: string[];
    export function loadTests(): void;
}
