export {
  EXAMPLE_ORGANISATION,
  exampleAnswers,
  type RadarSeriesInput,
  type TRadarDatum,
  type TRadarMetric,
  toRadarData,
} from './radar.js';
