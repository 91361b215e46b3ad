import { TypedParameterType } from '../../constants.js';
import type { TypedParameter } from '../../types.js';
import { testError } from './test-errors.js';

/** libvirt's names of the parameter types (virTypedParameterTypeToString). */
const TYPE_NAMES: Readonly<Record<number, string>> = {
  [TypedParameterType.INT]: 'int',
  [TypedParameterType.UINT]: 'uint',
  [TypedParameterType.LLONG]: 'llong',
  [TypedParameterType.ULLONG]: 'ullong',
  [TypedParameterType.DOUBLE]: 'double',
  [TypedParameterType.BOOLEAN]: 'boolean',
  [TypedParameterType.STRING]: 'string',
};

/**
 * virTypedParamsValidate: every parameter is one of `allowed` (field → type), of that type, and
 * given once; libvirt's errors otherwise (a field it does not know is ARGUMENT_UNSUPPORTED).
 */
export function validateParams(params: readonly TypedParameter[], allowed: Readonly<Record<string, TypedParameterType>>): void {
  const seen = new Set<string>();
  for (const param of params) {
    const type = Object.hasOwn(allowed, param.field) ? allowed[param.field] : undefined;
    if (type === undefined) throw testError('ARGUMENT_UNSUPPORTED', `parameter '${param.field}' not supported`);
    if (param.type !== type) {
      throw testError(
        'INVALID_ARG',
        `invalid type '${TYPE_NAMES[param.type] ?? param.type}' for parameter '${param.field}', expected '${TYPE_NAMES[type]}'`,
      );
    }
    if (seen.has(param.field)) throw testError('INVALID_ARG', `parameter '${param.field}' occurs multiple times`);
    seen.add(param.field);
  }
}
