// The square a photo is cropped to, from the crop controls: zoom 1 takes the largest square that fits, and the
// positions (0-100) slide it from the left/top edge to the right/bottom edge. Pure, so it runs in the browser.

export const MAX_PHOTO_SIDE = 1200;

export type CropControls = { zoom: number; x: number; y: number };
export type CropBox = { sx: number; sy: number; side: number; outputSide: number };

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

export function cropBox(width: number, height: number, controls: CropControls): CropBox {
  const zoom = clamp(controls.zoom, 1, 4);
  const side = Math.min(width, height) / zoom;
  return {
    sx: ((width - side) * clamp(controls.x, 0, 100)) / 100,
    sy: ((height - side) * clamp(controls.y, 0, 100)) / 100,
    side,
    outputSide: Math.max(1, Math.round(Math.min(side, MAX_PHOTO_SIDE))),
  };
}
