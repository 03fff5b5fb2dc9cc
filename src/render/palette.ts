// The colours of every rendered view, as CSS custom properties (`--sv-*`). Each takes VS Code's theme variable when
// the view is inside a webview (so light, dark and high-contrast themes apply), else a fallback: light by default,
// dark where the reader's system prefers it, light on paper. The preview's stylesheet and the standalone SVG's
// embedded style both start with these declarations, so they agree.

/** Token → [VS Code theme variables, first found wins; light fallback; dark fallback]. */
const palette: Record<string, [string[], string, string]> = {
    fg: [['--vscode-editor-foreground'], '#1f2328', '#e6edf3'],
    bg: [['--vscode-editor-background'], '#ffffff', '#0d1117'],
    muted: [['--vscode-descriptionForeground'], '#59636e', '#9198a1'],
    // contrastBorder exists only in high-contrast themes, where every box must have its strong border.
    border: [['--vscode-contrastBorder', '--vscode-panel-border'], '#d1d9e0', '#3d444d'],
    box: [['--vscode-sideBar-background'], '#f6f8fa', '#151b23'],
    hover: [['--vscode-list-hoverBackground'], '#eaeef2', '#262c36'],
    accent: [['--vscode-textLink-foreground'], '#0969da', '#4493f8'],
    focus: [['--vscode-contrastActiveBorder', '--vscode-focusBorder'], '#0969da', '#4493f8'],
    track: [[], '#d8dee4', '#3d444d'],
    edge: [[], '#8c959f', '#6e7681'],
    reached: [['--vscode-charts-green'], '#1a7f37', '#3fb950'],
    'on-track': [['--vscode-charts-green'], '#1a7f37', '#3fb950'],
    'at-risk': [['--vscode-charts-yellow'], '#bf8700', '#d29922'],
    'off-track': [['--vscode-charts-red'], '#cf222e', '#f85149'],
    // Overdue is as urgent as off track; its words and the legend tell the two apart.
    overdue: [['--vscode-charts-red'], '#cf222e', '#f85149'],
    healthy: [['--vscode-charts-green'], '#1a7f37', '#3fb950'],
    'out-of-range': [['--vscode-charts-red'], '#cf222e', '#f85149'],
    warning: [['--vscode-editorWarning-foreground'], '#9a6700', '#d29922'],
    error: [['--vscode-errorForeground'], '#cf222e', '#f85149']
};

function declarations(scheme: 1 | 2, themed: boolean): string {
    return Object.entries(palette).map(([token, entry]) => {
        const fallback = entry[scheme];
        const value = themed ? entry[0].reduceRight((inner, variable) => `var(${variable}, ${inner})`, fallback) : fallback;
        return `  --sv-${token}: ${value};`;
    }).join('\n');
}

// Inside VS Code the body says which kind of theme is on; that beats the system's preference, which can differ
// (a dark theme on a light desktop), for the colours that have no theme variable (progress track, map edges).
const darkTheme = 'body.vscode-dark, body.vscode-high-contrast:not(.vscode-high-contrast-light)';
const lightTheme = 'body.vscode-light, body.vscode-high-contrast-light';

/** The custom properties on `selector`: themed, dark by preference or by VS Code's theme, plain light in print. */
export function paletteCss(selector: string): string {
    return `${selector} {
${declarations(1, true)}
}
@media (prefers-color-scheme: dark) {
${selector} {
${declarations(2, true)}
}
}
${darkTheme} {
${declarations(2, true)}
}
${lightTheme} {
${declarations(1, true)}
}
@media print {
${selector}, ${darkTheme}, ${lightTheme} {
${declarations(1, false)}
}
}
`;
}
