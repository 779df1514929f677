import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg, str } from '@lit/localize';
import { topHeading, type HeadingLevels } from '@civic-widgets/core';
import type { Notice } from '../feeds/notice.js';
import { loadedSanitizer } from './lazy-sanitizer.js';
import { fileTypeLabel } from '../feeds/file-type.js';
import { fitHeadings } from './fit-headings.js';

export interface NoticeItemProps {
  notice: Notice;
  index: number;
  open: boolean;
  unread: boolean;
  formatDate: (date: Date) => string;
  formatSize: (bytes: number) => string;
  /** The feed's URL, against which relative links and images in the content resolve. */
  base: string;
  onToggle: (notice: Notice) => void;
  onFollow: (notice: Notice) => void;
  /** Notice titles are top headings of the board, as warnings are. */
  levels: HeadingLevels;
  /** Renders the board again once the HTML sanitizer, loaded on first use, is in. */
  onSanitizerReady: () => void;
}

function attachmentList(notice: Notice, formatSize: (bytes: number) => string) {
  if (notice.attachments.length === 0) return nothing;
  return html`<ul class="attachments" aria-label=${msg('Attachments')}>
    ${notice.attachments.map(
      (attachment) => html`<li>
        <a class="action-link" href=${attachment.url} rel="noopener noreferrer">${attachment.title || msg('Attachment')}</a>
        <span class="file-facts">${[fileTypeLabel(attachment.type, attachment.url), attachment.size === undefined ? '' : formatSize(attachment.size)].filter(Boolean).join(' · ')}</span>
      </li>`,
    )}
  </ul>`;
}

/** `headingLevel`: where the notice's own headings start, one below its title. */
function content(notice: Notice, base: string, headingLevel: number, onSanitizerReady: () => void) {
  const lang = notice.language ?? nothing;
  if (notice.contentHtml) {
    const sanitizer = loadedSanitizer(onSanitizerReady);
    return html`<div class="content" lang=${lang} aria-busy=${sanitizer ? nothing : 'true'}>${
      sanitizer
        ? guard([notice.contentHtml, base, headingLevel], () => fitHeadings(sanitizer.sanitizeNoticeHtml(notice.contentHtml, base), headingLevel))
        : notice.contentText || nothing
    }</div>`;
  }
  if (notice.contentText) return html`<div class="content plain" lang=${lang}>${notice.contentText}</div>`;
  return nothing;
}

/**
 * One notice. A notice with content opens in place (a disclosure button that
 * says whether it is open); one with only a link follows it. Every feed
 * string is rendered as text; only the content goes in as HTML, sanitised.
 */
export function noticeItem({ notice, index, open, unread, formatDate, formatSize, base, onToggle, onFollow, levels, onSanitizerReady }: NoticeItemProps) {
  const hasContent = Boolean(notice.contentHtml || notice.contentText);
  // The feed's texts keep the feed's language (the widget's own words keep the page's), so a screen
  // reader reads a Chinese notice as Chinese on an English page (WCAG 3.1.2).
  const lang = notice.language ?? nothing;
  const titleText = notice.title || msg('(untitled notice)');
  const regionId = `notice-${index}-content`;
  const title = hasContent
    ? html`<button type="button" class="title" lang=${lang} aria-expanded=${open ? 'true' : 'false'} aria-controls=${regionId} @click=${() => onToggle(notice)}>
        ${titleText}
      </button>`
    : notice.url
      ? html`<a class="title" lang=${lang} href=${notice.url} rel="noopener noreferrer" @click=${() => onFollow(notice)}>${titleText}</a>`
      : html`<span class="title" lang=${lang}>${titleText}</span>`;
  const summary = notice.summary || (notice.summaryHtml ? (loadedSanitizer(onSanitizerReady)?.textOfHtml(notice, notice.summaryHtml) ?? '') : '');
  return html`<li class="notice ${unread ? 'unread' : ''} ${notice.pinned ? 'pinned' : ''}" part="notice" data-index=${index} data-id=${notice.id}>
    <article>
      ${topHeading(
        levels,
        html`${unread ? html`<span class="unread-mark"><span class="visually-hidden">${msg('Unread:')}</span></span>` : nothing} ${title}`,
        { className: 'notice-heading' },
      )}
      <p class="meta">
        ${notice.pinned ? html`<span class="badge pinned-badge">${msg('Pinned')}</span>` : nothing}
        ${notice.published ? html`<time datetime=${notice.published.toISOString()}>${formatDate(notice.published)}</time>` : nothing}
        ${notice.tags.length > 0
          ? html`<span class="tags"><span class="visually-hidden">${msg('Categories:')}</span> ${notice.tags.map((tag) => html`<span class="tag" lang=${lang}>${tag}</span>`)}</span>`
          : nothing}
      </p>
      ${summary ? html`<p class="summary" lang=${lang}>${summary}</p>` : nothing}
      ${attachmentList(notice, formatSize)}
      ${hasContent && open
        ? html`<div id=${regionId} class="details">
            ${content(notice, base, levels.inner, onSanitizerReady)}
            ${notice.url ? html`<p><a class="action-link" href=${notice.url} rel="noopener noreferrer" @click=${() => onFollow(notice)}>${msg(str`Read “${titleText}” on its own page`)}</a></p>` : nothing}
          </div>`
        : nothing}
    </article>
  </li>`;
}
