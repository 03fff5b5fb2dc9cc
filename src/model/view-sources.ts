// Which files a view's elements come from. It walks the view as plain data (any `uri` field at any depth), so it
// needs none of the view's types and stays below preview-view.ts.

/** Every file an element in the view comes from, so the preview can refuse to reveal anything else. */
export function sourceUris(view: object): string[] {
    const uris = new Set<string>();
    const visit = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === 'object') {
            for (const [key, inner] of Object.entries(value)) {
                if (key === 'uri' && typeof inner === 'string') uris.add(inner);
                else visit(inner);
            }
        }
    };
    visit(view);
    return [...uris].sort();
}
