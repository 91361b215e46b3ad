import type { TypedParameter } from '@libvirt-ts/virt';
import { TypedParameterType } from '@libvirt-ts/virt/constants';

/** vshGetTypedParamValue: a parameter's value as virsh prints it (%d, %u, %lld, %llu, %f, yes/no, the string). */
export function typedParamText(param: TypedParameter): string {
  switch (param.type) {
    case TypedParameterType.DOUBLE:
      return param.value.toFixed(6);
    case TypedParameterType.BOOLEAN:
      return param.value ? 'yes' : 'no';
    default:
      return String(param.value);
  }
}

/** A time in nanoseconds as virsh's cpu-stats prints it: "%9llu.%09llu seconds". */
export function secondsText(ns: bigint): string {
  return `${String(ns / 1_000_000_000n).padStart(9)}.${String(ns % 1_000_000_000n).padStart(9, '0')} seconds`;
}
