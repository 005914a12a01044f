import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/providers';
import { router } from './app/router';
import './app/global.css';
import { loadBusinessClock } from './lib/business-clock';

const container = document.getElementById('root');
if (!container) {
  throw new Error('#root missing from index.html');
}

// business dates in forms follow the server's business clock (the demo runs in 2016)
void loadBusinessClock().then(() =>
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
