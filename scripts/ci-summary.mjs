// Prints the plain closing line CI reads ("N passed, N failed, N skipped") from one or more
// vitest JSON reports, adding the failed steps that ran no tests (install, build, lint,
// typecheck); exits non-zero when anything failed.
// Usage: node scripts/ci-summary.mjs STEP_FAILURES MAIN_REPORT [EXTRA_REPORT...]
// The main report must exist; an extra report (an optional step) may be absent.
import { existsSync, readFileSync } from 'node:fs';

const [stepFailuresArg = '0', mainReport, ...extraReports] = process.argv.slice(2);
let passed = 0;
let failed = Number(stepFailuresArg);
let skipped = 0;

function addReport(path) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed to load has no tests in it: count it as a failure.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
  return report.numTotalTests ?? 0;
}

if (mainReport && existsSync(mainReport)) {
  if (addReport(mainReport) === 0) failed += 1;
} else {
  console.log(`no test report at ${mainReport}`);
  failed += 1;
}
for (const path of extraReports) {
  if (existsSync(path)) addReport(path);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
