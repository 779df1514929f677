import { css } from 'lit';
import { tokens } from './tokens.js';

/** Typography, form controls, buttons and focus shared by every widget. */
export const baseStyles = [
  tokens,
  css`
    :host {
      display: block;
      /* The widget's own background is light: native checkboxes, radios and fields must be drawn for it, not for a dark host page. */
      color-scheme: var(--_civic-color-scheme);
      color: var(--_civic-color-text);
      font-family: var(--_civic-font-family);
      font-size: var(--_civic-font-size);
      line-height: var(--_civic-line-height);
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .root {
      max-width: var(--_civic-max-width);
      font-family: var(--_civic-font-family);
      background: var(--_civic-color-background);
      color: var(--_civic-color-text);
      font-size: var(--_civic-font-size);
      line-height: var(--_civic-line-height);
    }
    /* Sized by their place in the widget, not by their level: heading-level fits the page's outline. */
    :is(h1, h2, h3, h4, h5, h6) {
      margin: 0 0 calc(var(--_civic-space) * 0.75);
      line-height: 1.3;
      font-size: 1.2em;
    }
    .top-heading {
      font-size: 1.5em;
    }
    p {
      margin: 0 0 var(--_civic-space);
    }
    a {
      color: var(--_civic-color-primary);
      text-underline-offset: 0.15em;
    }
    /*
     * 适老化: links that act as controls (error summary entries, attachments,
     * "read more", the privacy notice) are full-size targets in care mode, not
     * one line of text. Links inside running text stay as they are.
     */
    .care :is(.error-summary a, a.action-link) {
      display: inline-flex;
      align-items: center;
      min-block-size: var(--_civic-target-size);
    }
    label,
    legend {
      display: block;
      font-weight: 600;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    legend {
      padding: 0;
      margin-block-end: 0.25em;
    }
    .hint {
      display: block;
      color: var(--_civic-color-text-muted);
      font-weight: normal;
      margin-block-end: 0.25em;
    }
    input[type='text'],
    input[type='search'],
    input[type='tel'],
    input[type='email'],
    input[type='datetime-local'],
    select,
    textarea {
      display: block;
      width: 100%;
      min-height: var(--_civic-target-size);
      padding: 0.4em 0.5em;
      font: inherit;
      color: var(--_civic-color-text);
      background: var(--_civic-color-background);
      border: 2px solid var(--_civic-color-border);
      border-radius: var(--_civic-radius);
    }
    textarea {
      min-height: 8em;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_civic-color-error);
      border-width: 3px;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-height: var(--_civic-target-size);
      font-weight: normal;
    }
    .choice input {
      flex: none;
      width: calc(var(--_civic-target-size) * 0.55);
      height: calc(var(--_civic-target-size) * 0.55);
      margin: 0;
      accent-color: var(--_civic-color-primary);
    }
    button {
      min-height: var(--_civic-target-size);
      min-width: var(--_civic-target-size);
      padding: 0.4em 1em;
      font: inherit;
      font-weight: 600;
      border-radius: var(--_civic-radius);
      border: 2px solid var(--_civic-color-primary);
      background: var(--_civic-color-background);
      color: var(--_civic-color-primary);
      cursor: pointer;
    }
    button.primary {
      background: var(--_civic-color-primary);
      color: var(--_civic-color-on-primary);
    }
    button.link {
      min-width: 0;
      padding-inline: 0;
      border-color: transparent;
      background: none;
      text-align: start;
      text-decoration: underline;
    }
    /* Busy, not faded: "Sending…" must stay readable, it is the only sign that sending is under way. */
    button[disabled] {
      cursor: progress;
    }
    :focus-visible {
      outline: 3px solid var(--_civic-color-text);
      outline-offset: 2px;
      box-shadow: 0 0 0 6px var(--_civic-color-focus);
    }
    /* Headings and panels that receive focus from the script (outcomes, error summaries). */
    [tabindex='-1']:focus {
      outline: 3px solid var(--_civic-color-text);
      outline-offset: 4px;
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
    /* Errors as the GOV.UK pattern shows them: a summary on top, a bar and a message at each field. */
    .field.has-error {
      padding-inline-start: calc(var(--_civic-space) * 0.75);
      border-inline-start: 5px solid var(--_civic-color-error);
    }
    .error-message {
      margin: 0;
      color: var(--_civic-color-error);
      font-weight: 700;
    }
    .error-summary,
    .refusal {
      padding: var(--_civic-space);
      border: 5px solid var(--_civic-color-error);
      border-radius: var(--_civic-radius);
    }
    .refusal > :last-child {
      margin-block-end: 0;
    }
    .error-summary ul {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    .error-summary a {
      color: var(--_civic-color-error);
      font-weight: 700;
    }
    .problem {
      margin-block-end: var(--_civic-space);
      padding: var(--_civic-space);
      border: 3px solid var(--_civic-color-error);
      border-radius: var(--_civic-radius);
    }
    /*
     * Chinese has no italics: a slanted CJK face is only a distorted one, so no
     * Chinese text is ever set in italics, whatever a notice or the server says.
     */
    :lang(zh) {
      font-style: normal !important;
    }
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        animation-duration: 0.01ms !important;
        transition-duration: 0.01ms !important;
      }
    }
    @media (forced-colors: active) {
      button.primary {
        border-color: ButtonText;
      }
      :focus-visible {
        outline-color: Highlight;
        box-shadow: none;
      }
    }
  `,
];
