// The fake xend for tests.
export {};
