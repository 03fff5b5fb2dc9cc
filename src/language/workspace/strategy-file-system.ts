import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

/** The text without its byte order mark, as editors show it and count positions in it. */
export function withoutBom(text: string): string {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Files read from disk lose their byte order mark, as VS Code's editor buffer does: every position the server
 * computes (diagnostics, rename edits, definitions) then counts the characters the editor counts, and the same
 * as `strategy check`.
 */
export class StrategyFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return withoutBom(await super.readFile(uri));
    }

    override readFileSync(uri: URI): string {
        return withoutBom(super.readFileSync(uri));
    }
}

/** The context for the language's services on Node: Langium's file system, reading text without a byte order mark. */
export const StrategyFileSystem = {
    fileSystemProvider: () => new StrategyFileSystemProvider()
};
