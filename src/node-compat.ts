// Langium 4.4's parser (chevrotain 13) calls Object.groupBy, which Node 22 (package.json's minimum) and VS Code's
// extension host have but Node 20 lacks. Node 20 is not supported; this shim only lets a machine that has nothing
// newer still build and run the unit tests. Every entry point that runs on the machine's Node (CLI, server,
// `langium generate`, tests) imports this first.
declare global {
    interface ObjectConstructor {
        groupBy<K extends PropertyKey, T>(items: Iterable<T>, key: (item: T, index: number) => K): Partial<Record<K, T[]>>;
    }
}

if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value<K extends PropertyKey, T>(items: Iterable<T>, key: (item: T, index: number) => K) {
            const groups = Object.create(null) as Record<K, T[]>;
            let index = 0;
            for (const item of items) {
                const k = key(item, index++);
                (groups[k] ??= []).push(item);
            }
            return groups;
        }
    });
}

export {};
