/**
 * The page's one stylesheet. Colours come from the VS Code theme variables inside the editor;
 * the fallbacks (light, or dark when the system prefers it) are what an exported file shows.
 */
export const STYLES = `
:root { --hs-bg: #ffffff; --hs-fg: #1f2328; --hs-muted: #59636e; --hs-border: #d1d9e0; --hs-card: #f6f8fa;
  --hs-link: #0969da; --hs-accent: #0969da; --hs-error: #cf222e; --hs-warn: #9a6700; --hs-ok: #1a7f37;
  --hs-impact: rgba(207, 34, 46, 0.14); }
@media (prefers-color-scheme: dark) { :root {
  --hs-bg: #0d1117; --hs-fg: #e6edf3; --hs-muted: #9198a1; --hs-border: #3d444d; --hs-card: #151b23;
  --hs-link: #4493f8; --hs-accent: #4493f8; --hs-error: #f85149; --hs-warn: #d29922; --hs-ok: #3fb950;
  --hs-impact: rgba(248, 81, 73, 0.18); } }
:root { --bg: var(--vscode-editor-background, var(--hs-bg)); --fg: var(--vscode-editor-foreground, var(--hs-fg));
  --muted: var(--vscode-descriptionForeground, var(--hs-muted)); --border: var(--vscode-panel-border, var(--hs-border));
  --card: var(--vscode-sideBar-background, var(--hs-card)); --link: var(--vscode-textLink-foreground, var(--hs-link));
  --accent: var(--vscode-focusBorder, var(--hs-accent)); --error: var(--vscode-editorError-foreground, var(--hs-error));
  --warn: var(--vscode-editorWarning-foreground, var(--hs-warn)); --ok: var(--vscode-testing-iconPassed, var(--hs-ok));
  --impact: var(--hs-impact); }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 48px; background: var(--bg); color: var(--fg); line-height: 1.5;
  font-family: var(--vscode-font-family, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif);
  font-size: var(--vscode-font-size, 14px); }
main { max-width: 960px; margin: 0 auto; }
a { color: var(--link); }
h1, h2 { line-height: 1.25; }
code, pre {
  font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); font-size: 0.92em; }
pre { padding: 12px; overflow: auto; background: var(--card); border-radius: 6px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--border); padding: 4px 10px; text-align: left; vertical-align: top; }
blockquote { margin: 0; padding: 0 1em; color: var(--muted); border-left: 3px solid var(--border); }
.hs-card { background: var(--card); border: 1px solid var(--border); border-radius: 8px;
  padding: 12px 16px; margin: 0 0 16px; }
.hs-card h2 { font-size: 1em; margin: 0 0 8px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.hs-header h1 { margin: 0 0 8px; font-size: 1.5em; }
.hs-header dl { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 0; }
.hs-field dt { font-size: 0.8em; color: var(--muted); text-transform: uppercase; }
.hs-field dd { margin: 0; font-weight: 600; }
.hs-severity-sev0 dd, .hs-severity-sev1 dd { color: var(--error); }
.hs-severity-sev2 dd { color: var(--warn); }
.hs-chip { display: inline-block; padding: 0 8px; border: 1px solid var(--border); border-radius: 10px;
  font-weight: 400; }
.hs-metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 8px; margin: 0 0 16px; }
.hs-metric { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 8px 12px;
  cursor: help; display: flex; flex-direction: column; }
.hs-metric-name { font-size: 0.8em; color: var(--muted); font-weight: 600; }
.hs-metric-value { font-size: 1.6em; font-weight: 600; }
.hs-metric-title { font-size: 0.8em; color: var(--muted); }
.hs-missing .hs-metric-value { color: var(--muted); }
.hs-timeline-svg { display: block; overflow: visible; }
.hs-timeline-svg text { fill: var(--fg); font-size: 11px; font-family: inherit; }
.hs-axis { stroke: var(--muted); stroke-width: 1.5; }
.hs-tick { stroke: var(--muted); }
.hs-tick-label, .hs-axis-zone { fill: var(--muted) !important; }
.hs-entry { stroke: var(--fg); stroke-width: 2; fill: var(--fg); opacity: 0.7; }
.hs-impact { fill: var(--impact); }
.hs-milestone-stem { stroke: var(--accent); stroke-dasharray: 2 2; }
.hs-milestone-mark { fill: var(--accent); }
.hs-milestone-started .hs-milestone-mark, .hs-milestone-impactStart .hs-milestone-mark { fill: var(--error); }
.hs-milestone-mitigated .hs-milestone-mark, .hs-milestone-resolved .hs-milestone-mark,
.hs-milestone-impactEnd .hs-milestone-mark { fill: var(--ok); }
.hs-caption { margin: 4px 0 0; font-size: 0.85em; color: var(--muted); }
.hs-swatch { display: inline-block; width: 12px; height: 12px; vertical-align: middle;
  background: var(--impact); border: 1px solid var(--error); }
.hs-unplaced { margin-top: 8px; font-size: 0.9em; color: var(--muted); }
.hs-empty { color: var(--muted); margin: 0; }
.hs-actions { overflow-x: auto; }
.hs-actions table { width: 100%; }
.hs-actions td:nth-child(3) { white-space: nowrap; }
.hs-summary { margin: 0 0 4px; color: var(--muted); }
.hs-overdue-count { color: var(--error); }
.hs-overdue td { background: var(--impact); }
.hs-badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 0.85em;
  border: 1px solid var(--border); white-space: nowrap; }
.hs-badge-overdue { color: var(--error); border-color: var(--error); font-weight: 600; }
.hs-state-done { color: var(--ok); border-color: var(--ok); }
.hs-state-in-progress { color: var(--warn); border-color: var(--warn); }
.hs-state-unknown { color: var(--muted); }
.hs-problems { border: 1px solid var(--error); border-left-width: 4px; border-radius: 8px;
  padding: 8px 16px; margin: 0 0 16px; }
.hs-problems h2 { color: var(--error); font-size: 1em; margin: 4px 0; }
.hs-problems code { color: var(--muted); }
.hs-document { padding-top: 8px; border-top: 1px solid var(--border); }
.hs-image { font-style: italic; }
`;
