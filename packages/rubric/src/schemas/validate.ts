import type { z } from 'zod';
import { type TFramework, ZFramework } from './framework.js';

export interface FrameworkProblem {
  /** Dotted path to the offending field, e.g. `pillars.0.criteria.2.levels`; empty for the root. */
  path: string;
  message: string;
}

export type FrameworkValidation =
  | { ok: true; framework: TFramework }
  | { ok: false; problems: FrameworkProblem[] };

function toProblems(issues: z.core.$ZodIssue[]): FrameworkProblem[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/**
 * Validates a framework definition and reports every problem with its path. With `previous`, the
 * version mapping is also checked against the previous version's criteria.
 */
export function validateFramework(
  input: unknown,
  options: { previous?: TFramework } = {},
): FrameworkValidation {
  const parsed = ZFramework.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: toProblems(parsed.error.issues) };
  }
  const framework = parsed.data;
  const problems: FrameworkProblem[] = [];
  const { previous } = options;
  if (previous && framework.mapping) {
    if (previous.id !== framework.id) {
      problems.push({
        path: 'id',
        message: `previous version belongs to framework "${previous.id}", not "${framework.id}"`,
      });
    }
    if (framework.mapping.fromVersion !== previous.version) {
      problems.push({
        path: 'mapping.fromVersion',
        message: `maps from version ${framework.mapping.fromVersion} but the previous version is ${previous.version}`,
      });
    }
    const oldIds = new Set(previous.pillars.flatMap((p) => p.criteria.map((c) => c.id)));
    for (const oldId of Object.keys(framework.mapping.criteria)) {
      if (!oldIds.has(oldId)) {
        problems.push({
          path: `mapping.criteria.${oldId}`,
          message: `names "${oldId}", which is not a criterion of version ${previous.version}`,
        });
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, framework };
}

/** Like `validateFramework`, but throws with every problem listed; for frameworks shipped as code. */
export function parseFramework(
  input: unknown,
  options: { previous?: TFramework } = {},
): TFramework {
  const result = validateFramework(input, options);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`);
    throw new Error(`Invalid framework definition:\n${lines.join('\n')}`);
  }
  return result.framework;
}
