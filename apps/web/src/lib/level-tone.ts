/** The number of level colours in the palette (`--level-1` … `--level-4` in tokens.css). */
export const LEVEL_TONES = 4;

/**
 * The palette tone (1–4, warm to deep) for a level, so that a framework with another number of
 * levels still runs from the warmest colour at level 1 to the deepest at its top level.
 */
export function levelTone(level: number, levelCount: number): number {
  if (levelCount <= 1) return LEVEL_TONES;
  const position = (level - 1) / (levelCount - 1);
  return Math.min(LEVEL_TONES, Math.max(1, 1 + Math.round(position * (LEVEL_TONES - 1))));
}
