export const generatedDirectoryUrl: URL;
export const protocolDirectoryUrl: URL;
export function generateParserSource(grammar?: string): string;
export function readProtocolFile(name: string): string;
