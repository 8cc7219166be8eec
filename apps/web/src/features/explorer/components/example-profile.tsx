import type { TFramework } from '@waymark/rubric';
import { RadarChart, type RadarSeries } from '../../../components/radar-chart';
import { CHART_COLOURS } from '../../../lib/palette';
import { useExampleProfile } from '../hooks/use-example-profile';

const SERIES: RadarSeries[] = [
  { key: 'current', label: 'Where they are now', colour: CHART_COLOURS.current, fillOpacity: 0.22 },
  {
    key: 'target',
    label: 'Where they aim to be',
    colour: CHART_COLOURS.target,
    fillOpacity: 0,
    dashed: true,
  },
];

/** What results look like, drawn from a fictional organisation's answers — clearly labelled so. */
export function ExampleProfile({ framework }: { framework: TFramework }) {
  const data = useExampleProfile(framework);
  const lowest = framework.levels[0]?.name ?? 'the first level';
  const highest = framework.levels.at(-1)?.name ?? 'the top level';
  return (
    <RadarChart
      data={data}
      series={SERIES}
      title="Example profile: score by pillar, now and target (0 to 100)"
      caption={
        <>
          <strong>Example only.</strong> A fictional large business&rsquo;s first self-assessment,
          not real data. A pillar scores 0 when every criterion is at {lowest} and 100 when every
          criterion is at {highest}.
        </>
      }
    />
  );
}
