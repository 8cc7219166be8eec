/** Scaffold: the notices routes' request and response contract (issue 9). */
export {};
