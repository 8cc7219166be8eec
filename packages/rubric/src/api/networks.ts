/** Scaffold: the networks routes' request and response contract (issue 9). */
export {};
