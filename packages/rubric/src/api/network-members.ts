/** Scaffold: the network members routes' request and response contract (issue 9). */
export {};
