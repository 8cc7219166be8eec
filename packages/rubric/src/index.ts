export * from './api/frameworks.js';
export * from './charts/index.js';
export * from './frameworks/index.js';
export * from './schemas/framework.js';
export * from './schemas/validate.js';
export * from './scoring/index.js';
