import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { PreparedPhoto } from '../photos/downscale-photo.js';
import type { LocalizedText } from '../form/validate.js';
import { drawThumbnail } from '../photos/draw-thumbnail.js';
import { describedBy, errorId, errorMessage, hintId } from '../form/field-parts.js';

export interface PhotosSectionProps {
  photos: PreparedPhoto[];
  maxPhotos: number;
  problem: LocalizedText | undefined;
  busy: boolean;
  /** Photos attached before the page was reloaded; a reload cannot keep them. */
  droppedPhotos: number;
  onAdd: (files: File[]) => void;
  onRemove: (index: number) => void;
}

export function photosSection(props: PhotosSectionProps) {
  const { photos, maxPhotos } = props;
  const full = photos.length >= maxPhotos;
  // The native file input speaks the browser's language, not the page's ("No file
  // chosen" as its value, even on a Chinese page): citizens press our own button,
  // which opens the hidden input's picker; the photos chosen are a labelled list.
  const count = msg(str`${photos.length} of ${maxPhotos} photos added.`);
  return html`<fieldset class="field" part="field">
    <legend>${msg('Photos (optional)')}</legend>
    <span class="hint" id=${hintId('photos')}>
      ${msg(str`Up to ${maxPhotos}. They are made smaller on your device before sending.`)}
    </span>
    ${props.droppedPhotos > 0
      ? html`<p class="dropped-photos" id="photos-dropped">
          ${props.droppedPhotos === 1
            ? msg('The photo you added before the page was reloaded could not be kept: add your photo again.')
            : msg(str`The ${props.droppedPhotos} photos you added before the page was reloaded could not be kept: add your photos again.`)}
        </p>`
      : nothing}
    ${errorMessage('photos', props.problem?.())}
    ${full
      ? html`<p id="photos-full" tabindex="-1">${msg(str`You have added ${photos.length} of ${maxPhotos} photos.`)}</p>`
      : html`<div class="file-picker">
          <input
            id="photos"
            type="file"
            accept="image/*"
            multiple
            hidden
            @change=${(event: Event) => {
              const input = event.target as HTMLInputElement;
              props.onAdd([...(input.files ?? [])]);
              input.value = '';
            }}
          />
          <button
            type="button"
            id="add-photos"
            class="file-button"
            aria-describedby=${describedBy(
              hintId('photos'),
              props.droppedPhotos > 0 && 'photos-dropped',
              photos.length > 0 && 'photos-count',
              props.problem && errorId('photos'),
            )}
            aria-disabled=${props.busy ? 'true' : nothing}
            @click=${(event: Event) => {
              // Busy preparing photos: the button keeps the focus (disabled would drop it to <body>) but opens nothing.
              if (!props.busy) (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLInputElement>('#photos')?.click();
            }}
          >
            ${props.busy ? msg('Preparing photos…') : msg('Add photos')}
          </button>
        </div>`}
    ${photos.length > 0
      ? html`<p id="photos-count" class="hint">${count}</p>
        <ul class="thumbnails" aria-labelledby="photos-count">
          ${photos.map(
            (photo, index) => html`<li>
              <canvas
                width="96"
                height="96"
                role="img"
                aria-label=${msg(str`Photo ${index + 1}: ${photo.name}`)}
                ${drawThumbnail(photo.bitmap)}
              ></canvas>
              <button type="button" class="remove-photo" @click=${() => props.onRemove(index)}>
                ${msg(str`Remove photo ${index + 1}`)}
              </button>
            </li>`,
          )}
        </ul>`
      : nothing}
  </fieldset>`;
}
