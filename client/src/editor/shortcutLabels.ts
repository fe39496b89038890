const isApple = /Mac|iPhone|iPad/.test(navigator.userAgent);

const appleSymbols: Record<string, string> = {
  Mod: '⌘',
  Shift: '⇧',
  Alt: '⌥',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
};

const pcNames: Record<string, string> = {
  Mod: 'Ctrl',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
};

/**
 * "Mod+Shift+8" → aria-keyshortcuts ("Control+Shift+8") and a label for people ("Ctrl+Shift+8"
 * on a PC, "⌘⇧8" on a Mac).
 */
export function describeShortcut(shortcut: string): { aria: string; label: string } {
  const keys = shortcut.split('+');
  const aria = keys.map((key) => (key === 'Mod' ? (isApple ? 'Meta' : 'Control') : key)).join('+');
  const label = isApple
    ? keys.map((key) => appleSymbols[key] ?? key).join('')
    : keys.map((key) => pcNames[key] ?? key).join('+');
  return { aria, label };
}
