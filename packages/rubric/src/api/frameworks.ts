import { z } from 'zod';
import { ZFramework, ZSlug } from '../schemas/framework.js';
import { storable } from './text.js';

/** The request and response contract of the framework routes, shared by the API and the web app. */

export const ZFrameworkSummary = z.object({
  id: ZSlug,
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  pillarCount: z.number().int(),
  criterionCount: z.number().int(),
  publishedAt: z.string().datetime({ offset: true }),
});
export type TFrameworkSummary = z.infer<typeof ZFrameworkSummary>;

export const ZFrameworkListResponse = z.object({
  items: z.array(ZFrameworkSummary),
});
export type TFrameworkListResponse = z.infer<typeof ZFrameworkListResponse>;

export const ZFrameworkVersionParams = z.object({
  frameworkId: storable(ZSlug),
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export type TFrameworkVersionParams = z.infer<typeof ZFrameworkVersionParams>;

export const ZFrameworkVersionResponse = z.object({
  framework: ZFramework,
  publishedAt: z.string().datetime({ offset: true }),
});
export type TFrameworkVersionResponse = z.infer<typeof ZFrameworkVersionResponse>;

/** RFC 9457 problem details, as every error of the API is answered. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  issues: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
});
export type TProblem = z.infer<typeof ZProblem>;
