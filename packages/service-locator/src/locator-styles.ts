import { css } from 'lit';

export const locatorStyles = css`
  .locate,
  .filters {
    display: grid;
    gap: 0.75em;
    margin-block-end: var(--_civic-space);
  }
  .locate p {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .kinds {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1.25em;
  }
  .notice {
    padding: 0.5em 0.75em;
    border-inline-start: 5px solid var(--_civic-color-primary);
    background: var(--_civic-color-surface);
  }
  .list-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    min-height: var(--_civic-target-size);
    color: var(--_civic-color-text-muted);
  }
  .points {
    margin: 0 0 var(--_civic-space);
    padding: 0;
    list-style: none;
  }
  .point {
    padding-block: var(--_civic-space);
    border-block-start: 1px solid var(--_civic-color-border);
    overflow-wrap: anywhere;
  }
  .point p,
  .name {
    margin: 0 0 0.25em;
  }
  .name {
    font-size: 1.2em;
    font-weight: 700;
  }
  .kind,
  .distance,
  .count {
    color: var(--_civic-color-text-muted);
  }
  .state {
    font-weight: 700;
  }
  .open {
    color: var(--_civic-color-success);
  }
  .closing,
  .closed {
    color: var(--_civic-color-error);
  }
  .verbatim {
    font-family: ui-monospace, monospace;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
  }
  .map {
    margin-block-start: var(--_civic-space);
  }
  .actions a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_civic-target-size);
  }
`;
