import type { z } from 'zod';

/**
 * Reads a JSON value that this app stored earlier. localStorage is a boundary like any other:
 * another version of the app, or a person with devtools, may have left anything there, so the
 * value is validated and treated as missing when it does not fit.
 */
export function readStored<T>(key: string, schema: z.ZodType<T>): T | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch (error) {
    console.warn(`Could not read ${key} from localStorage`, error);
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    console.warn(`Ignoring unreadable ${key} in localStorage`, error);
    return null;
  }
}

/** Stores a JSON value; returns false when the browser refused (private mode, full quota). */
export function writeStored(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    console.warn(`Could not write ${key} to localStorage`, error);
    return false;
  }
}

/** Removes a stored value; a browser that refuses has nothing stored to remove either. */
export function removeStored(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch (error) {
    console.warn(`Could not remove ${key} from localStorage`, error);
  }
}
