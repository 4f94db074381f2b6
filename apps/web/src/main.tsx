import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider, createAppQueryClient } from './app/provider';
import { AppRouter } from './app/router';
import './styles.css';

// One cache for the life of the page, made outside React so StrictMode's double render cannot fork it.
const queryClient = createAppQueryClient();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <AppRouter />
    </AppProvider>
  </StrictMode>,
);
