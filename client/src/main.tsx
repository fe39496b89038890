// First: configures zod before any module-level parse runs.
import './app/zodConfig.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import './styles/base.css';
import './styles/app.css';
import './styles/accounts.css';
import './styles/lifecycle.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

// The app shell for offline reloads (client/serviceWorker.ts); not in development, where Vite
// serves modules that change on every edit.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    console.warn('Could not install the offline app shell', error);
  });
}
