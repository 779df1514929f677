// Types of /test-config.js, which web-test-runner.config.js generates at test
// time. tsconfig.json "paths" can map the module to one file only, so this one
// re-exports what the feedback and core tests use and adds the survey server.
export * from '../../feedback/test/test-config.js';

/** Origin of the survey test server (test/server/survey-test-server.mjs), e.g. http://127.0.0.1:41235 */
export declare const surveyOrigin: string;
