export declare const generatedParserUrl: URL;
export declare function generateParserSource(grammar?: string): string;
