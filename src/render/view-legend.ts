// A view's legend (the map's, the roadmap's) as a disclosure, so the live preview's header stays one line: closed
// there until asked for, open in a file to share or print, where nothing can open it.

export function legendDisclosure(list: string, interactive: boolean): string {
    return `<details class="view-legend"${interactive ? '' : ' open=""'}><summary>Legend</summary>${list}</details>`;
}
