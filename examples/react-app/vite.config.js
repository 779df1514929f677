import { defineConfig } from 'vite';

// React 19's automatic JSX runtime; Vite 8 compiles .tsx with Oxc, no plugin needed.
export default defineConfig({ oxc: { jsx: { runtime: 'automatic' } } });
