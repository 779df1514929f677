import { css } from 'lit';

export const noticeBoardStyles = css`
  .alert {
    margin-block-end: var(--_civic-space);
    padding: var(--_civic-space);
    border-inline-start: 8px solid var(--_civic-color-primary);
    border-radius: var(--_civic-radius);
    background: var(--_civic-color-surface);
  }
  .alert.urgent {
    border: 4px solid var(--_civic-color-error);
    border-inline-start-width: 12px;
    background: var(--_civic-color-background);
  }
  .alert-heading.top-heading {
    font-size: 1.25em;
  }
  .alert p {
    margin-block-end: 0.5em;
  }
  .severity {
    display: inline-block;
    margin-inline-end: 0.25em;
    padding: 0 0.4em;
    border-radius: var(--_civic-radius);
    background: var(--_civic-color-primary);
    color: var(--_civic-color-on-primary);
    font-size: 0.85em;
  }
  .urgent .severity {
    background: var(--_civic-color-error);
  }
  .filters {
    display: grid;
    gap: 0.75em;
    margin-block-end: var(--_civic-space);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .chip {
    border-radius: 999px;
    font-weight: normal;
  }
  .chip[aria-pressed='true'] {
    background: var(--_civic-color-primary);
    color: var(--_civic-color-on-primary);
    font-weight: 700;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  /* Always there and always one line high, so new notices arriving never push the list down. */
  .list-status {
    display: flex;
    align-items: center;
    min-height: var(--_civic-target-size);
    color: var(--_civic-color-text-muted);
  }
  .notices {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .notice {
    padding-block: 0.75em;
    border-block-start: 1px solid var(--_civic-color-border);
  }
  .notice-heading.top-heading {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 0.25em;
    font-size: 1.1em;
  }
  .notice .title {
    min-height: var(--_civic-target-size);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_civic-color-primary);
    font: inherit;
    font-weight: 700;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    display: inline-flex;
    align-items: center;
  }
  .notice span.title {
    color: inherit;
    text-decoration: none;
  }
  .unread-mark {
    flex: none;
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--_civic-color-primary);
  }
  .unread .title {
    font-weight: 800;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-end: 0.25em;
    color: var(--_civic-color-text-muted);
  }
  .tags {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  .tag,
  .badge {
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_civic-radius);
    font-size: 0.9em;
  }
  /* Care mode promises at least 18 px text: smaller-than-body labels stop there. */
  .care .tag,
  .care .badge {
    font-size: max(18px, 0.9em);
  }
  .pinned-badge {
    border-color: var(--_civic-color-primary);
    color: var(--_civic-color-primary);
    font-weight: 700;
  }
  .summary {
    margin-block-end: 0.25em;
  }
  .attachments {
    margin: 0.25em 0;
    padding-inline-start: 1.25em;
  }
  .file-facts {
    margin-inline-start: 0.5em;
    color: var(--_civic-color-text-muted);
  }
  .details {
    margin-block-start: 0.5em;
    padding: 0.75em;
    border-radius: var(--_civic-radius);
    background: var(--_civic-color-surface);
  }
  .content {
    overflow-wrap: anywhere;
  }
  .content.plain {
    white-space: pre-line;
  }
  .content img {
    max-inline-size: 100%;
    block-size: auto;
  }
  .content table {
    display: block;
    overflow-x: auto;
    border-collapse: collapse;
  }
  .content th,
  .content td {
    padding: 0.25em 0.5em;
    border: 1px solid var(--_civic-color-border);
  }
  .more {
    margin-block-start: var(--_civic-space);
  }
  @media (forced-colors: active) {
    .unread-mark {
      background: CanvasText;
    }
    .chip[aria-pressed='true'] {
      outline: 3px solid Highlight;
    }
  }
`;
