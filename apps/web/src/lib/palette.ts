/**
 * Colours that SVG charts need as values (recharts sets them as attributes, where CSS custom
 * properties are not reliable). Keep in step with `styles/tokens.css`.
 */
export const CHART_COLOURS = {
  current: '#17324d',
  target: '#a1447a',
  grid: '#c9ced8',
} as const;
