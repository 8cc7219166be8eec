import { z } from 'zod';

/** The request and response contract of the assessments routes, shared by the API and the web app. */
export const Z_ASSESSMENTS_PLACEHOLDER = z.never();
