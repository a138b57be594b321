/**
 * ID numbers the user typed in this tab, by person token, kept only in
 * memory (never in storage or a URL): a window clerk who found someone by
 * their card can register a dispute for them without typing it again.
 */
const typed = new Map<string, string>();

export function rememberIdNumber(personId: string, idNumber: string): void {
  typed.set(personId, idNumber);
}

export function typedIdNumber(personId: string): string | undefined {
  return typed.get(personId);
}
