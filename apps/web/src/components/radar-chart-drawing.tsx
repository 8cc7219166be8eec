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
import type { RadarChartDrawingProps, RadarRow } from './radar-chart';

const TICKS = [0, 25, 50, 75, 100];

// The first axis points straight up and the rest follow clockwise; the 0–100 scale runs up the
// middle of the first gap so that its numbers never sit on an axis line or a pillar's name.
function radiusAxisAngle(axisCount: number): number {
  return axisCount > 0 ? 90 - 180 / axisCount : 90;
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

interface BandPoint {
  x: number;
  y: number;
}

export interface BandShapeProps {
  points?: readonly BandPoint[];
  baseLinePoints?: readonly BandPoint[];
  fill?: string;
  fillOpacity?: number | string;
}

function ringPath(points: readonly BandPoint[]): string {
  return `${points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('')}Z`;
}

// The area between two polygons, one inside the other: both as sub-paths of one path, filled
// even-odd, so the inner one is a hole. (recharts' own range polygon stitches the two together
// with a seam across the band.) A null value sits at the centre, as recharts draws it.
export function BandShape({ points, baseLinePoints, fill, fillOpacity }: BandShapeProps) {
  if (!points?.length || !baseLinePoints?.length) return null;
  return (
    <path
      className="radar-chart__band"
      d={`${ringPath(points)}${ringPath(baseLinePoints)}`}
      fill={fill}
      fillOpacity={fillOpacity}
      fillRule="evenodd"
      stroke="none"
    />
  );
}

function numberOrNull(value: RadarRow[string] | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

/** The recharts part of `RadarChart`, in a chunk of its own: only pages that draw a chart load it. */
export function RadarChartDrawing({
  data,
  series,
  axisKey,
  maxSize,
  formatValue,
}: RadarChartDrawingProps) {
  return (
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
      {/* Bands first, beneath every line; they stay out of the tooltip, which lists the lines. */}
      {series.map((s) => {
        const inner = s.fillFrom;
        if (!inner || s.fill === 'none') return null;
        return (
          <Radar
            key={`${s.key}-band`}
            dataKey={(row: RadarRow) => [numberOrNull(row[inner]), numberOrNull(row[s.key])]}
            stroke="none"
            fill={s.fill ?? s.colour}
            fillOpacity={s.fillOpacity ?? 0.2}
            shape={(props: BandShapeProps) => <BandShape {...props} />}
            tooltipType="none"
            legendType="none"
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
        );
      })}
      {series.map((s) => (
        <Radar
          key={s.key}
          name={s.label}
          dataKey={s.key}
          stroke={s.colour}
          strokeWidth={s.strokeWidth ?? 2}
          strokeDasharray={s.dashed ? '6 4' : undefined}
          fill={s.fillFrom || s.fill === 'none' ? 'none' : (s.fill ?? s.colour)}
          fillOpacity={s.fillFrom ? 0 : (s.fillOpacity ?? 0.2)}
          dot={s.dots === false ? false : { r: 3, fillOpacity: 1 }}
          isAnimationActive={false}
        />
      ))}
      <Tooltip
        formatter={(value) => formatValue(typeof value === 'number' ? value : null)}
        contentStyle={{ borderRadius: 6, borderColor: CHART_COLOURS.grid }}
      />
    </RechartsRadarChart>
  );
}
