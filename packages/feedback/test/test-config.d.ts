// Types of /test-config.js, which the open311-test-server plugin in
// web-test-runner.config.js generates at test time (mapped in tsconfig.json "paths").

/** Origin of the Open311 test server, e.g. http://127.0.0.1:41234 */
export declare const open311Origin: string;
