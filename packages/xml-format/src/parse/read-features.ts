// <features>: <acpi/> is on, <hap state='off'/> is off.
import type { DomainFeatures, XenFeatures } from '../model/domain.js';
import { DOMAIN_FEATURE_NAMES, XEN_PASSTHROUGH_MODES } from '../model/domain.js';
import type { ElementReader } from './element-reader.js';

export function readFeatures(features: ElementReader): DomainFeatures {
  const config: DomainFeatures = {};
  for (const name of DOMAIN_FEATURE_NAMES) {
    const feature = features.child(name);
    if (feature !== undefined) config[name] = feature.booleanAttribute('state') ?? true;
  }
  const xen = features.child('xen');
  if (xen !== undefined) config.xen = readXenFeatures(xen);
  return config;
}

function readXenFeatures(xen: ElementReader): XenFeatures {
  const config: XenFeatures = {};
  const e820Host = xen.child('e820_host');
  if (e820Host !== undefined) config.e820Host = e820Host.booleanAttribute('state') ?? true;
  const passthrough = xen.child('passthrough');
  if (passthrough !== undefined) {
    config.passthrough = passthrough.booleanAttribute('state') ?? true;
    const mode = passthrough.enumAttribute('mode', XEN_PASSTHROUGH_MODES);
    if (mode !== undefined) config.passthroughMode = mode;
  }
  return config;
}
