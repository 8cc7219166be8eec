import { z } from 'zod';

/** The request and response contract of the organisations routes, shared by the API and the web app. */
export const Z_ORGANISATIONS_PLACEHOLDER = z.never();
