// Pictures for generated articles, drawn here (nothing is downloaded): bar
// and line charts and a map of made-up coastlines, as SVG made from a seeded
// generator, so the same seed always draws the same pictures. Shapes only:
// no text, so no font is needed to draw them.
import { mulberry32 } from "./mulberry32";

export type Picture = { svg: string; alt: string; caption: string };

const WIDTH = 1280;
const HEIGHT = 720;
const PALETTES = [
  ["#1d3f72", "#9b1c1c", "#d9a441", "#f2efe8"],
  ["#234d3c", "#c0562c", "#e9c46a", "#f4f1ea"],
  ["#3b2f5c", "#2a9d8f", "#e76f51", "#f1efe9"],
  ["#14213d", "#fca311", "#8d99ae", "#f5f3ee"],
];

const frame = (background: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"><rect width="100%" height="100%" fill="${background}"/>${body}</svg>`;

function gridLines(colour: string): string {
  return Array.from({ length: 5 }, (_, index) => {
    const y = 120 + index * 120;
    return `<line x1="80" y1="${y}" x2="${WIDTH - 80}" y2="${y}" stroke="${colour}" stroke-opacity="0.25" stroke-width="2"/>`;
  }).join("");
}

function barChart(random: () => number, [ink, accent, , paper]: string[]): Picture {
  const bars = 12;
  const step = (WIDTH - 160) / bars;
  const heights = Array.from({ length: bars }, () => 80 + random() * 480);
  const rects = heights
    .map((height, index) => {
      const colour = index === bars - 1 ? accent : ink;
      return `<rect x="${80 + index * step + 8}" y="${600 - height}" width="${step - 16}" height="${height}" fill="${colour}"/>`;
    })
    .join("");
  return {
    svg: frame(paper!, gridLines(ink!) + rects),
    alt: "A bar chart of twelve months in which the last month stands out from the rest.",
    caption: "Monthly figures over the past year.",
  };
}

function lineChart(random: () => number, [ink, accent, third, paper]: string[]): Picture {
  const line = (colour: string, width: number) => {
    let y = 200 + random() * 300;
    const points = Array.from({ length: 24 }, (_, index) => {
      y = Math.min(620, Math.max(100, y + (random() - 0.5) * 90));
      return `${80 + (index * (WIDTH - 160)) / 23},${y.toFixed(1)}`;
    });
    return `<polyline points="${points.join(" ")}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linejoin="round"/>`;
  };
  return {
    svg: frame(paper!, gridLines(ink!) + line(third!, 6) + line(ink!, 6) + line(accent!, 10)),
    alt: "A line chart of three series over two years; the highlighted one swings most.",
    caption: "Three indicators over the past two years.",
  };
}

function coastMap(random: () => number, [ink, accent, third, paper]: string[]): Picture {
  const blob = (cx: number, cy: number, radius: number, colour: string) => {
    // A coastline: the radius wanders a little from point to point.
    let wander = 1;
    const points = Array.from({ length: 48 }, (_, index) => {
      const angle = (index / 48) * Math.PI * 2;
      wander = Math.min(1.15, Math.max(0.8, wander + (random() - 0.5) * 0.12));
      const r = radius * wander;
      return `${(cx + Math.cos(angle) * r).toFixed(1)},${(cy + Math.sin(angle) * r * 0.8).toFixed(1)}`;
    });
    return `<polygon points="${points.join(" ")}" fill="${colour}"/>`;
  };
  const land = [blob(330, 300, 260, third!), blob(900, 420, 300, third!), blob(620, 120, 120, third!)].join("");
  const route = `<path d="M 180 600 C 420 520, 620 650, 1100 240" fill="none" stroke="${accent}" stroke-width="8" stroke-dasharray="24 14"/>`;
  const ports = [
    [180, 600],
    [1100, 240],
  ]
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="16" fill="${ink}"/>`)
    .join("");
  return {
    svg: frame(paper!, land + route + ports),
    alt: "A map of two coastlines with a shipping route drawn between two ports.",
    caption: "The route between the two ports.",
  };
}

const DRAWINGS = [barChart, lineChart, coastMap];

/** `count` pictures for the generator `seed`, always the same for the same seed. */
export function drawPictures(count: number, seed: number): Picture[] {
  const random = mulberry32(seed ^ 0x5eed1a6e);
  return Array.from({ length: count }, (_, index) =>
    DRAWINGS[index % DRAWINGS.length]!(random, PALETTES[index % PALETTES.length]!),
  );
}
