// @libvirt-ts/xml-format: libvirt's domain XML as a typed model, a strict parser and a canonical writer.

export type { CheckpointDisk, CheckpointType, DomainCheckpointConfig } from './checkpoint/checkpoint-model.js';
export { CHECKPOINT_TYPES } from './checkpoint/checkpoint-model.js';
export type { FormatCheckpointOptions } from './checkpoint/format-checkpoint-xml.js';
export { formatCheckpointXml } from './checkpoint/format-checkpoint-xml.js';
export type { ReadCheckpointOptions } from './checkpoint/parse-checkpoint-xml.js';
export { readCheckpointElement } from './checkpoint/parse-checkpoint-xml.js';
export type { XmlFormatErrorInit } from './errors/xml-format-error.js';
export { LIBXML2_REASONS, XmlFormatError, XmlFormatErrorCode, XmlFormatReason } from './errors/xml-format-error.js';
export { formatDomainXml } from './format/format-domain-xml.js';
export * from './model/devices.js';
export * from './model/domain.js';
export { emptyDevices } from './model/empty-devices.js';
export { decodeXmlBytes } from './parse/decode-xml-bytes.js';
export type { ParseDomainXmlOptions, ParseXmlTreeOptions, ReadDomainOptions } from './parse/parse-domain-xml.js';
export { parseDomainXml, parseXml, readDomainElement } from './parse/parse-domain-xml.js';
export { XmlAttributes } from './parse/xml-attributes.js';
export type { XmlElement } from './parse/xml-tree.js';
export { formatSnapshotXml } from './snapshot/format-snapshot-xml.js';
export type { ReadSnapshotOptions } from './snapshot/parse-snapshot-xml.js';
export { readSnapshotElement } from './snapshot/parse-snapshot-xml.js';
export type { DomainSnapshotConfig, SnapshotDisk, SnapshotLocation, SnapshotState } from './snapshot/snapshot-model.js';
export { SNAPSHOT_LOCATIONS, SNAPSHOT_STATES } from './snapshot/snapshot-model.js';
export { CPUMASK_LEN, formatCpuBitmap, parseCpuBitmap } from './values/cpu-bitmap.js';
export { canonicalUuid, formatUuid, parseUuid, uuidEquals } from './values/uuid.js';
