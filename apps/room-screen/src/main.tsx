import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@distans/web-ui/base.css';
import './room-screen.css';
import { I18nProvider } from '@distans/web-ui/i18n';
import { App } from './App';
import { loadCatalogue, ROOM_LOCALES } from './i18n/catalogues';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider locales={ROOM_LOCALES} loadCatalogue={loadCatalogue} storageKey="distans.room.locale">
      <App />
    </I18nProvider>
  </StrictMode>,
);
