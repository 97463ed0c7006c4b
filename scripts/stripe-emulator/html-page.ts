// The frame of the hosted pages: plain server-rendered HTML that works
// without JavaScript, with labelled fields so tests can fill them by label.
export type PageResponse = { status: number; html: string } | { status: 303; location: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const styles = `
  body { font: 16px/1.5 system-ui, sans-serif; background: #f6f8fa; color: #1a1f36; margin: 0; }
  main { max-width: 28rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #c4c9d2; border-radius: 4px; }
  input[readonly] { background: #f6f8fa; }
  button { margin-top: 1rem; padding: .6rem 1rem; font: inherit; border: 0; border-radius: 4px; background: #635bff; color: #fff; cursor: pointer; }
  button.secondary { background: #e3e8ee; color: #1a1f36; }
  [role=alert] { color: #df1b41; font-weight: 600; }
  .offer { color: #0a7b3e; font-weight: 600; }
  .code-form { margin-top: 1rem; }
  .test-mode { font-size: .85rem; color: #697386; margin-top: 2rem; }
  section { border-top: 1px solid #e3e8ee; margin-top: 1.5rem; padding-top: 1rem; }
  table { width: 100%; border-collapse: collapse; } td, th { text-align: left; padding: .25rem 0; }
`;

export function htmlPage(title: string, body: string, status = 200): PageResponse {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}
<p class="test-mode">Stripe emulator, test mode: no real payments.</p>
</main>
</body>
</html>
`;
  return { status, html };
}

/** "Return to localhost:3000": the site a link goes back to, named by its host. */
export function siteName(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}
