import type { RemoteTypedParam } from '@libvirt-ts/remote';
import { TypedParameterType } from '../../constants.js';
import type { TypedParameter } from '../../types.js';

/** A typed parameter as remote_protocol.x carries it (remote_typed_param). */
export function toWireParam(param: TypedParameter): RemoteTypedParam {
  const { field } = param;
  switch (param.type) {
    case TypedParameterType.INT:
      return { field, value: { type: 1, i: param.value } };
    case TypedParameterType.UINT:
      return { field, value: { type: 2, ui: param.value } };
    case TypedParameterType.DOUBLE:
      return { field, value: { type: 5, d: param.value } };
    case TypedParameterType.LLONG:
      return { field, value: { type: 3, l: param.value } };
    case TypedParameterType.ULLONG:
      return { field, value: { type: 4, ul: param.value } };
    case TypedParameterType.BOOLEAN:
      return { field, value: { type: 6, b: param.value ? 1 : 0 } };
    case TypedParameterType.STRING:
      return { field, value: { type: 7, s: param.value } };
  }
}

/** A remote_typed_param as the API's TypedParameter. */
export function fromWireParam({ field, value }: RemoteTypedParam): TypedParameter {
  switch (value.type) {
    case 1:
      return { field, type: TypedParameterType.INT, value: value.i };
    case 2:
      return { field, type: TypedParameterType.UINT, value: value.ui };
    case 3:
      return { field, type: TypedParameterType.LLONG, value: value.l };
    case 4:
      return { field, type: TypedParameterType.ULLONG, value: value.ul };
    case 5:
      return { field, type: TypedParameterType.DOUBLE, value: value.d };
    case 6:
      return { field, type: TypedParameterType.BOOLEAN, value: value.b !== 0 };
    case 7:
      return { field, type: TypedParameterType.STRING, value: value.s };
  }
}
