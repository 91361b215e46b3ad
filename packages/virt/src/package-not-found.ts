/**
 * Whether `error`, thrown by a dynamic `import(packageName)`, says that the package itself is not
 * installed, rather than that it is there and failed to load (a missing file inside it, a syntax
 * error, a missing export, a dependency of its own missing). Node says the first as
 * ERR_MODULE_NOT_FOUND "Cannot find package '<name>' imported from ..."; only that one means "not
 * installed", so nothing else is silently taken for it.
 */
export function isPackageNotFound(error: unknown, packageName: string): boolean {
  return (
    error instanceof Error &&
    (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
    error.message.includes(`Cannot find package '${packageName}'`)
  );
}
