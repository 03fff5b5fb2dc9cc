import assert from 'node:assert/strict';
import type { MapView, StrategyCanvasView } from '../../src/model/preview-view.js';
import { previewView } from '../../src/model/preview-view.js';
import type { DatedPoint } from '../../src/model/progress.js';
import type { MetricTrace } from '../../src/model/trace.js';
import { renderView } from '../../src/render/render-view.js';
import { chartElement, maxDrawnPoints, metricChart } from '../../src/render/svg/metric-chart.js';
import { workspace } from '../helpers.js';
import { modelOf } from './render-fixtures.js';
import { parseXml, type ParsedElement } from './xml-check.js';

// Issue 12, item 4: a metric with dated points is drawn as a small chart — its points, the baseline, the target at
// its date, the forecast, today — in the preview's canvases and map and in the HTML and SVG exports; its grade
// stays in words beside it. Drawn with classes and attributes only (no style attribute), legible at any scale.

const today = '2026-11-23';
const size = { width: 120, height: 36 };

function chartOf(metric: MetricTrace, day = today): ParsedElement[] {
    const chart = metricChart(metric, day, size);
    assert.ok(chart, 'a chart');
    const markup = chartElement(chart, size);
    assert.doesNotMatch(markup, /\sstyle=/);
    return parseXml(markup);
}

const named = (elements: ParsedElement[], cls: string) => elements.filter(element => (element.attributes.get('class') ?? '').split(' ').includes(cls));
const number = (element: ParsedElement, attribute: string) => Number(element.attributes.get(attribute));
const titles = (elements: ParsedElement[]) => elements.filter(element => element.name === 'title').map(element => element.text);

function inside(elements: ParsedElement[]): void {
    for (const circle of elements.filter(element => element.name === 'circle')) {
        const [cx, cy] = [number(circle, 'cx'), number(circle, 'cy')];
        assert.ok(cx >= 0 && cx <= size.width && cy >= 0 && cy <= size.height, `circle at ${cx},${cy} inside ${size.width}×${size.height}`);
    }
    for (const line of elements.filter(element => element.name === 'line')) {
        for (const attribute of ['x1', 'y1', 'x2', 'y2']) assert.ok(Number.isFinite(number(line, attribute)), `${line.attributes.get('class')} ${attribute} is a number`);
    }
}

const rising: MetricTrace = {
    id: 'Repeat', title: 'Repeat users', unit: '%', baseline: 20, target: 30, by: '2027-06-30', current: 22.5,
    points: [{ date: '2026-08-01', value: 20, baseline: true }, { date: '2026-10-01', value: 21 }, { date: '2026-11-01', value: 22.5 }],
    progress: 0.25, grade: 'at-risk', forecast: { value: 29, date: '2027-06-30', progress: 0.9 }
};

function daily(count: number, value: (index: number) => number): DatedPoint[] {
    const start = Date.parse('1999-01-01T00:00:00Z');
    return Array.from({ length: count }, (_, index) => ({ date: new Date(start + index * 86_400_000).toISOString().slice(0, 10), value: value(index) }));
}

