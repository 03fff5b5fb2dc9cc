// What the property tests run over: the examples and the fuzzer's variants that parse without a syntax error.
import { corpus, shopApp, variant } from '../fuzz/driver.js';
import { codesOf } from '../helpers.js';

export { corpus, shopApp };

/** The first `count` variants of a fixed seed that still parse (a valid edit a user could make), by name. */
export async function validVariants(count: number, seed = 4242, maxSize = 20_000): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    for (let index = 0; Object.keys(found).length < count && index < count * 20; index++) {
        const v = variant(seed, index);
        if (v.text.length > maxSize || v.mutations.includes('parent-chain')) continue;
        const codes = await codesOf(v.text);
        if (!codes.some(code => code.endsWith('syntax-error'))) found[`variant-${seed}-${index} (${v.mutations.join(', ')})`] = v.text;
    }
    return found;
}
