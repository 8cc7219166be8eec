import type { THeatmapRow } from '@waymark/rubric';
import { describe, expect, it } from 'vitest';
import { sortRows } from './heatmap-section';

function row(name: string, overall: number | null, employment: number | null): THeatmapRow {
  return {
    organisationId: `${name.length}0000000-0000-4000-8000-000000000000`,
    name,
    type: 'business',
    sizeBand: 'small',
    assessmentId: '10000000-0000-4000-8000-000000000000',
    overall: { score: overall, stage: null },
    pillars: [{ pillarId: 'employment', score: employment, stage: null }],
  };
}

const rows = [row('Cedar', 50, null), row('abbey', 50, 10), row('Brook', 90, 80)];
const names = (list: THeatmapRow[]) => list.map((r) => r.name);

describe('sortRows', () => {
  it('sorts names alphabetically whatever their case, either way', () => {
    expect(names(sortRows(rows, 'name', 'ascending'))).toEqual(['abbey', 'Brook', 'Cedar']);
    expect(names(sortRows(rows, 'name', 'descending'))).toEqual(['Cedar', 'Brook', 'abbey']);
  });

  it('sorts scores, breaking ties by name', () => {
    expect(names(sortRows(rows, 'overall', 'descending'))).toEqual(['Brook', 'abbey', 'Cedar']);
    expect(names(sortRows(rows, 'overall', 'ascending'))).toEqual(['abbey', 'Cedar', 'Brook']);
  });

  it('puts a member without a score last in both directions', () => {
    expect(names(sortRows(rows, 'pillar:employment', 'ascending'))).toEqual([
      'abbey',
      'Brook',
      'Cedar',
    ]);
    expect(names(sortRows(rows, 'pillar:employment', 'descending'))).toEqual([
      'Brook',
      'abbey',
      'Cedar',
    ]);
  });

  it('leaves the input as it was', () => {
    sortRows(rows, 'overall', 'descending');
    expect(names(rows)).toEqual(['Cedar', 'abbey', 'Brook']);
  });
});
