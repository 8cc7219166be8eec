/** Scaffold: the network-invitations routes' request and response contract (issue 9). */
export {};
