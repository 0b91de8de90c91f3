//! Renderers for audit reports: text, JSON, SARIF, HTML and Markdown.
