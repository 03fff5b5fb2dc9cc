import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'langium';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ResponseError } from 'vscode-languageserver';
import { workspace, type Workspace } from '../../helpers.js';

const files = {
    'users.strategy': `usertype Buyer "Buyers" { need Trust "Trust the prices", SaveTime "Save time" }
usertype Newcomer "Newcomers" { need Trust "Trust the shop" }
`,
    'goals.strategy': `objective Revenue "Revenue" { metric Rate }
objective Engagement "Engagement" { parent Revenue metric Rate }
metric Rate "Rate" { baseline 1 target 2 by 2027-01-01 }
`,
    'work.strategy': `solution Deals "Deals" {
  for Buyer
  addresses Trust, Buyer.Trust, Newcomer.Trust, Buyer . SaveTime
  advances Engagement
}
ticket APP-123 "Prototype" { serves Engagement implements Deals }
canvas C "Canvas" {
  kind product
  outcomes Engagement
  users Buyer, Newcomer
  plan { step "First" tickets APP-123 }
}
`
};

/** Position of the `nth` occurrence of `needle` in `file`, plus `shift` characters. */
function at(ws: Workspace, file: string, needle: string, nth = 0, shift = 1) {
    const document = ws.documents.get(file)!;
    const text = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${needle} not in ${file}`);
    return { document, position: document.textDocument.positionAt(index + shift) };
}

/** Every file's text after renaming what is at the position to `newName`. */
async function rename(ws: Workspace, file: string, needle: string, newName: string, nth = 0, shift = 1): Promise<Record<string, string>> {
    const { document, position } = at(ws, file, needle, nth, shift);
    const edit = await ws.services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName });
    assert.ok(edit?.changes, 'no rename');
    const result: Record<string, string> = {};
    for (const [name, doc] of ws.documents) {
        result[name] = TextDocument.applyEdits(doc.textDocument, edit.changes[doc.uri.toString()] ?? []);
    }
    return result;
}

/** Applies the renamed texts and returns the reference problems left in the workspace (none when the rename is whole). */
async function referenceProblems(ws: Workspace, after: Record<string, string>): Promise<string[]> {
    for (const [file, text] of Object.entries(after)) await ws.edit(file, text);
    return [...ws.documents.keys()].flatMap(file => ws.codes(file).filter(code => /unresolved|wrong-kind|duplicate-id/.test(code)).map(code => `${file}:${code}`));
}

/** The message of the error a rename is refused with. */
async function refusal(ws: Workspace, file: string, needle: string, newName: string, nth = 0, shift = 1): Promise<string> {
    const { document, position } = at(ws, file, needle, nth, shift);
    try {
        await ws.services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName });
    } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        return error.message;
    }
    assert.fail(`renaming to ${newName} was accepted`);
}

describe('rename', () => {
    let ws: Workspace;
    beforeEach(async () => { ws = await workspace(files); });

    it('renames an objective in every file, from a reference', async () => {
        const after = await rename(ws, 'work.strategy', 'serves Engagement', 'Usage', 0, 8);
        assert.match(after['goals.strategy'], /objective Usage "Engagement"/);
        assert.match(after['work.strategy'], /advances Usage\n/);
        assert.match(after['work.strategy'], /serves Usage implements/);
        assert.match(after['work.strategy'], /outcomes Usage\n/);
        assert.ok(!Object.values(after).some(text => text.includes('Engagement ')));
        assert.deepEqual(await referenceProblems(ws, after), []);
    });

    it('renames a ticket with a dash in its key, from its declaration', async () => {
        const after = await rename(ws, 'work.strategy', 'APP-123', 'APP-200', 0, 5);
        assert.match(after['work.strategy'], /ticket APP-200 "Prototype"/);
        assert.match(after['work.strategy'], /tickets APP-200 \}/);
        assert.ok(!after['work.strategy'].includes('APP-123'));
    });

    it('renames a need in plain and qualified references, keeping the qualifier', async () => {
        const after = await rename(ws, 'users.strategy', 'Trust', 'Confidence');
        assert.equal(after['users.strategy'], files['users.strategy'].replace('need Trust "Trust the prices"', 'need Confidence "Trust the prices"'));
        assert.match(after['work.strategy'], /addresses Confidence, Buyer\.Confidence, Newcomer\.Trust, Buyer \. SaveTime\n/);
        assert.deepEqual(await referenceProblems(ws, after), []);
    });

    it('renames a need from the need part of a qualified reference', async () => {
        const after = await rename(ws, 'work.strategy', 'Buyer . SaveTime', 'Speed', 0, 9);
        assert.match(after['users.strategy'], /need Trust "Trust the prices", Speed "Save time"/);
        assert.match(after['work.strategy'], /Buyer \. Speed\n/);
    });

    it("renames a user type, with the qualifier of its needs' references", async () => {
        const after = await rename(ws, 'users.strategy', 'Buyer', 'Shopper');
        assert.match(after['users.strategy'], /^usertype Shopper "Buyers"/);
        assert.match(after['work.strategy'], /for Shopper\n {2}addresses Trust, Shopper\.Trust, Newcomer\.Trust, Shopper \. SaveTime\n/);
        assert.match(after['work.strategy'], /users Shopper, Newcomer/);
        assert.deepEqual(await referenceProblems(ws, after), []);
    });

    it('renames the user type, not the need, from the qualifier of a qualified reference', async () => {
        const after = await rename(ws, 'work.strategy', 'Newcomer.Trust', 'Visitor');
        assert.match(after['users.strategy'], /usertype Visitor "Newcomers" \{ need Trust "Trust the shop" \}/);
        assert.match(after['work.strategy'], /Visitor\.Trust, Buyer \. SaveTime/);
        assert.match(after['work.strategy'], /users Buyer, Visitor/);
        const { document, position } = at(ws, 'work.strategy', 'Newcomer.Trust');
        const range = await ws.services.lsp.RenameProvider!.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position });
        assert.deepEqual(range, { start: { line: 2, character: 32 }, end: { line: 2, character: 40 } });
    });

    it('refuses a name that is not an ID', async () => {
        assert.match(await refusal(ws, 'goals.strategy', 'Revenue', '9lives'), /'9lives' is not a valid ID/);
        assert.match(await refusal(ws, 'goals.strategy', 'Revenue', 'Grow revenue'), /not a valid ID/);
        assert.match(await refusal(ws, 'goals.strategy', 'Revenue', 'Buyer.Goal'), /not a valid ID/);
    });

    it('refuses a keyword', async () => {
        assert.equal(await refusal(ws, 'goals.strategy', 'Revenue', 'status'), "'status' is a keyword of the language and cannot name an objective");
    });

    it('refuses an ID taken by any element of the workspace', async () => {
        assert.equal(await refusal(ws, 'goals.strategy', 'Revenue', 'APP-123'),
            'APP-123 is already the ID of a ticket (IDs are unique across the workspace); choose another name for this objective');
        assert.match(await refusal(ws, 'work.strategy', 'APP-123', 'Buyer', 0, 3), /already the ID of a user type/);
    });

    it('refuses a need name taken within its user type, and allows one used by another user type', async () => {
        assert.equal(await refusal(ws, 'users.strategy', 'SaveTime', 'Trust'), 'User type Buyer already has a need named Trust');
        const after = await rename(ws, 'users.strategy', 'need Trust "Trust the shop"', 'SaveTime', 0, 6);
        assert.match(after['users.strategy'], /usertype Newcomer "Newcomers" \{ need SaveTime "Trust the shop" \}/);
        assert.match(after['work.strategy'], /Newcomer\.SaveTime/);
    });

    it('offers nothing to rename on a keyword or a title', async () => {
        for (const needle of ['objective Revenue', '"Revenue"']) {
            const { document, position } = at(ws, 'goals.strategy', needle);
            assert.equal(await ws.services.lsp.RenameProvider!.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position }), undefined);
        }
    });

    it('sends a refusal to an LSP client as an error with its message', async () => {
        const example = resolve('examples/shop-app');
        const uri = pathToFileURL(resolve(example, 'backlog.strategy')).toString();
        const server = spawn(process.execPath, [resolve('bin/strategy.cjs'), 'lsp', '--stdio']);
        const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        connection.listen();
        try {
            await connection.sendRequest('initialize', {
                processId: process.pid, rootUri: pathToFileURL(example).toString(), capabilities: {},
                workspaceFolders: [{ uri: pathToFileURL(example).toString(), name: 'shop-app' }]
            });
            await connection.sendNotification('initialized', {});
            await connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri, languageId: 'strategy', version: 1, text: readFileSync(resolve(example, 'backlog.strategy'), 'utf8') }
            });
            // Line 3 is `  serves Engagement`.
            await assert.rejects(
                connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 12 }, newName: 'status' }),
                { message: "'status' is a keyword of the language and cannot name an objective" });
        } finally {
            connection.dispose();
            server.kill();
        }
    });
});
