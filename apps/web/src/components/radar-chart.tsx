import { lazy, Suspense, useId } from 'react';

/** One plotted series: which column of the rows it reads, and how it looks. */
export interface RadarSeries {
  key: string;
  label: string;
  /** The line's colour, and the fill's unless `fill` says otherwise. */
  colour: string;
  /** The fill's colour, or `'none'` for an outline only; defaults to `colour`. */
  fill?: string;
  /** 0 for an outline only; defaults to 0.2. */
  fillOpacity?: number;
  /**
   * The key of another series inside this one (e.g. the lower quartile for the upper): only the
   * ring between the two is filled, so that a band reads as a band and the grid inside it shows.
   */
  fillFrom?: string;
  dashed?: boolean;
  /** Line width in pixels; defaults to 2. */
  strokeWidth?: number;
  /** A dot at each axis; defaults to true. */
  dots?: boolean;
}

/** A row per axis, e.g. `{ axis: 'Employment', current: 66.7, target: 100 }`; null is "no score". */
export type RadarRow = { [key: string]: string | number | null };

export interface RadarChartProps {
  /** Rows ready to plot; shape them in the rubric package (`toRadarData`), not here. */
  data: readonly RadarRow[];
  /** Drawn in order, each over the ones before (bands beneath every line); one table column each. */
  series: readonly RadarSeries[];
  /** The chart's accessible name, also the caption of its data table. */
  title: string;
  /** Shown under the chart. */
  caption?: React.ReactNode;
  /** The row property that names each axis; defaults to `axis`. */
  axisKey?: string;
  /** Header of the table's first column; defaults to "Pillar". */
  axisLabel?: string;
  /** Widest the drawing gets, in pixels; it keeps its proportions and shrinks to fit. */
  maxSize?: number;
  /** How a value reads in the table and tooltip; defaults to the number, or "Not scored". */
  formatValue?: (value: number | null) => string;
}

/** What the drawing needs, with the defaults already applied. */
export type RadarChartDrawingProps = Required<
  Pick<RadarChartProps, 'data' | 'series' | 'axisKey' | 'maxSize' | 'formatValue'>
>;

// recharts and d3 are most of the app's JavaScript: only a page that draws a chart loads them.
// Until they arrive, a box of the drawing's size holds its place so that nothing below it moves;
// the legend, caption and data table do not wait.
const RadarChartDrawing = lazy(() =>
  import('./radar-chart-drawing').then((m) => ({ default: m.RadarChartDrawing })),
);

function defaultFormat(value: number | null): string {
  return value === null ? 'Not scored' : String(value);
}

/**
 * The legend's swatch: a box outlined like the line and filled like the area. A series that names
 * its own fill shows that fill at its opacity (an inner box, so that the outline stays opaque);
 * otherwise the box is solid unless the line is dashed, as it always was.
 */
function Swatch({ series: s }: { series: RadarSeries }) {
  const ownFill = s.fill !== undefined && s.fill !== 'none' ? s.fill : null;
  return (
    <span
      className="radar-chart__swatch"
      data-dashed={s.dashed ? 'true' : undefined}
      data-band={s.fillFrom ? 'true' : undefined}
      style={{
        borderColor: s.colour,
        backgroundColor: s.fill === undefined && !s.dashed ? s.colour : 'transparent',
      }}
    >
      {ownFill ? (
        <span
          style={{
            display: 'block',
            height: '100%',
            backgroundColor: ownFill,
            opacity: s.fillOpacity ?? 0.2,
          }}
        />
      ) : null}
    </span>
  );
}

function cellValue(row: RadarRow, key: string): number | null {
  const value = row[key];
  return typeof value === 'number' ? value : null;
}

/**
 * A radar (spider) chart of scores from 0 to 100, one polygon per series. Screen readers get the
 * same numbers as a table; the drawing itself is a labelled image.
 */
export function RadarChart({
  data,
  series,
  title,
  caption,
  axisKey = 'axis',
  axisLabel = 'Pillar',
  maxSize = 460,
  formatValue = defaultFormat,
}: RadarChartProps) {
  const captionId = useId();
  return (
    <figure className="radar-chart" aria-labelledby={caption ? captionId : undefined}>
      <div className="radar-chart__drawing" role="img" aria-label={title}>
        <Suspense
          fallback={<div className="radar-chart__placeholder" style={{ maxWidth: maxSize }} />}
        >
          <RadarChartDrawing
            data={data}
            series={series}
            axisKey={axisKey}
            maxSize={maxSize}
            formatValue={formatValue}
          />
        </Suspense>
      </div>
      <ul className="radar-chart__legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <Swatch series={s} />
            {s.label}
          </li>
        ))}
      </ul>
      {caption ? (
        <figcaption id={captionId} className="radar-chart__caption">
          {caption}
        </figcaption>
      ) : null}
      {/* The wrapper hides the table: a table ignores a 1px width, and would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{axisLabel}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => {
              const name = String(row[axisKey] ?? '');
              return (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  {series.map((s) => (
                    <td key={s.key}>{formatValue(cellValue(row, s.key))}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
