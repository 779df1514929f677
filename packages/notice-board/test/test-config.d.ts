// Types of /test-config.js, which web-test-runner.config.js generates at test
// time. tsconfig.json "paths" can map the module to one file only, so this one
// re-exports what the survey, feedback and core tests use and adds the feed server.
export * from '../../satisfaction-survey/test/test-config.js';

/** Origin of the feed test server (test/server/feed-test-server.mjs), e.g. http://127.0.0.1:41236 */
export declare const feedOrigin: string;
