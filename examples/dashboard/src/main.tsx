import '../../../src/styles.css';
import './dashboard.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { takeDemoConfig } from './config.js';

const config = takeDemoConfig();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    {config ? (
      <App config={config} />
    ) : (
      <main className="demo-missing-config">
        <h1>Sensei migrations demo</h1>
        <p>
          This page needs the demo server, which tells it where the API is. Run <code>npm start</code> in the repository and
          open the address it prints.
        </p>
      </main>
    )}
  </StrictMode>,
);