describe('render: metric chart', () => {
    it('draws each dated point with its date and value, the line through them, the target at its date, the forecast and today', () => {
        const elements = chartOf(rising);
        const root = elements[0];
        assert.equal(root.name, 'svg');
        assert.equal(root.attributes.get('role'), 'img');
        assert.equal(root.attributes.get('class'), 'metric-chart grade-at-risk');
        assert.equal(root.attributes.get('aria-label'),
            'Chart of 20% → 22.5% → 30% by 2027-06-30, 25% of the way, at risk: at this pace 29% by 2027-06-30, 90% of the way; '
            + '3 dated points, 2026-08-01 to 2026-11-01; today 2026-11-23');
        const points = named(elements, 'chart-point');
        assert.equal(points.length, 3);
        assert.deepEqual(named(elements, 'chart-point-baseline').length, 1);
        assert.deepEqual(titles(elements).filter(title => /^2026/.test(title)), ['2026-08-01: 20% (baseline)', '2026-10-01: 21%', '2026-11-01: 22.5%']);
        // Later points to the right; higher values higher up (smaller y).
        assert.ok(number(points[0], 'cx') < number(points[1], 'cx') && number(points[1], 'cx') < number(points[2], 'cx'));
        assert.ok(number(points[0], 'cy') > number(points[2], 'cy'));
        assert.equal(named(elements, 'chart-line').length, 1);
        const [forecast] = named(elements, 'chart-forecast');
        assert.ok(forecast, 'the forecast line');
        assert.equal(number(forecast, 'x1'), number(points[2], 'cx'), 'from the latest point');
        const [target] = named(elements, 'chart-target');
        assert.ok(target, 'the target marker');
        assert.ok(titles(elements).includes('target 30% by 2027-06-30'));
        assert.equal(number(forecast, 'x2'), Number(/^M([0-9.]+),/.exec(target.attributes.get('d')!)![1]), 'the forecast ends at the target date');
        const [todayLine] = named(elements, 'chart-today');
        assert.ok(number(todayLine, 'x1') > number(points[2], 'cx') && number(todayLine, 'x1') < number(forecast, 'x2'), 'today between the latest point and the by date');
        assert.equal(named(elements, 'chart-baseline').length, 1);
        assert.equal(named(elements, 'chart-range').length, 0);
        inside(elements);
    });

    it('draws one point with the target and today, and no line or forecast; no chart without a dated point', () => {
        const single = { ...rising, points: [{ date: '2026-11-01', value: 22.5 }], forecast: undefined, grade: 'off-track' as const };
        const elements = chartOf(single);
        assert.equal(named(elements, 'chart-point').length, 1);
        assert.equal(named(elements, 'chart-line').length, 0);
        assert.equal(named(elements, 'chart-forecast').length, 0);
        assert.equal(named(elements, 'chart-target').length, 1);
        assert.equal(named(elements, 'chart-today').length, 1);
        assert.match(elements[0].attributes.get('aria-label')!, /1 dated point, 2026-11-01/);
        inside(elements);
        assert.equal(metricChart({ ...rising, points: undefined }, today, size), undefined);
        assert.equal(metricChart({ ...rising, points: [] }, today, size), undefined);
    });

    it('shades a KPI\'s band and draws no target', () => {
        const kpi: MetricTrace = {
            id: 'Refunds', title: '', unit: '%', current: 2.6, range: { low: 0.5, high: 2 }, kpi: true, grade: 'out-of-range',
            points: [{ date: '2026-10-01', value: 1.4 }, { date: '2026-11-01', value: 2.6 }]
        };
        const elements = chartOf(kpi);
        const [band] = named(elements, 'chart-range');
        assert.ok(band, 'the band');
        assert.ok(titles(elements).includes('range 0.5% to 2%'));
        const points = named(elements, 'chart-point');
        const [top, bottom] = [number(band, 'y'), number(band, 'y') + number(band, 'height')];
        assert.ok(number(points[0], 'cy') > top && number(points[0], 'cy') < bottom, '1.4 inside the band');
        assert.ok(number(points[1], 'cy') < top, '2.6 above it');
        assert.equal(named(elements, 'chart-target').length, 0);
        assert.match(elements[0].attributes.get('aria-label')!, /out of range/);
    });

    it('stays inside its box for tiny, huge, negative, falling and identical values', () => {
        const cases: Array<[string, MetricTrace]> = [
            ['tiny', { ...rising, unit: undefined, baseline: 0.0001, target: 0.0003, current: 0.00015, forecast: undefined, points: [{ date: '2026-10-01', value: 0.0001 }, { date: '2026-11-01', value: 0.00015 }] }],
            ['huge', { ...rising, baseline: 1e300, target: 1.7e308, current: -1.7e308, forecast: { value: 1e308, date: '2027-06-30', progress: 0.5 }, points: [{ date: '2026-10-01', value: -1.7e308 }, { date: '2026-11-01', value: 1.7e308 }] }],
            ['negative', { ...rising, baseline: -50, target: -10, current: -40, forecast: { value: -20, date: '2027-06-30', progress: 0.75 }, points: [{ date: '2026-10-01', value: -50 }, { date: '2026-11-01', value: -40 }] }],
            ['identical', { ...rising, baseline: 5, target: 5, current: 5, forecast: undefined, points: [{ date: '2026-10-01', value: 5 }, { date: '2026-11-01', value: 5 }] }],
            ['one day', { ...rising, by: undefined, forecast: undefined, points: [{ date: today, value: 5 }] }]
        ];
        for (const [name, metric] of cases) {
            const elements = chartOf(metric);
            assert.ok(named(elements, 'chart-point').length > 0, name);
            inside(elements);
        }
        // A falling target: 900 down to 200, the latest point lower (so larger y) than the first.
        const falling = chartOf({ ...rising, baseline: 900, target: 200, current: 550, forecast: { value: 300, date: '2027-06-30', progress: 0.86 }, points: [{ date: '2026-08-01', value: 900 }, { date: '2026-11-01', value: 550 }] });
        const [first, last] = named(falling, 'chart-point');
        assert.ok(number(last, 'cy') > number(first, 'cy'));
        const [forecast] = named(falling, 'chart-forecast');
        assert.ok(number(forecast, 'y2') > number(forecast, 'y1'), 'the forecast goes on down');
    });

    it(`draws at most ${maxDrawnPoints} circles for 10,000 readings: the first, older runs averaged, the latest as they are`, () => {
        const points = daily(10_000, index => index);
        const metric: MetricTrace = { ...rising, unit: undefined, baseline: 0, target: 20_000, current: 9_999, points, forecast: { value: 12_000, date: '2027-06-30', progress: 0.6 } };
        const chart = metricChart(metric, '2026-11-23', size)!;
        assert.equal(chart.drawn, maxDrawnPoints);
        const elements = parseXml(chartElement(chart, size));
        const circles = named(elements, 'chart-point');
        assert.equal(circles.length, maxDrawnPoints);
        const texts = titles(elements);
        assert.ok(texts.includes(`${points[0].date}: 0`), 'the first point as it is');
        assert.ok(texts.includes(`${points[9_999].date}: 9999`), 'the latest as it is');
        assert.ok(texts.some(title => /^1999-01-02 to \d{4}-\d\d-\d\d: \d+ readings, mean [0-9.]+$/.test(title)), 'older runs averaged, saying so');
        assert.match(chart.label, /10000 dated points, 1999-01-01 to 2026-05-18/);
        assert.ok(chartElement(chart, size).length < 20_000, 'the markup stays small');
        inside(elements);
    });

    it('escapes a unit in every title', () => {
        const markup = chartElement(metricChart({ ...rising, unit: '<b>"&' }, today, size)!, size);
        assert.doesNotMatch(markup, /<b>/);
        assert.ok(titles(parseXml(markup)).includes('2026-10-01: 21 <b>"&'));
    });

    describe('in the views', () => {
        const source = [
            'objective Grow "Grow" { metric Repeat metric Flat }',
            'metric Repeat "Repeat users" { unit "%" baseline 20 on 2026-08-01 target 30 by 2027-06-30 reading 21 on 2026-10-01 reading 22.5 on 2026-11-01 }',
            'metric Flat "No readings" { unit "%" baseline 20 target 30 by 2027-06-30 current 22 }',
            'metric Refunds "Refunds" { unit "%" range 0.5 to 2 reading 1.4 on 2026-10-01 }',
            'canvas Numbers { kind strategy success Repeat, Flat }'
        ].join('\n');
        let canvas: StrategyCanvasView;
        let map: MapView;
        before(async () => {
            const model = modelOf(await workspace({ 'a.strategy': source }, today));
            canvas = previewView(model, 'Numbers') as StrategyCanvasView;
            map = previewView(model, undefined) as MapView;
        });

        const chartsIn = (markup: string, fragment: boolean) => parseXml(markup, { fragment }).filter(element => element.name === 'svg'
            && (element.attributes.get('class') ?? '').startsWith('metric-chart'));

        it('the canvas draws a chart beside the grade in words for a metric with dated points only', async () => {
            for (const format of ['fragment', 'html'] as const) {
                const markup = await renderView(canvas, format);
                const start = markup.indexOf('data-element="metric:Repeat"');
                const repeat = markup.slice(start, markup.indexOf('</li>', start)).replace(/<span class="figure">([^<]*)<\/span>/g, '$1');
                assert.match(repeat, /<div class="metric-trend"><svg class="metric-chart grade-at-risk" width="120" height="36" viewBox="0 0 120 36" role="img"/, format);
                assert.match(repeat, /<\/svg><div class="progress grade-at-risk"[^>]*>.*<span class="progress-text">25% of the way, at risk: at this pace 28.4%/, format);
                const flat = markup.slice(markup.indexOf('data-element="metric:Flat"'));
                assert.doesNotMatch(flat.slice(0, flat.indexOf('</li>')), /metric-chart/, format);
                assert.doesNotMatch(markup, /\sstyle=/, format);
            }
            const charts = chartsIn(await renderView(canvas, 'svg'), false);
            assert.equal(charts.length, 1, 'the SVG export of the canvas');
        });

        it('the map draws a chart in the metric\'s whole card, which is tall enough for it, and none in its summary', async () => {
            assert.equal(chartsIn(await renderView(map, 'svg'), false).length, 0, 'the export shows the summaries: grade lines, no charts');
            for (const format of ['fragment'] as const) {
                // Every card expanded, as the preview gets the map then: the charts are in the whole cards.
                const summary = await renderView(map, format);
                const keys = [...summary.matchAll(/data-element="(objective:[^"]+)"/g)].map(match => match[1]!);
                const markup = await renderView(map, format, new Set([...keys, 'group:health', 'group:not-aligned']));
                assert.equal(chartsIn(summary, true).length, 0, 'none in the summaries');
                const charts = chartsIn(markup, format === 'fragment');
                assert.equal(charts.length, 2, `${format}: Repeat and the KPI Refunds`);
                assert.doesNotMatch(markup, /\sstyle=/);
                const elements = parseXml(markup, { fragment: format === 'fragment' });
                const cards = elements.filter(element => element.name === 'rect' && element.attributes.get('class') === 'card-bg');
                for (const chart of charts) {
                    const [x, y, width, height] = ['x', 'y', 'width', 'height'].map(attribute => number(chart, attribute));
                    assert.ok(width > 0 && height > 0);
                    const card = cards.find(rect => number(rect, 'x') <= x && number(rect, 'y') <= y
                        && x + width <= number(rect, 'x') + number(rect, 'width') && y + height <= number(rect, 'y') + number(rect, 'height'));
                    assert.ok(card, `${format}: the chart at ${x},${y} lies inside a card`);
                }
            }
        });
    });
});
