/** Scaffold: the cycle reminders and member-results routes' contract (issue 9). */
export {};
