/** The API's version, shown in the OpenAPI document. Bump with breaking changes to /api/v1. */
export const API_VERSION = '0.1.0';
