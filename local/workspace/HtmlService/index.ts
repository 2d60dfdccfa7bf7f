/** HtmlService of the local Workspace. */
export { LocalHtml } from './html-service';
export { SandboxMode, XFrameOptionsMode } from './enums';
export { escapeHtml } from './helpers';
export { compileTemplate } from './html-template';
