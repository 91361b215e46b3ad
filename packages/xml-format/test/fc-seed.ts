// CI runs are reproducible: a fixed seed unless FC_SEED asks for another one
// (e.g. FC_SEED=$RANDOM pnpm vitest run --project xml-format to explore).
export const FC_SEED = Number(process.env['FC_SEED'] ?? 20060711);
