/**
 * The constants libvirt 9.0's .x files use but define in C headers, with their 9.0.0 values (rpcgen
 * leaves them to the C compiler; a TypeScript generator has to be told).
 */
export const LIBVIRT_HEADER_CONSTANTS: Readonly<Record<string, number>> = {
  // include/libvirt/libvirt-host.h
  VIR_UUID_BUFLEN: 16,
  VIR_SECURITY_LABEL_BUFLEN: 4096 + 1,
  VIR_SECURITY_MODEL_BUFLEN: 256 + 1,
  VIR_SECURITY_DOI_BUFLEN: 256 + 1,
  // include/libvirt/libvirt-common.h.in, enum virTypedParameterType
  VIR_TYPED_PARAM_INT: 1,
  VIR_TYPED_PARAM_UINT: 2,
  VIR_TYPED_PARAM_LLONG: 3,
  VIR_TYPED_PARAM_ULLONG: 4,
  VIR_TYPED_PARAM_DOUBLE: 5,
  VIR_TYPED_PARAM_BOOLEAN: 6,
  VIR_TYPED_PARAM_STRING: 7,
};
