import { css } from 'lit';

export const surveyStyles = css`
  form,
  .outcome,
  .results {
    display: grid;
    gap: var(--_civic-space);
  }
  form > *,
  .outcome > *,
  .results > * {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .question {
    font-size: 1.2em;
  }
  .options.words {
    display: grid;
    gap: 0.25em;
  }
  /* Numeric scales: a row of boxes that wraps on a phone, each a full-size target. */
  .options.numeric {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_civic-target-size);
    padding-inline: 0.75em;
    border: 2px solid var(--_civic-color-border);
    border-radius: var(--_civic-radius);
    font-weight: normal;
    cursor: pointer;
  }
  .numeric .option {
    justify-content: center;
    min-width: var(--_civic-target-size);
    padding-inline: 0.5em;
  }
  .option input {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_civic-color-primary);
  }
  .option:has(input:checked) {
    border-color: var(--_civic-color-primary);
    box-shadow: inset 0 0 0 1px var(--_civic-color-primary);
    font-weight: 700;
  }
  .callback-details {
    display: grid;
    gap: var(--_civic-space);
    margin-block-start: 0.5em;
    padding-inline-start: calc(var(--_civic-space) * 0.75);
    border-inline-start: 4px solid var(--_civic-color-border);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_civic-space);
  }
  .outcome.sent {
    padding: var(--_civic-space);
    border: 3px solid var(--_civic-color-success);
    border-radius: var(--_civic-radius);
  }
  .headline {
    font-size: 1.2em;
  }
  /* One grid for all rows (subgrid), so every bar starts and ends at the same place and can be compared by eye. */
  .bars {
    display: grid;
    grid-template-columns: max-content 1fr max-content;
    gap: 0.5em 0.75em;
    align-items: center;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bars li {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: center;
  }
  /* A plain bar in every browser: the meter's own colours (green, amber, red) would judge the grades. */
  .bar {
    appearance: none;
    inline-size: 100%;
    block-size: 1em;
    background: var(--_civic-color-surface);
    border: 0;
    border-radius: var(--_civic-radius);
  }
  .bar::-webkit-meter-bar {
    background: var(--_civic-color-surface);
    border: 0;
    border-radius: var(--_civic-radius);
  }
  .bar::-webkit-meter-optimum-value {
    background: var(--_civic-color-primary);
    border-radius: var(--_civic-radius);
  }
  .bar::-moz-meter-bar {
    background: var(--_civic-color-primary);
  }
  .care .bars {
    grid-template-columns: 1fr;
  }
  /* display="button": a small trigger in the page corner and a panel above it, not covering the page (non-modal). */
  .trigger {
    position: fixed;
    inset-block-end: var(--_civic-space);
    inset-inline-end: var(--_civic-space);
    z-index: 2147483000;
    box-shadow: 0 2px 6px rgb(0 0 0 / 30%);
  }
  .panel {
    position: fixed;
    inset-block-end: calc(var(--_civic-space) * 2 + var(--_civic-target-size));
    inset-inline-end: var(--_civic-space);
    z-index: 2147483000;
    inline-size: min(26em, calc(100vw - var(--_civic-space) * 2));
    max-block-size: calc(100vh - var(--_civic-space) * 4 - var(--_civic-target-size));
    overflow: auto;
    padding: var(--_civic-space);
    background: var(--_civic-color-background);
    border: 2px solid var(--_civic-color-border);
    border-radius: var(--_civic-radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
  }
  /* Stepped aside (corner-clearance.ts): the page's focused element lies under the trigger's own corner. */
  .trigger.flip-inline,
  .panel.flip-inline {
    inset-inline-end: auto;
    inset-inline-start: var(--_civic-space);
  }
  .trigger.flip-block {
    inset-block-end: auto;
    inset-block-start: var(--_civic-space);
  }
  .panel.flip-block {
    inset-block-end: auto;
    inset-block-start: calc(var(--_civic-space) * 2 + var(--_civic-target-size));
  }
  /* The panel takes the focus of a press on its background (so the panel stays open), never the keyboard's: no ring. */
  .panel:focus {
    outline: none;
  }
  .panel-header {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: 0.5em;
  }
  /* Text buttons ("Close", "No thanks", 关闭) are full-size targets too, however short their words. */
  button.link {
    min-inline-size: var(--_civic-target-size);
  }
  .panel-header button.link {
    text-align: center;
  }
  /*
   * After "No thanks" in display="button": the confirmation takes the focus
   * where the trigger was, and is seen only while it has it (like a skip link),
   * so a keyboard user sees where the focus is and the page is not covered.
   */
  .dismissed.corner {
    position: fixed;
    inset-block-end: var(--_civic-space);
    inset-inline-end: var(--_civic-space);
    z-index: 2147483000;
    max-inline-size: min(26em, calc(100vw - var(--_civic-space) * 2));
    padding: 0.5em 1em;
    background: var(--_civic-color-background);
    border: 2px solid var(--_civic-color-border);
    border-radius: var(--_civic-radius);
    box-shadow: 0 2px 6px rgb(0 0 0 / 30%);
  }
  .dismissed.corner:not(:focus) {
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    .bar::-webkit-meter-optimum-value {
      background: CanvasText;
    }
    .option:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
`;
