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
  imageIncludes,
  imagesDir,
  notBuilt,
  REAL_XEN_OPT_IN,
  realXenUnavailable,
  runInDom0,
  skipUnlessBooted,
  unbuiltPackages,
  type XenstoredFlavour,
  xenHarnessDir,
} from './dom0.js';
export { bootTimeoutSeconds, type Dom0Boot, type Dom0BootJob, type Dom0JobRun, runJobsInDom0 } from './dom0-jobs.js';
export { type Dom0JobSpec, describeDom0Boot } from './dom0-suite.js';
