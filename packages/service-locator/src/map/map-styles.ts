/**
 * The map's own look, adopted after Leaflet's stylesheet: markers as round
 * buttons, the control bar, the scale bar and the plain background, and the
 * list's parts that only a map brings (the chosen point, "Show on map"): the
 * sheet is adopted before they first render. Plain CSS text (no Lit in the map
 * file); the widget's tokens reach it through the shadow root, care mode
 * through the `.care` root.
 */
export const mapCss = `
/* Chosen on the map: a bar as the notes have, not colour alone. */
.point.selected{padding-inline-start:calc(var(--_civic-space)*.75);border-inline-start:5px solid var(--_civic-color-focus)}
.actions button{display:inline-flex;align-items:center;min-height:var(--_civic-target-size)}
.map-controls{display:flex;flex-wrap:wrap;gap:.25em;margin-block-end:.5em}
.map-controls button{padding:0 .5em}
.map-controls [aria-disabled=true]{opacity:.6;cursor:default}
.map-view{height:20em;border:1px solid var(--_civic-color-border);border-radius:var(--_civic-radius)}
.map-view.leaflet-container{font:inherit;background:var(--_civic-color-surface)}
.map-view :focus-visible{outline:3px solid var(--_civic-color-text);outline-offset:2px;box-shadow:0 0 0 6px var(--_civic-color-focus)}
.civic-marker{width:0;height:0}
/* Leaflet lets clicks through markers it does not handle itself; these are buttons. */
.civic-marker button{pointer-events:auto;cursor:pointer}
.civic-marker button{--_size:24px;position:absolute;inset-inline-start:0;top:0;display:block;width:var(--_size);min-width:0;height:var(--_size);min-height:0;margin:calc(var(--_size)/-2);padding:0;border:3px solid var(--_civic-color-background);border-radius:50%;background:var(--_civic-color-primary);box-shadow:0 0 0 1px var(--_civic-color-text)}
.care .civic-marker button{--_size:48px}
.civic-marker .group{color:var(--_civic-color-on-primary);font-size:.8em;font-weight:700;line-height:1}
.civic-marker button.selected{background:var(--_civic-color-focus);border-color:var(--_civic-color-text);box-shadow:0 0 0 3px var(--_civic-color-background),0 0 0 5px var(--_civic-color-text);z-index:1}
.civic-marker .label{position:absolute;bottom:calc(100% + 8px);left:50%;translate:-50% 0;width:max-content;max-width:min(14em,80vw);padding:.1em .4em;text-align:center;font-weight:700;color:var(--_civic-color-text);background:var(--_civic-color-background);border:2px solid var(--_civic-color-text);border-radius:var(--_civic-radius)}
.civic-marker button:not(.selected) .label{clip-path:inset(50%);width:1px;height:1px;overflow:hidden;padding:0;border:0}
.civic-position{width:0;height:0}
.civic-position span{position:absolute;width:18px;height:18px;margin:-9px;border:3px solid var(--_civic-color-background);border-radius:50%;background:var(--_civic-color-error);box-shadow:0 0 0 1px var(--_civic-color-text)}
.map-footer{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25em 1em;margin-block-start:.25em;color:var(--_civic-color-text-muted);font-size:.875em}
.scale{display:flex;align-items:end;gap:.5em;color:var(--_civic-color-text)}
.scale-bar{height:.6em;border:2px solid var(--_civic-color-text);border-block-start:0}
@media (forced-colors:active){
.civic-marker button{background:ButtonText;border-color:ButtonFace}
.civic-marker button.selected{background:Highlight;border-color:ButtonText}
.civic-position span{background:Mark;border-color:CanvasText}
.map-view{border-color:CanvasText}
}
`;
