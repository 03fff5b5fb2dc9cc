import { DocumentState, isOperationCancelled, ReadPriority } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** Runs `read` once the workspace is linked, concurrently with any build, as Langium's own workspace requests do. */
export type LinkedReader = <T>(token: CancellationToken, read: () => T | Promise<T>) => Promise<T | ResponseError>;

export function linkedReader(shared: LangiumSharedServices): LinkedReader {
    return async (token, read) => {
        try {
            await shared.workspace.WorkspaceManager.ready;
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, token);
            return await shared.workspace.WorkspaceLock.read(read, ReadPriority.Immediate);
        } catch (error) {
            if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
            throw error;
        }
    };
}
