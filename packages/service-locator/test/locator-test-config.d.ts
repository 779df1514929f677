// Types of /locator-test-config.js, which the service locator's web-test-runner
// plugin (test/server/locator-test-plugin.mjs) generates at test time.

/** Origin of the locator test server (test/server/locator-test-server.mjs), e.g. http://127.0.0.1:41236 */
export declare const locatorOrigin: string;
