import { useId } from 'react';
import {
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart as RechartsRadarChart,
  Text,
  Tooltip,
  useChartWidth,
} from 'recharts';
import { CHART_COLOURS } from '../lib/palette';

/** One plotted series: which column of the rows it reads, and how it looks. */
export interface RadarSeries {
  key: string;
  label: string;
  colour: string;
  /** 0 for an outline only; defaults to 0.2. */
  fillOpacity?: number;
  dashed?: boolean;
}

/** A row per axis, e.g. `{ axis: 'Employment', current: 66.7, target: 100 }`; null is "no score". */
export type RadarRow = { [key: string]: string | number | null };

export interface RadarChartProps {
  /** Rows ready to plot; shape them in the rubric package (`toRadarData`), not here. */
  data: readonly RadarRow[];
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

const TICKS = [0, 25, 50, 75, 100];

// The first axis points straight up and the rest follow clockwise; the 0–100 scale runs up the
// middle of the first gap so that its numbers never sit on an axis line or a pillar's name.
function radiusAxisAngle(axisCount: number): number {
  return axisCount > 0 ? 90 - 180 / axisCount : 90;
}

function defaultFormat(value: number | null): string {
  return value === null ? 'Not scored' : String(value);
}

function cellValue(row: RadarRow, key: string): number | null {
  const value = row[key];
  return typeof value === 'number' ? value : null;
}

interface AngleTickProps {
  x?: number | string;
  y?: number | string;
  cy?: number | string;
  textAnchor?: string;
  payload?: { value?: unknown };
}

// Pillar names are long ("Corporate and community"): wrap them instead of letting them run off,
// and grow each label away from the plot so that it never sits on a vertex. On a phone-sized
// chart the labels get a little smaller so that the plot keeps most of the width.
function AngleTick({ x, y, cy, textAnchor, payload }: AngleTickProps) {
  const compact = (useChartWidth() ?? 0) < 400;
  const nx = Number(x);
  const ny = Number(y);
  const centre = Number(cy);
  const anchor = textAnchor === 'start' || textAnchor === 'end' ? textAnchor : 'middle';
  const dx = anchor === 'start' ? 4 : anchor === 'end' ? -4 : 0;
  const verticalAnchor = anchor !== 'middle' ? 'middle' : ny < centre ? 'end' : 'start';
  return (
    <Text
      x={nx + dx}
      y={ny}
      width={compact ? 72 : 100}
      textAnchor={anchor}
      verticalAnchor={verticalAnchor}
      // Inline, not in CSS: recharts measures the words with this style to decide where to wrap.
      style={{ fontSize: compact ? 11 : 12, fontWeight: 600 }}
      className="radar-chart__axis-label"
    >
      {String(payload?.value ?? '')}
    </Text>
  );
}

interface RadiusTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

// Upright scale numbers (recharts would turn them to the axis' angle), just right of the axis.
function RadiusTick({ x, y, payload }: RadiusTickProps) {
  return (
    <text x={Number(x) + 4} y={Number(y)} dy="0.35em" className="radar-chart__scale-label">
      {String(payload?.value ?? '')}
    </text>
  );
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
        <RechartsRadarChart
          responsive
          data={data as RadarRow[]}
          outerRadius="88%"
          cy="54%"
          accessibilityLayer={false}
          style={{ width: '100%', maxWidth: maxSize, aspectRatio: 1.2, marginInline: 'auto' }}
          // Room for the pillar names, which may also spill into the figure's padding (see CSS).
          margin={{ top: 24, right: 48, bottom: 24, left: 48 }}
        >
          <PolarGrid stroke={CHART_COLOURS.grid} />
          <PolarAngleAxis dataKey={axisKey} tick={<AngleTick />} />
          <PolarRadiusAxis
            angle={radiusAxisAngle(data.length)}
            domain={[0, 100]}
            ticks={TICKS}
            tickCount={TICKS.length}
            tick={<RadiusTick />}
            axisLine={false}
          />
          {series.map((s) => (
            <Radar
              key={s.key}
              name={s.label}
              dataKey={s.key}
              stroke={s.colour}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              fill={s.colour}
              fillOpacity={s.fillOpacity ?? 0.2}
              dot={{ r: 3, fillOpacity: 1 }}
              isAnimationActive={false}
            />
          ))}
          <Tooltip
            formatter={(value) => formatValue(typeof value === 'number' ? value : null)}
            contentStyle={{ borderRadius: 6, borderColor: CHART_COLOURS.grid }}
          />
        </RechartsRadarChart>
      </div>
      <ul className="radar-chart__legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span
              className="radar-chart__swatch"
              data-dashed={s.dashed ? 'true' : undefined}
              style={{
                borderColor: s.colour,
                backgroundColor: s.dashed ? 'transparent' : s.colour,
              }}
            />
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
