import { useState } from 'react';

const STORAGE_KEY = 'sensei-demo:theme';

function currentTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** Light/dark switch: `data-theme` on <html> drives the library's CSS custom properties. */
export function ThemeToggle() {
  const [theme, setTheme] = useState(currentTheme);
  const toggle = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage disabled: the choice lasts until reload.
    }
    setTheme(next);
  };
  return (
    <button type="button" className="demo-button demo-theme-toggle" aria-pressed={theme === 'dark'} onClick={toggle}>
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
        <path d="M15.5 12.6A6.5 6.5 0 0 1 7.4 4.5a6.5 6.5 0 1 0 8.1 8.1Z" fill="currentColor" />
      </svg>
      Dark mode
    </button>
  );
}
