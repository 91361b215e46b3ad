// The xenstored server for tests.
export {};
