import { readdirSync } from 'node:fs';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, type UserConfig } from 'vite';

const storiesDir = new URL('../stories/', import.meta.url);
// Storybook warns about a glob that matches nothing, so MDX pages are looked for only once there are some.
const hasMdx = readdirSync(storiesDir, { recursive: true }).some((file) => String(file).endsWith('.mdx'));

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  stories: [...(hasMdx ? ['../stories/**/*.mdx'] : []), '../stories/**/*.stories.ts'],
  // Files the stories need as real URLs (map tiles are <img> requests, which the fetch fakes cannot answer).
  staticDirs: [{ from: '../stories/static', to: '/' }],
  core: {
    // The built Storybook is opened on machines that may have no internet, and
    // it must not phone home from a district's network either.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  viteFinal(viteConfig): UserConfig {
    return {
      ...viteConfig,
      resolve: {
        ...viteConfig.resolve,
        // Workspace packages export their TypeScript under "source": stories then
        // show the code being edited, never a stale packages/*/dist.
        conditions: ['source', ...(viteConfig.resolve?.conditions ?? defaultClientConditions).filter((c) => c !== 'source')],
      },
      oxc: {
        ...(typeof viteConfig.oxc === 'object' ? viteConfig.oxc : {}),
        // Lit's decorators are written for TypeScript's experimentalDecorators and
        // useDefineForClassFields: false. Vite 8 takes those from the nearest
        // tsconfig.json only if it includes the file (the root one does today);
        // otherwise `@property()` stays in the output and no attribute reaches its
        // property. Stated here so the build does not hang on which tsconfig is
        // nearest; same settings as scripts/standalone.vite.config.mjs.
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
      build: {
        ...viteConfig.build,
        // Storybook's own docs renderer is a single ~1 MB chunk; the widgets' size
        // budget is enforced on their standalone bundles (scripts/size.mjs), not here.
        chunkSizeWarningLimit: 1500,
      },
    };
  },
};

export default config;
