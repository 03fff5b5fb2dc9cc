import assert from 'node:assert/strict';
import { createLangiumParser, EmptyFileSystem } from 'langium';
import type { Model } from '../../src/language/generated/ast.js';
import { createStrategyServices } from '../../src/language/strategy-module.js';

describe('parser', () => {
    const services = createStrategyServices(EmptyFileSystem).Strategy;
    const broken = [
        `canvas C "c" {\n  ${'plan { '.repeat(300)}\n}`,
        `objective A "a" {}\n${'<b>'.repeat(200)}`,
        'ticket T "t" { serves }\nobjective "o" { parent parent }',
        'objective A "unclosed {\n  metric M\n}\n'
    ];

    it('parses broken input exactly as Langium\'s own parser does, errors included', () => {
        const langium = createLangiumParser(services);
        for (const text of broken) {
            const ours = services.parser.LangiumParser.parse(text);
            const theirs = langium.parse(text);
            const errors = (result: typeof ours) => result.parserErrors.map(e => [e.name, e.message, e.token.startOffset]);
            assert.deepEqual(errors(ours), errors(theirs), text.slice(0, 40));
            assert.equal(ours.lexerErrors.length, theirs.lexerErrors.length);
            assert.equal(JSON.stringify(ours.value, (key, value) => key.startsWith('$') ? undefined : value),
                JSON.stringify(theirs.value, (key, value) => key.startsWith('$') ? undefined : value));
        }
    });

    it('leaves stack traces as they were once it has parsed', () => {
        const before = Error.stackTraceLimit;
        for (const text of broken) services.parser.LangiumParser.parse(text);
        assert.equal(Error.stackTraceLimit, before);
        assert.ok((new Error('after').stack ?? '').split('\n').length > 1, 'errors thrown after a parse still carry their stack');
    });

    it('parses 150,000 comment lines in a row, then the element after them', () => {
        const text = '// a note\n'.repeat(150_000) + 'ticket APP-1 "t" { kind bug }\n';
        const result = services.parser.LangiumParser.parse<Model>(text);
        assert.deepEqual(result.parserErrors, []);
        assert.deepEqual(result.value.elements.map(element => element.$type), ['Ticket']);
        const root = result.value.$cstNode!.root;
        assert.equal(root.content.filter(node => node.hidden).length, 150_000);
        assert.equal(root.content.indexOf(result.value.elements[0].$cstNode!), 150_000, 'the comments come before the ticket');
    });
});
