import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@distans/web-ui/base.css';
import './citizen.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
