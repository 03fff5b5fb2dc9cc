// The roadmap's look, in the preview's stylesheet and in the standalone SVG. Overdue is a colour and a word: the
// word carries it where colour does not (print, colour blindness).

export const roadmapRules = `
.roadmap .lane-bg { fill: var(--sv-box); }
.roadmap .lane-bg.lane-alt { fill: var(--sv-bg); }
.roadmap .grid-period { stroke: var(--sv-border); stroke-width: 1; }
.roadmap .grid-month { stroke: var(--sv-border); stroke-width: 1; stroke-dasharray: 2 3; }
.roadmap .axis-month { fill: transparent; }
.strategy-svg .t-small { font-size: 11px; }
.roadmap .milestone-bg { fill: var(--sv-bg); stroke: var(--sv-border); stroke-width: 1; }
.roadmap .cluster-bg { fill: var(--sv-bg); stroke: var(--sv-muted); stroke-width: 1; stroke-dasharray: 3 2; }
.roadmap .milestone-marker { fill: var(--sv-accent); }
.roadmap .overdue > .milestone-bg, .roadmap .overdue > .cluster-bg { stroke: var(--sv-overdue); stroke-width: 1.5; }
.roadmap .overdue > .milestone-marker { fill: var(--sv-overdue); }
.strategy-svg .milestone-overdue { fill: var(--sv-overdue); font-weight: 600; }
.strategy-svg .grade-text.grade-on-track, .strategy-svg .grade-text.grade-reached, .strategy-svg .grade-text.grade-healthy { fill: var(--sv-on-track); }
.strategy-svg .grade-text.grade-at-risk { fill: var(--sv-at-risk); }
.strategy-svg .grade-text.grade-off-track, .strategy-svg .grade-text.grade-overdue, .strategy-svg .grade-text.grade-out-of-range { fill: var(--sv-off-track); }
.roadmap .today-line { stroke: var(--sv-accent); stroke-width: 1.5; stroke-dasharray: 4 3; }
.strategy-svg .today-label { fill: var(--sv-accent); font-weight: 600; font-size: 11px; }
.strategy-svg g[data-uri]:hover > .milestone-bg { stroke: var(--sv-accent); }
.roadmap-viewport { overflow: auto; }
.roadmap-viewport > svg { display: block; }
.legend .legend-milestone { fill: var(--sv-accent); }
.legend .legend-overdue { fill: var(--sv-overdue); }
.legend .legend-today { stroke: var(--sv-accent); stroke-width: 1.5; stroke-dasharray: 3 2; }
`;
