/**
 * The one look of Keel's mail: a few paragraphs, an optional list and one link, as plain
 * text and as simple HTML. Every value that came from a person is escaped in the HTML.
 */
export type MailContent = {
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /** Lines shown as a list (KRs due, what changed). */
  items?: string[];
  link?: { label: string; url: string };
  /** Why the person gets this mail, and how to stop it when they can. */
  footer: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function renderMail(content: MailContent): RenderedMail {
  const text = [
    ...content.paragraphs,
    ...(content.items?.length ? [content.items.map((i) => `- ${i}`).join("\n")] : []),
    ...(content.link ? [`${content.link.label}: ${content.link.url}`] : []),
    `--\n${content.footer}`,
  ].join("\n\n");
  const html = [
    '<div style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1f2933">',
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(content.items?.length
      ? [`<ul>${content.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`]
      : []),
    ...(content.link
      ? [`<p><a href="${escapeHtml(content.link.url)}">${escapeHtml(content.link.label)}</a></p>`]
      : []),
    `<p style="color:#52606d;font-size:13px">${escapeHtml(content.footer)}</p>`,
    "</div>",
  ].join("\n");
  return { subject: content.subject, text: `${text}\n`, html };
}
