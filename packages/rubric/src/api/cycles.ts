/** Scaffold: the cycles routes' request and response contract (issue 9). */
export {};
