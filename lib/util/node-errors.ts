/** The `code` of a Node.js system error ("ENOENT", "EEXIST"...), or undefined for any other value. */
export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/** An error's message, or the value itself as text. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
