import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@distans/web-ui/base.css';
import './room-screen.css';
import { I18nProvider, type Dictionary } from '@distans/web-ui/i18n';
import { App } from './App';
import en from './i18n/en.json';
import sv from './i18n/sv.json';

const dictionaries: Record<'sv' | 'en', Dictionary> = { sv, en };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider dictionaries={dictionaries} storageKey="distans.room.locale">
      <App />
    </I18nProvider>
  </StrictMode>,
);
