// <features>: <acpi/> is on, <hap state='off'/> is off.
import type { DomainFeatures } from '../model/domain.js';
import { DOMAIN_FEATURE_NAMES } from '../model/domain.js';
import type { ElementReader } from './element-reader.js';

export function readFeatures(features: ElementReader): DomainFeatures {
  const config: DomainFeatures = {};
  for (const name of DOMAIN_FEATURE_NAMES) {
    const feature = features.child(name);
    if (feature !== undefined) config[name] = feature.booleanAttribute('state') ?? true;
  }
  return config;
}
