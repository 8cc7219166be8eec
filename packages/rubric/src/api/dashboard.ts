/** Scaffold: the dashboard routes' request and response contract (issue 9). */
export {};
