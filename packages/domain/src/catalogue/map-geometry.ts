/**
 * The arithmetic of the sales-point map, drawn on the server so the page needs no script: an SVG
 * sketch (points over the province outline) and, when a tile server is configured, a grid of
 * Web-Mercator tiles (the OpenStreetMap scheme) with the points placed over it.
 */
import type { LatLon } from './sales-points';

export type Bounds = { minLat: number; maxLat: number; minLon: number; maxLon: number };

/** The smallest box around the points, widened by a margin (in degrees) so no point sits on the edge. */
export function boundsOf(points: readonly LatLon[], margin = 0.05): Bounds | null {
  if (points.length === 0) return null;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  for (const { lat, lon } of points) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
  }
  return { minLat: minLat - margin, maxLat: maxLat + margin, minLon: minLon - margin, maxLon: maxLon + margin };
}

/**
 * A projection of the box onto a drawing `width` wide: longitude scaled by the cosine of the middle
 * latitude (so a province is not stretched sideways), north up. Returns the drawing's height too.
 */
export function sketchProjection(bounds: Bounds, width: number) {
  const midLat = ((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180);
  const xSpan = Math.max((bounds.maxLon - bounds.minLon) * Math.cos(midLat), 1e-6);
  const ySpan = Math.max(bounds.maxLat - bounds.minLat, 1e-6);
  const scale = width / xSpan;
  const height = Math.round(ySpan * scale);
  const project = ({ lat, lon }: LatLon) => ({
    x: Math.round((lon - bounds.minLon) * Math.cos(midLat) * scale * 10) / 10,
    y: Math.round((bounds.maxLat - lat) * scale * 10) / 10,
  });
  return { width, height, project };
}

const MAX_MERCATOR_LAT = 85.05112878;

/** The fractional Web-Mercator tile coordinates of a place at a zoom (x to the east, y to the south). */
export function tileCoordinates({ lat, lon }: LatLon, zoom: number): { x: number; y: number } {
  const n = 2 ** zoom;
  const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * (Math.PI / 180);
  return {
    x: ((lon + 180) / 360) * n,
    y: ((1 - Math.log(Math.tan(clamped) + 1 / Math.cos(clamped)) / Math.PI) / 2) * n,
  };
}

export type TileGrid = { zoom: number; xMin: number; xMax: number; yMin: number; yMax: number };

/** The most detailed grid of whole tiles that shows the box within `maxColumns` × `maxRows` tiles. */
export function tileGridFor(bounds: Bounds, maxColumns: number, maxRows: number, maxZoom = 16): TileGrid {
  for (let zoom = maxZoom; zoom > 0; zoom -= 1) {
    const northWest = tileCoordinates({ lat: bounds.maxLat, lon: bounds.minLon }, zoom);
    const southEast = tileCoordinates({ lat: bounds.minLat, lon: bounds.maxLon }, zoom);
    const grid = {
      zoom,
      xMin: Math.floor(northWest.x),
      xMax: Math.floor(southEast.x),
      yMin: Math.floor(northWest.y),
      yMax: Math.floor(southEast.y),
    };
    if (grid.xMax - grid.xMin + 1 <= maxColumns && grid.yMax - grid.yMin + 1 <= maxRows) return grid;
  }
  return { zoom: 0, xMin: 0, xMax: 0, yMin: 0, yMax: 0 };
}

/** Where a place falls on the grid, as percentages of its width and height (for absolutely placed markers). */
export function positionOnGrid(grid: TileGrid, place: LatLon): { left: number; top: number } {
  const { x, y } = tileCoordinates(place, grid.zoom);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    left: round(((x - grid.xMin) / (grid.xMax - grid.xMin + 1)) * 100),
    top: round(((y - grid.yMin) / (grid.yMax - grid.yMin + 1)) * 100),
  };
}

/** A tile's address from a `{z}/{x}/{y}` template (the only placeholders it fills). */
export function tileUrl(template: string, zoom: number, x: number, y: number): string {
  return template.replaceAll('{z}', String(zoom)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y));
}
