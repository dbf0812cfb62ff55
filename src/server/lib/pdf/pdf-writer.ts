/**
 * A few layout pieces over PDFKit for Keel's reports: headings, lines of text, tables
 * whose header repeats after a page break, and SVG charts (ECharts' server-side SVG,
 * drawn as vectors by svg-to-pdfkit). Everything runs in-process with PDFKit's standard
 * fonts: no browser, no font files, nothing downloaded.
 */
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { pdfText } from "./pdf-text.ts";

export type Column = { title: string; width: number; align?: "left" | "right" };
/** A table cell: text, optionally drawn in a colour (status words). */
export type Cell = string | { text: string; color: string };

const MARGIN = 48;
const BODY = 9;
const ROW = 14;
const TEXT_COLOUR = "#1a1b1e";
const DIMMED = "#5c636a";
const RULE = "#ced4da";

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(info: { title: string; author: string }) {
    this.doc = new PDFDocument({
      size: "A4",
      margin: MARGIN,
      bufferPages: false,
      info: { Title: pdfText(info.title), Author: pdfText(info.author), Creator: "Keel" },
    });
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
    this.doc.font("Helvetica").fontSize(BODY).fillColor(TEXT_COLOUR);
  }

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** A new page unless `height` still fits on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = MARGIN;
  }

  heading(text: string, size: 22 | 16 | 12 = 16): void {
    this.ensureSpace(size * 3);
    if (size !== 22) this.doc.moveDown(size === 16 ? 0.2 : 0.6);
    this.doc
      .font("Helvetica-Bold")
      .fontSize(size)
      .fillColor(TEXT_COLOUR)
      .text(pdfText(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.font("Helvetica").fontSize(BODY).moveDown(0.3);
  }

  line(text: string, options: { dimmed?: boolean; size?: number } = {}): void {
    this.ensureSpace(ROW);
    this.doc
      .font("Helvetica")
      .fontSize(options.size ?? BODY)
      .fillColor(options.dimmed ? DIMMED : TEXT_COLOUR)
      .text(pdfText(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.fillColor(TEXT_COLOUR).fontSize(BODY);
  }

  gap(lines = 0.6): void {
    this.doc.moveDown(lines);
  }

  /** A table; the header is drawn again at the top of each page it runs onto. */
  table(columns: Column[], rows: Cell[][]): void {
    const header = () => {
      this.row(
        columns,
        columns.map((c) => c.title),
        true,
      );
    };
    this.ensureSpace(ROW * 2);
    header();
    for (const cells of rows) {
      if (this.doc.y + ROW > this.bottom) {
        this.newPage();
        header();
      }
      this.row(columns, cells, false);
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.4);
  }

  private row(columns: Column[], cells: Cell[], bold: boolean): void {
    const y = this.doc.y;
    let x = MARGIN;
    this.doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? BODY - 0.5 : BODY);
    columns.forEach((column, i) => {
      const cell = cells[i] ?? "";
      const text = typeof cell === "string" ? cell : cell.text;
      this.doc
        .fillColor(typeof cell === "string" ? (bold ? DIMMED : TEXT_COLOUR) : cell.color)
        .text(pdfText(text), x + 2, y + 3, {
          width: column.width - 4,
          height: ROW - 2,
          lineBreak: false,
          ellipsis: true,
          align: column.align ?? "left",
        });
      x += column.width;
    });
    this.doc
      .moveTo(MARGIN, y + ROW)
      .lineTo(MARGIN + columns.reduce((s, c) => s + c.width, 0), y + ROW)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    this.doc.fillColor(TEXT_COLOUR).font("Helvetica").fontSize(BODY);
    this.doc.x = MARGIN;
    this.doc.y = y + ROW;
  }

  /** An SVG picture (a chart) at the text's position, with its caption above it. */
  svg(svg: string, size: { width: number; height: number }, caption: string): void {
    this.ensureSpace(size.height + ROW * 2);
    this.line(caption, { dimmed: true });
    SVGtoPDF(this.doc, svg, MARGIN, this.doc.y, { width: size.width, height: size.height, assumePt: true });
    this.doc.x = MARGIN;
    this.doc.y += size.height + 4;
  }

  /** Ends the document and gives its bytes. */
  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
