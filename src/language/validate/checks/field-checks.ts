import { GrammarUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { StrategyAstType } from '../../generated/ast.js';
import { dateWrittenOtherwise, isCalendarDate, numberOf } from '../../../model/values.js';
import { elementKind, elementKinds } from '../../element-kinds.js';
import { closestName, orList } from '../../link/suggest.js';
import { report } from './codes.js';

/**
 * `duplicate-field`: every repeat after the first of a field the registry marks single-valued, at its keyword,
 * with the whole repeated field for the quick fix. A single-valued field's property is also its keyword.
 */
function checkDuplicateFields(node: AstNode, accept: ValidationAcceptor): void {
    const record = node as unknown as Record<string, unknown[]>;
    for (const field of elementKind(node.$type)?.singleValued ?? []) {
        const values = record[field] ?? [];
        for (let index = 1; index < values.length; index++) {
            const keyword = GrammarUtils.findNodeForKeyword(node.$cstNode, field, index);
            const value = GrammarUtils.findNodeForProperty(node.$cstNode, field, index);
            const removeRange = keyword && value ? { start: keyword.range.start, end: value.range.end } : undefined;
            report(accept, 'duplicate-field', `'${field}' is given more than once in ${node.$type.toLowerCase()} '${record.name ?? ''}'; keep one and remove the others`, {
                node, keyword: field, index, data: { field, removeRange }
            });
        }
    }
}

function checkKeywordValue(node: AstNode, accept: ValidationAcceptor, property: string, label: string, allowed: readonly string[]): void {
    const values = (node as unknown as Record<string, string[]>)[property] ?? [];
    values.forEach((value, index) => {
        if ((allowed as readonly string[]).includes(value)) return;
        const guess = closestName(value, allowed);
        const hint = guess ? `did you mean '${guess}'? ` : '';
        report(accept, 'invalid-value', `Unknown ${label} '${value}'; ${hint}use ${orList(allowed)}`, {
            node, property, index, data: { allowed, guess }
        });
    });
}

function checkNumber(node: AstNode, accept: ValidationAcceptor, property: string, raw: string | undefined, field: string): void {
    if (raw === undefined || numberOf(raw) !== undefined) return;
    report(accept, 'invalid-value', `'${raw}' is not a number; write the ${field} as a plain number such as 20 or 4.5 (the unit goes in 'unit')`, {
        node, property
    });
}

function checkDate(node: AstNode, accept: ValidationAcceptor, property: string, raw: string | undefined): void {
    if (raw === undefined || isCalendarDate(raw)) return;
    if (/^[0-9]+([./-])[0-9]+\1[0-9]+$/.test(raw) && !/^[0-9]{4}-/.test(raw)) {
        const example = dateWrittenOtherwise(raw) ?? '2027-06-30';
        report(accept, 'invalid-value', `'${raw}' is not a date; write YYYY-MM-DD, such as ${example}`, { node, property });
        return;
    }
    const problem = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(raw) ? 'is not a calendar date'
        : /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/.test(raw) ? 'needs two-digit months and days' : 'is not a date';
    report(accept, 'invalid-value', `'${raw}' ${problem}; write a real date as YYYY-MM-DD, such as 2027-06-30`, { node, property });
}

/** `invalid-value` on each field of the node's kind whose value is one of the registry's words. */
function checkKeywordValues(node: AstNode, accept: ValidationAcceptor): void {
    for (const [property, { label, allowed }] of Object.entries(elementKind(node.$type)?.values ?? {})) {
        checkKeywordValue(node, accept, property, label, allowed);
    }
}

/** Every kind of the registry gets the field checks its entry asks for; readings and targets are checked as values. */
export const fieldChecks: ValidationChecks<StrategyAstType> = {
    ...Object.fromEntries(Object.entries(elementKinds)
        .filter(([, kind]) => kind.singleValued || kind.values)
        .map(([type]) => [type, [checkDuplicateFields, checkKeywordValues]])),
    Reading: (reading, accept) => {
        checkNumber(reading, accept, 'value', reading.value, reading.$containerProperty === 'current' ? 'current reading' : 'baseline');
        checkDate(reading, accept, 'date', reading.date);
    },
    Target: (target, accept) => {
        checkNumber(target, accept, 'value', target.value, 'target');
        checkDate(target, accept, 'date', target.date);
    }
};
