import assert from 'node:assert/strict';
import { AstUtils, GrammarAST } from 'langium';
import { elementKind, elementKinds, keywordOf } from '../../src/language/element-kinds.js';
import { workspace, type Workspace } from '../helpers.js';

/**
 * The element-kind registry covers the grammar: a kind added to the grammar without its registry entry (or an
 * entry left behind by a removed rule) fails here, not in a user's editor. The rules are listed from the grammar
 * itself, not from the registry's own derivation.
 */
describe('element-kind registry', () => {
    let ws: Workspace;
    let parserRules: GrammarAST.ParserRule[];
    before(async () => {
        ws = await workspace({});
        parserRules = ws.services.Grammar.rules.filter(GrammarAST.isParserRule);
    });

    /** The alternatives of `Element`, and every rule that assigns a `name`. */
    function elementRules(): string[] {
        const element = parserRules.find(rule => rule.name === 'Element')!;
        const alternatives = AstUtils.streamAllContents(element).filter(GrammarAST.isRuleCall).map(call => call.rule.ref?.name).toArray();
        const named = parserRules.filter(rule => AstUtils.streamAllContents(rule)
            .some(node => GrammarAST.isAssignment(node) && node.feature === 'name')).map(rule => rule.name);
        return [...new Set([...alternatives, ...named])].filter((name): name is string => name !== undefined).sort();
    }

    it('has an entry for every element rule and every named rule of the grammar, and no other', () => {
        assert.deepEqual(Object.keys(elementKinds).sort(), elementRules());
        assert.ok(elementRules().includes('Vision') && elementRules().includes('Need'));
    });

    it('gives each kind the keyword that introduces it in the grammar, and each kind with an ID a token type', () => {
        for (const type of Object.keys(elementKinds)) {
            const keyword = keywordOf(type);
            assert.ok(keyword && ws.services.Grammar.rules.some(rule => AstUtils.streamAllContents(rule)
                .some(node => GrammarAST.isKeyword(node) && node.value === keyword)), type);
            const named = parserRules.find(rule => rule.name === type)!;
            const hasName = AstUtils.streamAllContents(named).some(node => GrammarAST.isAssignment(node) && node.feature === 'name');
            assert.equal(elementKind(type)!.token !== undefined, hasName, type);
        }
    });

    it('marks as single-valued or word-valued only properties of the kind', () => {
        const reflection = ws.services.shared.AstReflection;
        for (const [type, kind] of Object.entries(elementKinds)) {
            const properties = reflection.getTypeMetaData(type).properties;
            for (const field of [...kind.singleValued ?? [], ...Object.keys(kind.values ?? {})]) assert.ok(properties[field], `${type}.${field}`);
        }
    });

    it('names as implementers only kinds that have a reference to the implemented kind', () => {
        const reflection = ws.services.shared.AstReflection;
        for (const [type, kind] of Object.entries(elementKinds)) {
            for (const implementer of kind.implementedBy ?? []) {
                assert.ok(elementKind(implementer), implementer);
                const references = Object.values(reflection.getTypeMetaData(implementer).properties)
                    .filter(property => property.referenceType && reflection.isSubtype(type, property.referenceType));
                assert.ok(references.length > 0, `${implementer} → ${type}`);
            }
        }
    });

    it('has skeletons that parse as one element of their kind, and snippets that start with its keyword', async () => {
        for (const [type, kind] of Object.entries(elementKinds)) {
            for (const snippet of kind.snippets ?? []) assert.ok(snippet.body.startsWith(`${keywordOf(type)} `), snippet.label);
            if (!kind.skeleton) continue;
            const text = kind.skeleton('NewOne', 'New one', '  ', '2027-11-23');
            const created = await workspace({ 'new.strategy': text });
            assert.ok(!created.codes('new.strategy').some(code => code.endsWith('syntax-error')), text);
            assert.deepEqual(created.documents.get('new.strategy')!.parseResult.value.elements.map(element => element.$type), [type], text);
        }
    });
});
