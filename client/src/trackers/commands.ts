/**
 * The tracker commands' entry point. The build bundles it on its own (dist/trackers.js) because it
 * carries the whole analysis engine: the extension loads it when a tracker command first runs.
 */
export { exportActionItemsCommand } from './exportCommand';
export { refreshActionItemStatusCommand } from './refreshCommand';
export { setTrackerCredentials } from './credentialsCommand';
