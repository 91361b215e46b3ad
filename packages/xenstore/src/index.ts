// The package's public API is exported from here.
export {};
