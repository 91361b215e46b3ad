/** `remote_nonnull_domain` -> `RemoteNonnullDomain`; `virNetMessageHeader` -> `VirNetMessageHeader`. */
export function pascalCase(name: string): string {
  return name
    .split('_')
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** `domain_get_info` -> `domainGetInfo`; `DOMAIN_GET_INFO` -> `domainGetInfo`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name === name.toUpperCase() ? name.toLowerCase() : name);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}
