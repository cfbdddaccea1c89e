// chart.js, loaded only on pages that draw a chart, with only the parts bar and line charts need.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);
Chart.defaults.font.family = 'Marianne, arial, sans-serif';

function cssVariable(name: string, fallback: string): string {
	return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function drawBarChart(canvas: HTMLCanvasElement, labels: string[], values: number[], max?: number) {
	const text = cssVariable('--text-default-grey', '#3a3a3a');
	const grid = cssVariable('--border-default-grey', '#dddddd');
	return new Chart(canvas, {
		type: 'bar',
		data: {
			labels,
			datasets: [{ data: values, backgroundColor: cssVariable('--background-action-high-blue-france', '#000091') }]
		},
		options: {
			indexAxis: 'y',
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { display: false } },
			scales: {
				x: { beginAtZero: true, max, ticks: { color: text, precision: 0 }, grid: { color: grid } },
				y: { ticks: { color: text }, grid: { display: false } }
			}
		}
	});
}

/** A series over time, with its target as a dashed line when there is one. */
export function drawLineChart(canvas: HTMLCanvasElement, labels: string[], values: number[], target?: number) {
	const text = cssVariable('--text-default-grey', '#3a3a3a');
	const grid = cssVariable('--border-default-grey', '#dddddd');
	const blue = cssVariable('--background-action-high-blue-france', '#000091');
	const datasets = [{ data: values, borderColor: blue, backgroundColor: blue, pointRadius: 3 }];
	if (target !== undefined) {
		const red = cssVariable('--text-default-error', '#ce0500');
		datasets.push({ data: labels.map(() => target), borderColor: red, backgroundColor: red, pointRadius: 0, borderDash: [6, 4] } as (typeof datasets)[number]);
	}
	return new Chart(canvas, {
		type: 'line',
		data: { labels, datasets },
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			plugins: { legend: { display: false } },
			scales: {
				x: { ticks: { color: text }, grid: { display: false } },
				y: { beginAtZero: true, ticks: { color: text }, grid: { color: grid } }
			}
		}
	});
}
