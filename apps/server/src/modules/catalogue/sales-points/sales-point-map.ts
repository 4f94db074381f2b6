import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Bounds, boundsOf, type LatLon, positionOnGrid, sketchProjection, tileGridFor, tileUrl } from '@ocop/domain/catalogue';
import { html, type SafeHtml } from '../../../platform/html/html';
import { REFERENCE_DATA_FOLDER } from '../../../platform/paths';

export type ProvinceOutline = { provinceCode: string; accuracy: 'sketch' | 'official'; ring: LatLon[] };

/** Where the map's tiles come from, when the deployment has a tile server (OpenStreetMap-style `{z}/{x}/{y}`). */
export type MapTiles = { urlTemplate: string; attribution: string };

const OUTLINE_MAX_VERTICES = 5_000;
const outlines = new Map<string, ProvinceOutline | null>();

/** The province's outline from `reference-data/maps/<code>.json`, read once; null when there is none. */
export function provinceOutline(provinceCode: string, folder = join(REFERENCE_DATA_FOLDER, 'maps')): ProvinceOutline | null {
  if (!/^\d{2}$/.test(provinceCode)) return null;
  const key = `${folder}/${provinceCode}`;
  if (!outlines.has(key)) {
    let outline: ProvinceOutline | null = null;
    try {
      const file = JSON.parse(readFileSync(join(folder, `${provinceCode}.json`), 'utf8')) as {
        accuracy?: unknown;
        outline?: unknown;
      };
      const ring = Array.isArray(file.outline) ? file.outline.slice(0, OUTLINE_MAX_VERTICES) : [];
      const points = ring
        .filter((pair): pair is [number, number] => Array.isArray(pair) && typeof pair[0] === 'number' && typeof pair[1] === 'number')
        .map(([lon, lat]) => ({ lat, lon }));
      if (points.length >= 3) outline = { provinceCode, accuracy: file.accuracy === 'official' ? 'official' : 'sketch', ring: points };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    outlines.set(key, outline);
  }
  return outlines.get(key) ?? null;
}

export type MapMarker = { id: string; name: string; location: LatLon; href: string };

const SKETCH_WIDTH = 600;

/** The box the map shows: the outline and every point (a point outside the outline still shows). */
function mapBounds(markers: readonly MapMarker[], outline: ProvinceOutline | null): Bounds | null {
  return boundsOf([...(outline?.ring ?? []), ...markers.map((marker) => marker.location)], 0.04);
}

/**
 * The points over the province outline as an inline SVG: no tile server, no script, a few KB. Each
 * point is a link (to its entry in the list below the map) with its name as the tooltip.
 */
export function renderSketchMap(markers: readonly MapMarker[], outline: ProvinceOutline | null, caption: string): SafeHtml {
  const bounds = mapBounds(markers, outline);
  if (!bounds) return html``;
  const { width, height, project } = sketchProjection(bounds, SKETCH_WIDTH);
  const ring = outline ? outline.ring.map((place) => project(place)) : [];
  const path = ring.length > 0 ? `M${ring.map(({ x, y }) => `${x},${y}`).join('L')}Z` : '';
  return html`<figure style="margin:1rem 0"><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${caption}" style="max-height:70vh;background:#eef4ea;border-radius:.5rem">${
    path ? html`<path d="${path}" fill="#dcebd3" stroke="#1d6b34" stroke-width="2" stroke-linejoin="round"/>` : ''
  }${markers.map((marker, index) => {
    const { x, y } = project(marker.location);
    return html`<a href="${marker.href}"><title>${marker.name}</title><circle cx="${x}" cy="${y}" r="12" fill="#c0392b" stroke="#fff" stroke-width="2"/><text x="${x}" y="${y + 5}" text-anchor="middle" font-size="14" font-weight="700" fill="#fff">${index + 1}</text></a>`;
  })}</svg><figcaption style="font-size:.85rem;color:#57606a">${caption}</figcaption></figure>`;
}

const TILE_COLUMNS = 4;
const TILE_ROWS = 3;

/**
 * The points over map tiles from the configured server, laid out by the server (a grid of `<img>`
 * and absolutely placed numbered markers), so it still needs no script. Tiles load lazily.
 */
export function renderTileMap(markers: readonly MapMarker[], outline: ProvinceOutline | null, tiles: MapTiles, caption: string): SafeHtml {
  const bounds = mapBounds(markers, outline);
  if (!bounds) return html``;
  const grid = tileGridFor(bounds, TILE_COLUMNS, TILE_ROWS);
  const columns = grid.xMax - grid.xMin + 1;
  const rows = grid.yMax - grid.yMin + 1;
  const cells: SafeHtml[] = [];
  for (let y = grid.yMin; y <= grid.yMax; y += 1) {
    for (let x = grid.xMin; x <= grid.xMax; x += 1) {
      cells.push(
        html`<img src="${tileUrl(tiles.urlTemplate, grid.zoom, x, y)}" alt="" width="256" height="256" loading="lazy" decoding="async" style="display:block;width:100%;height:auto">`,
      );
    }
  }
  return html`<figure style="margin:1rem 0"><div role="img" aria-label="${caption}" style="position:relative;display:grid;grid-template-columns:repeat(${columns},1fr);aspect-ratio:${columns}/${rows};overflow:hidden;border-radius:.5rem;background:#eef4ea">${cells}${markers.map(
    (marker, index) => {
      const { left, top } = positionOnGrid(grid, marker.location);
      return html`<a href="${marker.href}" title="${marker.name}" style="position:absolute;left:${left}%;top:${top}%;transform:translate(-50%,-50%);width:1.3rem;height:1.3rem;border-radius:50%;background:#c0392b;border:2px solid #fff;color:#fff;font:700 .7rem/1.3rem system-ui;text-align:center;text-decoration:none">${index + 1}</a>`;
    },
  )}</div><figcaption style="font-size:.85rem;color:#57606a">${caption} · ${tiles.attribution}</figcaption></figure>`;
}
