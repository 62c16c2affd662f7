// Characters no text in Zhenwu may hold: NUL (PostgreSQL refuses it in text and jsonb), the other C0 controls
// but tab and line breaks, U+FFFE/U+FFFF and unpaired UTF-16 surrogates (XML, hence .xlsx and .docx, cannot
// carry them: an export holding one is a file Excel will not open). Shared by the server's input guard, the
// import and the exports.

const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** Whether the text holds a character that no stored text may hold. */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE.test(text);
}

/** The text without such characters (for writing files from values stored before the guard existed). */
export function withoutUnsafeCharacters(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, '') : text;
}

/** The path (`values.name`, `rows.0.values.x`) of the first string in a JSON value holding such a character. */
export function unsafeTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasUnsafeCharacter(value) ? path : null;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (hasUnsafeCharacter(key)) return at;
    const found = unsafeTextPath(inner, at);
    if (found !== null) return found;
  }
  return null;
}
