// Charts (DataChart.svelte writes each one's figures on its canvas, `data-chart`): chart.js is fetched
// and run only when a chart comes near the screen, so it stays off the main thread while the page
// loads, and off pages never scrolled. The table beside each chart carries the same figures.
import { importPart } from './parts';

export interface ChartData {
	kind: 'bar' | 'line';
	labels: string[];
	values: number[];
	max?: number;
	target?: number;
}

export function drawChartsWhenSeen(root: ParentNode): void {
	// The canvas is hidden (display: none) until drawn: the figure around it is what comes into view.
	const canvases = new Map<Element, HTMLCanvasElement>();
	for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) canvases.set(canvas.closest('figure') ?? canvas, canvas);
	if (canvases.size === 0) return;
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				const canvas = canvases.get(entry.target);
				if (!entry.isIntersecting || !canvas) continue;
				observer.unobserve(entry.target);
				void draw(canvas);
			}
		},
		{ rootMargin: '200px' }
	);
	for (const watched of canvases.keys()) observer.observe(watched);
}

async function draw(canvas: HTMLCanvasElement): Promise<void> {
	const { drawBarChart, drawLineChart } = await importPart<typeof import('$lib/components/charts/chart-setup')>('charts');
	const chart = JSON.parse(canvas.dataset.chart ?? '') as ChartData;
	canvas.hidden = false;
	if (chart.kind === 'line') drawLineChart(canvas, chart.labels, chart.values, chart.target);
	else drawBarChart(canvas, chart.labels, chart.values, chart.max);
}
