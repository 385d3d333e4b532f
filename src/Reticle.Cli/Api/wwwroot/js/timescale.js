// A linear date axis for the SVG pictures: ISO dates to x positions, and year ticks along the axis.
import { s } from './dom.js';

const DAY = 86400000;

export function toTime(iso) {
  return Date.parse(`${iso}T00:00:00Z`);
}

export function addDays(iso, days) {
  return new Date(toTime(iso) + days * DAY).toISOString().slice(0, 10);
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** A scale over [from, until] (ISO dates) onto [left, right] pixels. */
export function timeScale(from, until, left, right) {
  const t0 = toTime(from);
  const t1 = Math.max(toTime(until), t0 + DAY);
  const x = iso => left + (toTime(iso) - t0) / (t1 - t0) * (right - left);
  x.from = from;
  x.until = until;
  return x;
}

/** Year (or, for short spans, quarter) ticks with labels, and grid lines down to `bottom`. */
export function axis(x, top, bottom) {
  const first = new Date(toTime(x.from));
  const last = new Date(toTime(x.until));
  const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
  const step = months > 30 ? 12 : months > 8 ? 3 : 1;
  const ticks = [];
  const d = new Date(Date.UTC(first.getUTCFullYear(), 0, 1));
  while (d <= last) {
    const iso = d.toISOString().slice(0, 10);
    if (d >= first) {
      const label = step === 12 ? String(d.getUTCFullYear()) : iso.slice(0, 7);
      ticks.push(s('g', { class: 'tick' },
        s('line', { x1: x(iso), x2: x(iso), y1: top, y2: bottom }),
        s('text', { x: x(iso), y: top - 6, 'text-anchor': 'middle' }, label)));
    }
    d.setUTCMonth(d.getUTCMonth() + step);
  }
  return s('g', { class: 'axis', 'aria-hidden': 'true' }, ticks);
}
