import { css } from 'lit';

export const feedbackStyles = css`
  form,
  .outcome,
  .delivered-later {
    display: grid;
    gap: calc(var(--_civic-space) * 1.25);
  }
  /* The grid gap spaces these panels; their children's own margins would double it. */
  form > *,
  .outcome > *,
  .delivered-later > * {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  fieldset.group {
    gap: calc(var(--_civic-space) * 0.75);
  }
  fieldset.group > legend {
    font-size: 1.15em;
  }
  /*
   * The district's notice sits on the widget's background, so it takes the
   * widget's text colour: a dark host page's light text would be unreadable on
   * it. Important, because the page's own rules would otherwise beat ::slotted.
   */
  ::slotted([slot='notice']) {
    display: block;
    margin-block: 0 var(--_civic-space);
    color: var(--_civic-color-text) !important;
  }
  .hint.after {
    margin-block-start: 0.25em;
  }
  .count {
    margin: 0;
    color: var(--_civic-color-text-muted);
  }
  .count.over {
    color: var(--_civic-color-error);
    font-weight: 700;
  }
  .geolocation {
    display: grid;
    justify-items: start;
    gap: 0.25em;
    margin-block-start: 0.5em;
  }
  .position {
    margin: 0;
  }
  .file-picker {
    position: relative;
  }
  .file-button {
    display: inline-flex;
    align-items: center;
    min-height: var(--_civic-target-size);
    padding: 0.4em 1em;
    color: var(--_civic-color-primary);
    background: var(--_civic-color-background);
    border: 2px solid var(--_civic-color-primary);
    border-radius: var(--_civic-radius);
    cursor: pointer;
  }
  #consent-hint p {
    margin-block: 0.25em;
  }
  .dropped-photos {
    margin-block: 0.25em;
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_civic-color-primary);
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    cursor: progress;
  }
  .datetime-field {
    display: inline-block;
    border-radius: var(--_civic-radius);
  }
  .datetime-field:focus-within {
    outline: 3px solid var(--_civic-color-text);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_civic-color-focus);
  }
  .datetime-field input:focus-visible {
    outline: none;
    box-shadow: none;
  }
  .file-button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .thumbnails {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_civic-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .thumbnails li {
    display: grid;
    gap: 0.25em;
    justify-items: start;
  }
  canvas {
    width: 96px;
    height: 96px;
    border: 1px solid var(--_civic-color-border);
    border-radius: var(--_civic-radius);
  }
  .trap {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  form > button.primary {
    justify-self: start;
  }
  .outcome.sent {
    padding: var(--_civic-space);
    border: 5px solid var(--_civic-color-success);
    border-radius: var(--_civic-radius);
  }
  .delivered-later,
  .waiting-here {
    margin-block-end: calc(var(--_civic-space) * 1.5);
  }
  .outcome.queued,
  .delivered-later,
  .waiting-here,
  .request-status {
    padding: var(--_civic-space);
    background: var(--_civic-color-surface);
    border-inline-start: 5px solid var(--_civic-color-primary);
  }
  .tracking-number {
    display: block;
    font-size: 1.5em;
    letter-spacing: 0.05em;
    user-select: all;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_civic-space);
    align-items: center;
  }
  .outcome-problem {
    color: var(--_civic-color-error);
    font-weight: 700;
  }
  .progress {
    margin-block-end: var(--_civic-space);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em var(--_civic-space);
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .care dl {
    grid-template-columns: 1fr;
  }
  .note {
    margin: 0;
    padding: 0.5em var(--_civic-space);
    background: var(--_civic-color-surface);
  }
`;
