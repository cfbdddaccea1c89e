// chart.js, loaded only on pages that draw a chart, with only the parts a bar chart needs.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
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
