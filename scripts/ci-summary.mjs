// Prints the plain closing line CI reads ("N passed, N failed") from vitest's JSON
// report, adding any failed pre-test steps; exits non-zero when anything failed.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, stepFailuresArg = '0'] = process.argv.slice(2);
const stepFailures = Number(stepFailuresArg);
let passed = 0;
let failed = stepFailures;
let skipped = 0;
if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed to load has no tests in it: count it as a failure.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
  if (report.numTotalTests === 0) failed += 1;
} else {
  console.log(`no test report at ${reportPath}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
