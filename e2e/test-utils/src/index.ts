export { type FaultReport, faultReport, measurePeak } from './fault-report.js';
export { type ExitStatus, startDaemon, type WatchedDaemon } from './daemon-process.js';
export { type RunOptions, type RunResult, onPath, run } from './run.js';
export {
  type Dom0Job,
  type Dom0Run,
  dom0TestTimeout,
  Dom0Share,
  ensureImages,
  type ImageVariant,
  imagesDir,
  REAL_XEN_OPT_IN,
  realXenUnavailable,
  runInDom0,
  skipUnlessBooted,
  unbuiltPackages,
  xenHarnessDir,
} from './dom0.js';
