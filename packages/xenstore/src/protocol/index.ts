// The pure wire protocol: no sockets, no files.
export { type XsErrnoName, XS_ERRNO, isXsErrnoName } from './errno.js';
export { FrameDecoder } from './frame-decoder.js';
export { ABS_PATH_MAX, HEADER_SIZE, PAYLOAD_MAX, REL_PATH_MAX, readHeader, writeHeader, type XsHeader } from './header.js';
export { encodeMessage, type XsMessage } from './message.js';
export { MODIFYING_TYPES, XS_DEBUG, XS_TYPE_COUNT_4_17, XsType, type XsTypeName, type XsTypeNumber, xsTypeName } from './message-type.js';
export {
  SPECIAL_WATCH_PATHS,
  type SpecialWatchPath,
  baseName,
  domainPath,
  isPathAtOrBelow,
  isSpecialWatchPath,
  isSpecialWatchSyntax,
  joinPath,
  parentPath,
  pathProblem,
} from './path.js';
export {
  MAX_DOMID,
  type Permission,
  type PermissionAccess,
  canRead,
  canWrite,
  formatPermission,
  parseDomid,
  parsePermission,
} from './permissions.js';
export { concatBytes, fromUtf8, nulTerminated, splitNulTerminated, utf8 } from './strings.js';
