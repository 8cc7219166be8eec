import { z } from 'zod';

/** The request and response contract of the auth routes, shared by the API and the web app. */
export const Z_AUTH_PLACEHOLDER = z.never();
