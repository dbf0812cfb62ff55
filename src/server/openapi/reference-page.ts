/**
 * A readable API reference rendered on the server from the OpenAPI document: no
 * JavaScript and no assets from elsewhere, so it works on machines without internet.
 */
type Schema = Record<string, unknown>;
type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema; description?: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
};
type Document = {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function describeSchema(schema: Schema | undefined, depth = 0): string {
  if (!schema || depth > 4) return "";
  const props = schema.properties as Record<string, Schema> | undefined;
  if (!props) return "";
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(props).map(([name, p]) => {
    const type =
      (p.enum as string[] | undefined)?.map((v) => `"${v}"`).join(" | ") ??
      String(p.type ?? p.format ?? "object");
    return `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? "" : " <small>optional</small>"}</td><td>${escapeHtml(type)}</td><td>${escapeHtml(String(p.description ?? ""))}</td></tr>`;
  });
  return `<table><thead><tr><th>field</th><th>type</th><th>meaning</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export function renderReferencePage(doc: Document): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? "Other";
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ", required" : ""}) ${escapeHtml(p.description ?? String(p.schema?.description ?? ""))}</li>`,
        )
        .join("");
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><b>${status}</b> ${escapeHtml(r.description ?? "")}</li>`)
        .join("");
      const html = `<section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
        <p>${escapeHtml(op.summary ?? "")}</p>
        ${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ""}
        ${body ? `<h4>Body</h4>${describeSchema(body)}` : ""}
        <h4>Responses</h4><ul>${responses}</ul></section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const nav = [...byTag.keys()]
    .map((t) => `<a href="#${encodeURIComponent(t)}">${escapeHtml(t)}</a>`)
    .join("");
  const sections = [...byTag.entries()]
    .map(([tag, ops]) => `<h2 id="${encodeURIComponent(tag)}">${escapeHtml(tag)}</h2>${ops.join("")}`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)} reference</title><style>
body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#1a1b1e;background:#f8f9fa}
header{background:#1c2a3a;color:#fff;padding:16px 24px}header a{color:#9ec5fe}
nav{display:flex;flex-wrap:wrap;gap:12px;padding:8px 24px;background:#fff;border-bottom:1px solid #dee2e6;position:sticky;top:0}
main{max-width:1000px;margin:0 auto;padding:8px 24px 48px}.op{background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:4px 16px;margin:12px 0}
.m{font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;background:#495057}.get{background:#1971c2}.post{background:#2f9e44}.patch{background:#e8590c}.delete{background:#c92a2a}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e9ecef;text-align:left;padding:4px 8px;vertical-align:top}h4{margin:8px 0 4px}
@media (prefers-color-scheme:dark){body{background:#141517;color:#e9ecef}.op,nav{background:#1a1b1e;border-color:#373a40}td,th{border-color:#373a40}}
</style></head><body><header><h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description ?? "")}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a></p></header><nav>${nav}</nav><main>${sections}</main></body></html>`;
}
