// A line chart with one line per author, drawn as SVG from numbers only (no page or API text is
// ever markup), with the same numbers in a table for screen readers and keyboard users.

export interface ChartSeries {
  name: string;
  points: { year: number; value: number }[];
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };
// Lines differ by dash as well as colour, so they stay apart without colour vision.
const DASHES = ['', '6 3', '2 3', '10 3 2 3', '1 5', '12 4'];

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

export function CitationChart({ title, series, valueLabel }: { title: string; series: ChartSeries[]; valueLabel: string }) {
  const years = [...new Set(series.flatMap((line) => line.points.map((point) => point.year)))].sort((a, b) => a - b);
  // A chart with nothing to show says so, instead of an empty axis or one dot at 0.
  const empty = years.length === 0 ? 'no paper with a year in the lists at hand' : series.every((line) => line.points.every((point) => point.value === 0)) ? 'every value is 0 in the lists at hand' : null;
  if (empty) {
    return (
      <figure class="ss-chart">
        <figcaption class="ss-section-title">{title}</figcaption>
        <p class="ss-status">Nothing to chart: {empty}.</p>
      </figure>
    );
  }
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const top = niceMax(Math.max(...series.flatMap((line) => line.points.map((point) => point.value))));
  const x = (year: number) => PAD.left + (last === first ? (WIDTH - PAD.left - PAD.right) / 2 : ((year - first) / (last - first)) * (WIDTH - PAD.left - PAD.right));
  const y = (value: number) => HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const yearTicks = years.length <= 12 ? years : years.filter((_, index) => index % Math.ceil(years.length / 12) === 0);
  const valueTicks = [0, top / 2, top];
  const valueAt = (line: ChartSeries, year: number) => line.points.find((point) => point.year === year)?.value ?? 0;
  return (
    <figure class="ss-chart">
      <figcaption class="ss-section-title">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${series.map((line) => line.name).join(', ')}, ${first} to ${last}. The numbers are in the table below.`}>
        {valueTicks.map((tick) => (
          <g key={tick}>
            <line class="ss-chart-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text class="ss-chart-label" x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">
              {new Intl.NumberFormat(undefined, { notation: 'compact' }).format(tick)}
            </text>
          </g>
        ))}
        {yearTicks.map((year) => (
          // The last year's label ends at the axis' end: centred there, its last digits were cut.
          <text key={year} class="ss-chart-label" x={x(year)} y={HEIGHT - 8} text-anchor={year === last && first !== last ? 'end' : 'middle'}>
            {year}
          </text>
        ))}
        {series.map((line, index) => (
          <g key={index} class={`ss-series ss-series-${index % 8}`}>
            <polyline fill="none" stroke-width="2" stroke-dasharray={DASHES[index % DASHES.length]} points={years.map((year) => `${x(year)},${y(valueAt(line, year))}`).join(' ')} />
            {years.map((year) => (
              <circle key={year} r="3" cx={x(year)} cy={y(valueAt(line, year))} />
            ))}
          </g>
        ))}
      </svg>
      <ul class="ss-legend">
        {series.map((line, index) => (
          <li key={index} class={`ss-series-${index % 8}`}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" stroke-width="2" stroke-dasharray={DASHES[index % DASHES.length]} />
            </svg>{' '}
            {line.name}
          </li>
        ))}
      </ul>
      <details class="ss-chart-data">
        <summary>The chart's numbers as a table</summary>
        <table>
          <caption>{title} ({valueLabel})</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              {series.map((line, index) => (
                <th scope="col" key={index}>{line.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                {series.map((line, index) => (
                  <td key={index}>{new Intl.NumberFormat().format(valueAt(line, year))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
