import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// Every import between src/ files forms a graph without cycles, so each folder can be read (and loaded) from the
// bottom up. A type-only import counts too, except one into a Langium DI module (`*-module.ts`): a service names
// the services type its module assembles, the one back-reference Langium's design asks for.

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
        return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
}

interface Import {
    target: string;
    typeOnly: boolean;
}

/** The src/ files a file imports or re-exports from, and whether only types come from each. */
function importsOf(file: string): Import[] {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const found: Import[] = [];
    for (const statement of source.statements) {
        let specifier: ts.Expression | undefined;
        let typeOnly = false;
        if (ts.isImportDeclaration(statement)) {
            specifier = statement.moduleSpecifier;
            const clause = statement.importClause;
            const named = clause?.namedBindings;
            typeOnly = clause !== undefined && (clause.isTypeOnly
                || (!clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every(element => element.isTypeOnly)));
        } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
            specifier = statement.moduleSpecifier;
            const clause = statement.exportClause;
            typeOnly = statement.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every(element => element.isTypeOnly));
        }
        if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
        found.push({ target: resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts')), typeOnly });
    }
    return found;
}

/** Langium's services name the type their DI module builds; the module imports them to build it. */
function isModuleBackReference(edge: Import): boolean {
    return edge.typeOnly && edge.target.endsWith('-module.ts');
}

/** Each cycle once, as the files along it (relative to src/), found by a depth-first walk. */
function cycles(graph: Map<string, string[]>): string[][] {
    const found: string[][] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
        state.set(file, 'open');
        path.push(file);
        for (const next of graph.get(file) ?? []) {
            if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].map(f => relative(src, f)));
            else if (!state.has(next)) visit(next);
        }
        path.pop();
        state.set(file, 'done');
    };
    for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
    return found;
}

describe('imports between src/ files', () => {
    it('form no cycle, type-only imports included (but for Langium\'s DI module back-references)', () => {
        const files = sourceFiles(src);
        const known = new Set(files);
        const graph = new Map(files.map(file => [file, importsOf(file)
            .filter(edge => known.has(edge.target) && !isModuleBackReference(edge))
            .map(edge => edge.target)]));
        assert.ok(graph.size > 100, `only ${graph.size} files found under src/`);
        assert.deepEqual(cycles(graph).map(cycle => cycle.join(' → ')), []);
    });
});
