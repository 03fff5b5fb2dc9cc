import { URI, type FileSystemNode, type FileSystemProvider, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createStrategyLspServices, type StrategyLspServices } from '../src/language/lsp/strategy-lsp-module.js';
import type { Model } from '../src/language/generated/ast.js';

export const today = '2026-11-23';

/** Files held in memory, so tests can change one and let Langium re-read it as the language server would. */
export class MemoryFileSystem implements FileSystemProvider {
    readonly files = new Map<string, string>();

    private text(uri: URI): string {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw new Error(`no file ${uri.toString()}`);
        return text;
    }
    private node(uri: URI): FileSystemNode {
        return { uri, isFile: this.files.has(uri.toString()), isDirectory: !this.files.has(uri.toString()) };
    }
    stat = async (uri: URI) => this.node(uri);
    statSync = (uri: URI) => this.node(uri);
    exists = async (uri: URI) => this.files.has(uri.toString());
    existsSync = (uri: URI) => this.files.has(uri.toString());
    readFile = async (uri: URI) => this.text(uri);
    readFileSync = (uri: URI) => this.text(uri);
    readBinary = async (uri: URI) => new TextEncoder().encode(this.text(uri));
    readBinarySync = (uri: URI) => new TextEncoder().encode(this.text(uri));
    readDirectory = async () => [...this.files.keys()].map(key => this.node(URI.parse(key)));
    readDirectorySync = () => [...this.files.keys()].map(key => this.node(URI.parse(key)));
}

export interface Workspace {
    services: StrategyLspServices;
    documents: Map<string, LangiumDocument<Model>>;
    uri(file: string): URI;
    /** Diagnostics of one file as `line:col code` strings (1-based), sorted, for compact assertions. */
    codes(file: string): string[];
    diagnostics(file: string): Diagnostic[];
    /** Changes (or with `undefined` deletes) a file and rebuilds as the language server does after an edit. */
    edit(file: string, text: string | undefined): Promise<void>;
}

/** Builds a workspace from file name → text, with the engine the server and the CLI use. */
export async function workspace(files: Record<string, string>, date = today): Promise<Workspace> {
    const fileSystem = new MemoryFileSystem();
    const services = createStrategyLspServices({ fileSystemProvider: () => fileSystem }).Strategy;
    services.strategy.Config.fixedToday = date;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const builder = services.shared.workspace.DocumentBuilder;
    const uri = (file: string) => URI.file(`/ws/${file}`);
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const [name, text] of Object.entries(files)) {
        fileSystem.files.set(uri(name).toString(), text);
        documents.set(name, await langiumDocuments.getOrCreateDocument(uri(name)) as LangiumDocument<Model>);
    }
    await builder.build([...documents.values()], { validation: true });
    const diagnostics = (file: string) => langiumDocuments.getDocument(uri(file))?.diagnostics ?? [];
    return {
        services,
        documents,
        uri,
        diagnostics,
        codes: file => diagnostics(file)
            .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`)
            .sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
        async edit(file, text) {
            if (text === undefined) {
                fileSystem.files.delete(uri(file).toString());
                documents.delete(file);
                await builder.update([], [uri(file)]);
            } else {
                fileSystem.files.set(uri(file).toString(), text);
                await builder.update([uri(file)], []);
                documents.set(file, langiumDocuments.getDocument(uri(file)) as LangiumDocument<Model>);
            }
        }
    };
}

/** Diagnostics of a single file as `line:col code`. */
export async function codesOf(text: string, date = today): Promise<string[]> {
    return (await workspace({ 'main.strategy': text }, date)).codes('main.strategy');
}

/** Messages of a single file's diagnostics with one code. */
export async function messagesOf(text: string, code: string, date = today): Promise<string[]> {
    const ws = await workspace({ 'main.strategy': text }, date);
    return ws.diagnostics('main.strategy').filter(d => d.code === code).map(d => String(d.message));
}
